import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../lib/messaging/query-keys';
import {
  type PlanningSettings,
  parsePlanningSettings,
  planningSettings,
  planningSettingsSchema,
} from '../../lib/settings/planning';
import { useOptionsSave } from '../options/options-form';
import { Notice } from '../ui/primitives';

type NumKey = Exclude<keyof PlanningSettings, 'today'>;
const FIELDS: Array<{ key: NumKey; label: string; hint: string; step: number }> = [
  {
    key: 'serviceLevel',
    label: 'Service level',
    hint: 'Chance of not running out in a cycle (0.5–0.999).',
    step: 0.005,
  },
  { key: 'reviewPeriodDays', label: 'Review period (days)', hint: 'Days between planning reviews.', step: 1 },
  { key: 'staleCountDays', label: 'Stale count after (days)', hint: 'Older stock counts are flagged.', step: 1 },
  {
    key: 'countTolerancePct',
    label: 'Shopify vs 3PL tolerance (%)',
    hint: 'Counts differing by more are flagged…',
    step: 1,
  },
  {
    key: 'countToleranceUnits',
    label: 'Shopify vs 3PL tolerance (units)',
    hint: '…and by more than this many units.',
    step: 1,
  },
  {
    key: 'overstockCoverDays',
    label: 'Overstock after (days of cover)',
    hint: 'More cover than this is overstock.',
    step: 1,
  },
];

/** The planning section of the options page. */
export function PlanningOptions() {
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: queryKeys.settings.planning(),
    queryFn: async () => parsePlanningSettings(await planningSettings.getValue()),
  });
  const [draft, setDraft] = useState<PlanningSettings | null>(null);
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);
  const save = useMutation({
    mutationFn: async (value: PlanningSettings) => {
      const parsed = planningSettingsSchema.parse(value);
      await planningSettings.setValue(parsed);
      return parsed;
    },
    onSuccess: (value) => queryClient.setQueryData(queryKeys.settings.planning(), value),
  });
  const { submit } = useOptionsSave('planning', {
    label: 'Inventory planning',
    dirty: draft !== null && saved.data !== undefined && JSON.stringify(draft) !== JSON.stringify(saved.data),
    save: () => (draft ? save.mutateAsync(draft) : Promise.resolve()),
    discard: () => {
      if (saved.data) setDraft(saved.data);
    },
  });
  if (!draft) return null;
  return (
    <section className="card" aria-labelledby="planning-title">
      <header>
        <h2 id="planning-title">Inventory planning</h2>
        <p>Used by the planner page, the popup’s reorder view and the Shopify panel.</p>
      </header>
      <form
        className="card-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid-2">
          {FIELDS.map((f) => (
            <label className="cp-field" key={f.key}>
              <span>{f.label}</span>
              <input
                className="cp-input"
                type="number"
                step={f.step}
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: Number(e.target.value) })}
              />
              <small>{f.hint}</small>
            </label>
          ))}
          <label className="cp-field">
            <span>Plan as of (demo)</span>
            <input
              className="cp-input"
              type="date"
              value={draft.today ?? ''}
              onChange={(e) => setDraft({ ...draft, today: e.target.value || null })}
            />
            <small>Empty plans with today’s date.</small>
          </label>
        </div>
        {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
      </form>
    </section>
  );
}
