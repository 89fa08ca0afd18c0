import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import * as clock from '../../lib/clock';
import { storageErrorMessage } from '../../lib/db/quota';
import { pruneOldRows } from '../../lib/db/retention';
import { db } from '../../lib/db/schema';
import { queryKeys } from '../../lib/messaging/query-keys';
import { parseRetentionSettings, retentionSettings, retentionSettingsSchema } from '../../lib/settings/retention';
import { Notice } from '../ui/primitives';
import { useOptionsSave } from './options-form';

/** How long snapshots, AI cache, usage and audit rows are kept; older ones are removed daily. */
export function RetentionSection() {
  const qc = useQueryClient();
  const saved = useQuery({
    queryKey: queryKeys.settings.retention(),
    queryFn: async () => parseRetentionSettings(await retentionSettings.getValue()),
  });
  const [days, setDays] = useState('90');
  useEffect(() => {
    if (saved.data) setDays(String(saved.data.days));
  }, [saved.data]);
  const save = useMutation({
    mutationFn: async () => {
      const parsed = retentionSettingsSchema.safeParse({ days: Number(days) });
      if (!parsed.success) throw new Error('Keep data for 7 to 3650 days (whole days).');
      await retentionSettings.setValue(parsed.data);
      try {
        return await pruneOldRows(db(), parsed.data.days, clock.now());
      } catch (error) {
        throw new Error(storageErrorMessage(error));
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.settings.retention() }),
  });
  const { submit } = useOptionsSave('retention', {
    label: 'Data retention',
    dirty: saved.data !== undefined && days !== String(saved.data.days),
    save: () => save.mutateAsync(),
    discard: () => {
      if (saved.data) setDays(String(saved.data.days));
    },
  });
  return (
    <section className="card" aria-labelledby="retention-title">
      <header>
        <h2 id="retention-title">Data retention</h2>
        <p>
          Page snapshots, cached AI answers, AI usage, the audit log and the model's recorded answers are removed once
          they are older than this (checked when the browser starts and daily). Imports, plans, returns and listings are
          kept.
        </p>
      </header>
      <form
        className="card-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="cp-field">
          <span>Keep data for (days)</span>
          <input
            className="cp-input"
            type="number"
            min={7}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <div style={{ marginTop: 10, display: 'grid', gap: 8 }}>
          {save.isSuccess ? (
            <Notice tone="ok">
              Saved. Removed {Object.values(save.data).reduce((a, b) => a + b, 0)} rows older than {days} days.
            </Notice>
          ) : null}
          {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
        </div>
      </form>
    </section>
  );
}
