import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import * as clock from '../../lib/clock';
import { exportBackup, restoreBackup } from '../../lib/db/backup';
import { db } from '../../lib/db/schema';
import { extensionSettingsIO } from '../../lib/settings/backup-io';
import { Notice } from '../ui/primitives';

/** One-file export of all data and settings (never the API key), and restore from it. */
export function BackupSection() {
  const fileInput = useRef<HTMLInputElement>(null);
  const exporter = useMutation({
    mutationFn: async () => {
      const backup = await exportBackup(db(), extensionSettingsIO, clock.now());
      const blob = new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `counterpart-backup-${backup.exportedAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      return Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
    },
  });
  const restorer = useMutation({
    mutationFn: async (file: File) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON. Nothing was changed.`);
      }
      return restoreBackup(db(), extensionSettingsIO, parsed);
    },
  });
  return (
    <section className="card" aria-labelledby="backup-title">
      <header>
        <h2 id="backup-title">Backup and restore</h2>
        <p>All tables and settings in one JSON file. The API key is never included.</p>
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
            disabled={restorer.isPending}
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
              if (file && window.confirm(`Replace all Counterpart data with ${file.name}?`)) restorer.mutate(file);
            }}
          />
        </div>
        <div style={{ marginTop: 10, display: 'grid', gap: 8 }}>
          {exporter.isSuccess ? <Notice tone="ok">Exported {exporter.data} rows.</Notice> : null}
          {exporter.isError ? <Notice tone="bad">{exporter.error.message}</Notice> : null}
          {restorer.isSuccess ? (
            <Notice tone="ok" title="Restored">
              {Object.values(restorer.data.tables).reduce((a, b) => a + b, 0)} rows and {restorer.data.settings}{' '}
              settings.
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
