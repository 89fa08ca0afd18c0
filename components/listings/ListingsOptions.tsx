import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { queryKeys } from '../../lib/messaging/query-keys';
import { LISTINGS_DEFAULTS, listingsSettings, parseListingsSettings, parseSkuList } from '../../lib/settings/listings';
import { useOptionsSave } from '../options/options-form';
import { Notice } from '../ui/primitives';

const POLICIES = [
  ['auto', 'By date (75 characters from 2026-07-27)'],
  ['amazon-2025-01', '2025-01: 200 characters'],
  ['amazon-2026-07', '2026-07: 75 characters + item highlights'],
] as const;

/** The listings section of the options page: Amazon title policy and the protected SKUs. */
export function ListingsOptions() {
  const qc = useQueryClient();
  const saved = useQuery({
    queryKey: queryKeys.settings.listings(),
    queryFn: async () => parseListingsSettings(await listingsSettings.getValue()),
  });
  const [policy, setPolicy] = useState<string>(LISTINGS_DEFAULTS.amazonTitlePolicy);
  const [skus, setSkus] = useState('');
  useEffect(() => {
    if (!saved.data) return;
    setPolicy(saved.data.amazonTitlePolicy);
    setSkus(saved.data.protectedSkus.join('\n'));
  }, [saved.data]);
  const save = useMutation({
    mutationFn: async () => {
      const current = parseListingsSettings(await listingsSettings.getValue());
      await listingsSettings.setValue({
        ...current,
        amazonTitlePolicy: policy as typeof current.amazonTitlePolicy,
        protectedSkus: parseSkuList(skus),
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.settings.listings() }),
  });
  const { submit } = useOptionsSave('listings', {
    label: 'Marketplace listings',
    dirty:
      saved.data !== undefined &&
      (policy !== saved.data.amazonTitlePolicy || skus !== saved.data.protectedSkus.join('\n')),
    save: () => save.mutateAsync(),
    discard: () => {
      if (!saved.data) return;
      setPolicy(saved.data.amazonTitlePolicy);
      setSkus(saved.data.protectedSkus.join('\n'));
    },
  });
  return (
    <section className="card" aria-label="Marketplace listings">
      <header>
        <h2>Marketplace listings</h2>
        <p>
          Shopify is the canonical content; channel variants are derived and checked.{' '}
          <a href={browser.runtime.getURL('/catalogue.html')} target="_blank" rel="noreferrer">
            Open the catalogue
          </a>
        </p>
      </header>
      <div className="card-body">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="cp-field">
            <span>Amazon title policy</span>
            <select
              className="cp-select"
              aria-label="Amazon title policy"
              value={policy}
              onChange={(e) => setPolicy(e.target.value)}
            >
              {POLICIES.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="cp-field">
            <span>Protected SKUs</span>
            <textarea
              aria-label="Protected SKUs"
              className="cp-textarea"
              rows={4}
              value={skus}
              placeholder={'HERO-001\nTEE-CL-BLK-M'}
              onChange={(e) => setSkus(e.target.value)}
            />
            <small>
              Top sellers and hero products, one per line (or comma-separated): suggestions only, a “specialist-owned”
              label, no bulk apply; price changes are flagged, never proposed.
            </small>
          </label>
          {save.isError ? (
            <Notice tone="bad" title="Not saved">
              {save.error.message}
            </Notice>
          ) : null}
        </form>
      </div>
    </section>
  );
}
