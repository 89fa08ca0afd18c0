import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import * as clock from '../../lib/clock';
import { applyRestore, exportBackup, planRestore, type RestorePlan } from '../../lib/db/backup';
import { storageErrorMessage } from '../../lib/db/quota';
import { db } from '../../lib/db/schema';
import { callOrThrow } from '../../lib/messaging/client';
import { extensionSettingsIO } from '../../lib/settings/backup-io';
import { Notice } from '../ui/primitives';

/** The plan as rows of the confirmation table: one per table the file changes, one per setting. */
function PlanView({ plan }: { plan: RestorePlan }) {
  const tables = Object.entries(plan.tables);
  const settings = Object.entries(plan.settings);
  return (
    <div data-testid="restore-plan" style={{ display: 'grid', gap: 8 }}>
      <table className="cp-table">
        <caption>
          Backup of {plan.exportedAt.slice(0, 10)}
          {plan.fromFormat < 2 ? ' (older format, converted)' : ''}: what restoring it changes
        </caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">added</th>
            <th scope="col">changed</th>
            <th scope="col">unchanged</th>
            <th scope="col">removed</th>
            <th scope="col">held back</th>
          </tr>
        </thead>
        <tbody>
          {tables.map(([name, d]) => (
            <tr key={name} data-testid={`restore-table-${name}`}>
              <th scope="row">{name}</th>
              <td>{d.added}</td>
              <td>{d.changed}</td>
              <td>{d.unchanged}</td>
              <td>{d.removed}</td>
              <td title={[...d.invalid, ...d.held].map((r) => `row ${r.index + 1}: ${r.reason}`).join('\n')}>
                {d.invalid.length + d.held.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {settings.length ? (
        <ul data-testid="restore-settings">
          {settings.map(([key, d]) => (
            <li key={key}>
              {key.replace('local:settings.', '')}:{' '}
              {d.status === 'changed'
                ? `changes ${d.fields.join(', ')}`
                : d.status === 'unchanged'
                  ? 'unchanged'
                  : `rejected (${d.reason})`}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Tables not in the file are kept as they are
        {plan.untouched.length ? ` (${plan.untouched.join(', ')})` : ''}. The AI cache is never taken from a file.
      </p>
      {plan.providerIgnored ? (
        <Notice tone="info" title="AI provider left unchanged">
          The file names an AI provider. A restore never changes the endpoint, model, key or what is redacted before
          sending: enter them again under AI provider.
        </Notice>
      ) : null}
      {Object.values(plan.tables).some((d) => d.held.length) ? (
        <Notice tone="warn" title="Past replies held back">
          {Object.values(plan.tables).reduce((n, d) => n + d.held.length, 0)} past replies read as instructions to the
          model and are held back.
        </Notice>
      ) : null}
      {!plan.ok ? (
        <Notice tone="bad" title="This file cannot be applied">
          Some rows or settings fail their checks (hover a count for the reasons). Nothing was changed.
        </Notice>
      ) : null}
    </div>
  );
}

/** One-file export of all data and settings (never the API key), and restore from it after a diff. */
export function BackupSection() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const exporter = useMutation({
    mutationFn: async () => {
      // The provider (without its key) goes in for reference only; a restore never applies it.
      const provider = (await callOrThrow('ai.getStatus', {})).settings;
      const backup = await exportBackup(db(), extensionSettingsIO, clock.now(), provider);
      const blob = new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `counterpart-backup-${backup.exportedAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      return Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
    },
  });
  const planner = useMutation({
    mutationFn: async (file: File) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON. Nothing was changed.`);
      }
      return planRestore(db(), extensionSettingsIO, parsed);
    },
    onSuccess: (p) => setPlan(p),
  });
  const restorer = useMutation({
    mutationFn: async (p: RestorePlan) => {
      try {
        return await applyRestore(db(), extensionSettingsIO, p);
      } catch (error) {
        throw new Error(storageErrorMessage(error));
      }
    },
    onSettled: () => setPlan(null),
  });
  return (
    <section className="card" aria-labelledby="backup-title">
      <header>
        <h2 id="backup-title">Backup and restore</h2>
        <p>
          All tables and settings in one JSON file. The API key is never included, and a restore never changes the AI
          provider.
        </p>
      </header>
      <div className="card-body">
        <div className="cp-row">
          <button className="cp-btn" type="button" onClick={() => exporter.mutate()} disabled={exporter.isPending}>
            Export backup
          </button>
          <button
            className="cp-btn"
            type="button"
            onClick={() => fileInput.current?.click()}
            disabled={planner.isPending || restorer.isPending || plan !== null}
          >
            Restore from file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="Backup file to restore"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              restorer.reset();
              if (file) planner.mutate(file);
            }}
          />
        </div>
        <div style={{ marginTop: 10, display: 'grid', gap: 8 }}>
          {plan ? (
            <>
              <PlanView plan={plan} />
              <div className="cp-row">
                <button
                  className="cp-btn primary"
                  type="button"
                  disabled={!plan.ok || restorer.isPending}
                  onClick={() => restorer.mutate(plan)}
                >
                  Apply restore
                </button>
                <button className="cp-btn" type="button" onClick={() => setPlan(null)} disabled={restorer.isPending}>
                  Cancel
                </button>
              </div>
            </>
          ) : null}
          {exporter.isSuccess ? <Notice tone="ok">Exported {exporter.data} rows.</Notice> : null}
          {exporter.isError ? <Notice tone="bad">{exporter.error.message}</Notice> : null}
          {restorer.isSuccess ? (
            <Notice tone="ok" title="Restored">
              {Object.values(restorer.data.tables).reduce((a, b) => a + b, 0)} rows and {restorer.data.settings}{' '}
              settings.
            </Notice>
          ) : null}
          {planner.isError ? (
            <Notice tone="bad" title="Nothing was changed">
              {planner.error.message}
            </Notice>
          ) : null}
          {restorer.isError ? (
            <Notice tone="bad" title="Nothing was changed">
              {restorer.error.message}
            </Notice>
          ) : null}
        </div>
      </div>
    </section>
  );
}
