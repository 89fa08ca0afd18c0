import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../lib/messaging/query-keys';
import { brandSettings } from '../../lib/settings/items';
import { type BrandSettings, brandSettingsSchema } from '../../lib/settings/schemas';
import { Notice } from '../ui/primitives';
import { useOptionsSave } from './options-form';

const FIELDS: Array<{ key: keyof BrandSettings; label: string; long?: boolean; hint?: string }> = [
  { key: 'name', label: 'Brand name' },
  { key: 'signature', label: 'Signature', hint: 'Ends every drafted reply.' },
  {
    key: 'voice',
    label: 'Voice',
    long: true,
    hint: 'How replies should sound; given to the model when one is configured.',
  },
  { key: 'shopCountry', label: 'Shop country (ISO code)' },
  { key: 'currency', label: 'Currency (ISO code)' },
  { key: 'returnPolicy', label: 'Return policy', long: true },
  { key: 'shippingPolicy', label: 'Shipping policy', long: true },
  { key: 'refundPolicy', label: 'Refund policy', long: true },
];

/** The brand's name, voice and policy texts that drafts cite. */
export function BrandSection() {
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: queryKeys.settings.brand(), queryFn: () => brandSettings.getValue() });
  const [draft, setDraft] = useState<BrandSettings | null>(null);
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);
  const save = useMutation({
    mutationFn: async (value: BrandSettings) => {
      const parsed = brandSettingsSchema.parse({
        ...value,
        shopCountry: value.shopCountry.toUpperCase(),
        currency: value.currency.toUpperCase(),
      });
      await brandSettings.setValue(parsed);
      return parsed;
    },
    onSuccess: (value) => queryClient.setQueryData(queryKeys.settings.brand(), value),
  });
  const { submit } = useOptionsSave('brand', {
    label: 'Brand and policies',
    dirty: draft !== null && saved.data !== undefined && JSON.stringify(draft) !== JSON.stringify(saved.data),
    save: () => (draft ? save.mutateAsync(draft) : Promise.resolve()),
    discard: () => {
      if (saved.data) setDraft(saved.data);
    },
  });
  if (!draft) return null;
  return (
    <section className="card" aria-labelledby="brand-title">
      <header>
        <h2 id="brand-title">Brand and policies</h2>
        <p>Drafts cite these texts clause by clause; keep them as customers should read them.</p>
      </header>
      <form
        className="card-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid-2">
          {FIELDS.filter((f) => !f.long).map((f) => (
            <label className="cp-field" key={f.key}>
              <span>{f.label}</span>
              <input
                className="cp-input"
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
              {f.hint ? <small>{f.hint}</small> : null}
            </label>
          ))}
        </div>
        {FIELDS.filter((f) => f.long).map((f) => (
          <label className="cp-field" key={f.key}>
            <span>{f.label}</span>
            <textarea
              className="cp-textarea"
              rows={3}
              value={draft[f.key]}
              onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            />
            {f.hint ? <small>{f.hint}</small> : null}
          </label>
        ))}
        {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
      </form>
    </section>
  );
}
