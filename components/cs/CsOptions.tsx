import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { importPastReplies } from '../../lib/cs/replies';
import { ROLLOUT_MODES } from '../../lib/cs/rollout';
import { autonomyOption, type CsSettings, csSettingsSchema, parseCsSettings } from '../../lib/cs/settings';
import { INTENT_IDS, INTENT_LABELS } from '../../lib/cs/taxonomy';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { csSettings } from '../../lib/settings/cs';
import { useOptionsSave } from '../options/options-form';
import { Empty, Notice, RejectedRows } from '../ui/primitives';
import { csQueries } from './queries';
import './cs.css';

const MODE_TEXT: Record<CsSettings['rolloutMode'], [string, string]> = {
  shadow: ['Shadow', 'Drafts are made and logged for the statistics; agents see only the classification.'],
  suggest: ['Suggest', 'Drafts are shown in the panel; agents insert, edit or discard them.'],
  autonomous: [
    'Autonomous',
    'For tier-autonomous tickets the draft is placed in the reply editor; the agent still presses Send.',
  ],
};

const settingsQuery = queryOptions({
  queryKey: queryKeys.cs.settings(),
  queryFn: async () => parseCsSettings(await csSettings.getValue()),
});

const pct = (x: number) => `${Math.round(x * 100)}%`;

function SettingsCard() {
  const queryClient = useQueryClient();
  const stored = useQuery(settingsQuery);
  const [draft, setDraft] = useState<CsSettings | null>(null);
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: async (value: CsSettings) => {
      const parsed = csSettingsSchema.safeParse(value);
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
      await csSettings.setValue(parsed.data);
      return parsed.data;
    },
    onSuccess: (data) => queryClient.setQueryData(settingsQuery.queryKey, data),
  });
  const { submit } = useOptionsSave('cs', {
    label: 'Customer service',
    dirty: draft !== null && stored.data !== undefined && JSON.stringify(draft) !== JSON.stringify(stored.data),
    save: () => (draft ? save.mutateAsync(draft) : Promise.resolve()),
    discard: () => {
      if (stored.data) setDraft(stored.data);
    },
  });
  if (!draft) return null;
  const set = (patch: Partial<CsSettings>) => {
    save.reset();
    setDraft({ ...draft, ...patch });
  };
  return (
    <section className="card" aria-labelledby="cs-title">
      <header>
        <h2 id="cs-title">Customer service (Gorgias)</h2>
        <p>How much the panel does on its own. Money questions always need a person.</p>
      </header>
      <form
        className="card-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="cs-fieldset">
          <legend>Rollout mode</legend>
          {ROLLOUT_MODES.map((m) => (
            <label key={m} className="cs-mode">
              <input
                type="radio"
                name="cs-mode"
                value={m}
                checked={draft.rolloutMode === m}
                onChange={() => set({ rolloutMode: m })}
              />{' '}
              <strong>{MODE_TEXT[m][0]}</strong> <small className="cp-muted">{MODE_TEXT[m][1]}</small>
            </label>
          ))}
        </fieldset>
        <div className="grid-2">
          <label className="cp-field">
            <span>Confidence threshold for autonomy</span>
            <input
              className="cp-input"
              type="number"
              min={0.5}
              max={1}
              step={0.05}
              value={draft.threshold}
              onChange={(e) => set({ threshold: Number(e.target.value) })}
            />
            <small>The primary intent’s confidence must reach this (0.5–1).</small>
          </label>
          <label className="cp-field">
            <span>Reply language</span>
            <select
              className="cp-select"
              value={draft.languagePolicy}
              onChange={(e) => set({ languagePolicy: e.target.value as CsSettings['languagePolicy'] })}
            >
              <option value="ticket">The ticket’s language when a template exists</option>
              <option value="brand">Always the brand’s language (English)</option>
            </select>
          </label>
        </div>
        <fieldset className="cs-fieldset">
          <legend>Intents that may be answered autonomously</legend>
          <div className="cs-options-intents">
            {INTENT_IDS.map((id) => {
              const option = autonomyOption(id);
              return (
                <label key={id} title={option.why}>
                  <input
                    type="checkbox"
                    disabled={!option.allowed}
                    checked={option.allowed && draft.autonomousIntents.includes(id)}
                    onChange={(e) =>
                      set({
                        autonomousIntents: e.target.checked
                          ? [...draft.autonomousIntents, id]
                          : draft.autonomousIntents.filter((x) => x !== id),
                      })
                    }
                  />
                  <span>
                    {INTENT_LABELS[id]} {option.why ? <small>({option.why})</small> : null}
                  </span>
                </label>
              );
            })}
          </div>
          <small className="cp-muted">
            Refunds, charges, credits, cancellations, returns, exchanges and replacements involve money and can never be
            autonomous.
          </small>
        </fieldset>
        {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
      </form>
    </section>
  );
}

function StatsCard() {
  const stats = useQuery(csQueries.stats());
  return (
    <section className="card" aria-labelledby="cs-stats-title">
      <header>
        <h2 id="cs-stats-title">Draft outcomes by intent</h2>
        <p>
          How often agents sent drafts as they were, edited them or wrote their own — the numbers for moving from shadow
          to suggest.
        </p>
      </header>
      <div className="card-body">
        {stats.isPending ? (
          <span className="cp-muted">Loading…</span>
        ) : stats.isError ? (
          <Notice tone="bad">{stats.error.message}</Notice>
        ) : stats.data.rows.length === 0 ? (
          <Empty>No draft outcomes yet. They appear once agents insert, copy, send or discard drafts.</Empty>
        ) : (
          <table className="cp-table" aria-label="Draft outcomes by intent">
            <thead>
              <tr>
                <th>Intent</th>
                <th>Drafts</th>
                <th>Accepted as-is</th>
                <th>Edited (avg. edit distance)</th>
                <th>Discarded</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.rows.map((r) => (
                <tr key={r.intent}>
                  <td>{INTENT_LABELS[r.intent]}</td>
                  <td>{r.total}</td>
                  <td>{pct(r.accepted / r.total)}</td>
                  <td>
                    {pct(r.edited / r.total)}
                    {r.avgEditDistance === null ? '' : ` (${r.avgEditDistance.toFixed(2)})`}
                  </td>
                  <td>{pct(r.discarded / r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function ImportCard() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const preview = file ? importPastReplies(file.text) : null;
  const run = useMutation({
    mutationFn: (f: { name: string; text: string }) =>
      callOrThrow('cs.importPastReplies', { content: f.text, fileName: f.name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: csQueries.stats().queryKey }),
  });
  const stats = useQuery(csQueries.stats());
  const rejected = run.data?.rejected ?? preview?.rejected ?? [];
  return (
    <section className="card" aria-labelledby="cs-import-title">
      <header>
        <h2 id="cs-import-title">Past replies</h2>
        <p>
          Import a Gorgias export (CSV or JSON) so drafts follow your team’s voice. Re-importing the same file does not
          create duplicates. {stats.data ? `${stats.data.pastReplies} stored.` : ''}
        </p>
      </header>
      <div className="card-body">
        <label className="cp-field">
          <span>Gorgias export file (CSV or JSON)</span>
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={async (e) => {
              run.reset();
              const f = e.target.files?.[0];
              setFile(f ? { name: f.name, text: await f.text() } : null);
            }}
          />
        </label>
        {preview && !run.data ? (
          <p data-testid="cs-import-preview">
            {preview.rows.length} replies ready to import
            {preview.rejected.length ? `, ${preview.rejected.length} rows will be rejected` : ''}.
          </p>
        ) : null}
        <button
          className="cp-btn primary"
          type="button"
          disabled={!file || !preview?.rows.length || run.isPending}
          onClick={() => file && run.mutate(file)}
        >
          {run.isPending ? 'Importing…' : 'Import past replies'}
        </button>
        {run.data ? (
          <Notice tone="ok">
            Imported {run.data.imported} of {run.data.total} rows.
          </Notice>
        ) : null}
        {run.isError ? <Notice tone="bad">{run.error.message}</Notice> : null}
        {rejected.length ? (
          <p className="cp-muted">
            {rejected.length} row{rejected.length === 1 ? '' : 's'} rejected (line in the file and why):
          </p>
        ) : null}
        {rejected.length ? <RejectedRows rows={rejected} label="Rejected rows" limit={200} /> : null}
      </div>
    </section>
  );
}

/** The cs section of the options page: rollout, gate, draft statistics and past-reply import. */
export function CsOptions() {
  return (
    <>
      <SettingsCard />
      <StatsCard />
      <ImportCard />
    </>
  );
}
