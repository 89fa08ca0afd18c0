import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { callOrThrow } from '../../lib/messaging/client';
import { DEFAULT_RETURNS_CONFIG } from '../../lib/returns/config';
import { configToForm, formToConfig, type ReturnsConfigForm } from '../../lib/returns/config-form';
import { useOptionsSave } from '../options/options-form';
import { Notice } from '../ui/primitives';
import { returnsQueries } from './queries';
import './returns.css';

type TextKey = {
  [K in keyof ReturnsConfigForm]: ReturnsConfigForm[K] extends string ? K : never;
}[keyof ReturnsConfigForm];

/** The returns section of the options page: decision and routing rules, validated, with clear errors. */
export function ReturnsOptions() {
  const queryClient = useQueryClient();
  const saved = useQuery(returnsQueries.config());
  const [form, setForm] = useState<ReturnsConfigForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (saved.data) setForm(configToForm(saved.data));
  }, [saved.data]);
  const save = useMutation({
    mutationFn: async (f: ReturnsConfigForm) => {
      const base = saved.data ?? DEFAULT_RETURNS_CONFIG;
      const read = formToConfig(f, base);
      if (!read.ok) {
        setErrors(read.errors);
        throw new Error(`${Object.keys(read.errors).length} field(s) need fixing; nothing was saved.`);
      }
      setErrors({});
      return callOrThrow('returns.saveConfig', { config: read.config });
    },
    onSuccess: (value) => queryClient.setQueryData(returnsQueries.config().queryKey, value),
  });
  const { submit } = useOptionsSave('returns', {
    label: 'Returns policy',
    dirty:
      form !== null && saved.data !== undefined && JSON.stringify(form) !== JSON.stringify(configToForm(saved.data)),
    save: () => (form ? save.mutateAsync(form) : Promise.resolve()),
    discard: () => {
      setErrors({});
      if (saved.data) setForm(configToForm(saved.data));
    },
  });
  if (saved.isError) return <Notice tone="bad">Returns settings could not be loaded: {saved.error.message}</Notice>;
  if (!form) return null;
  const currency = saved.data?.currency ?? 'USD';
  const set = (patch: Partial<ReturnsConfigForm>) => setForm({ ...form, ...patch });
  const text = (key: TextKey, label: string, hint?: ReactNode, suffix?: string) => (
    <label className="cp-field">
      <span>{label}</span>
      <span className="rt-input-row">
        <input
          className="cp-input"
          name={key}
          value={form[key]}
          aria-invalid={errors[key] ? true : undefined}
          onChange={(e) => set({ [key]: e.target.value } as Partial<ReturnsConfigForm>)}
        />
        {suffix ? <span className="cp-muted rt-suffix">{suffix}</span> : null}
      </span>
      {errors[key] ? (
        <small className="rt-error" role="alert">
          {errors[key]}
        </small>
      ) : hint ? (
        <small>{hint}</small>
      ) : null}
    </label>
  );
  return (
    <section className="card" aria-labelledby="returns-title">
      <header>
        <h2 id="returns-title">Returns policy</h2>
        <p>
          The rules that decide each return in Loop, in the order they apply: human review first, then final sale and
          the return window, keep-it, exchange for fit, the customer’s request. Amounts are in {currency} (the brand
          currency above).{' '}
          <a href={browser.runtime.getURL('/insights.html')} target="_blank" rel="noreferrer">
            Open return insights ↗
          </a>
        </p>
      </header>
      <form
        className="card-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h3 className="rt-subhead">Eligibility</h3>
        <div className="grid-2">
          {text('windowDays', 'Return window', 'Days from delivery (order date when delivery is unknown).', 'days')}
          {text(
            'liquidationBelow',
            'Liquidate poor-quality items below',
            'Cheaper poor-quality items skip inspection.',
            currency,
          )}
        </div>
        <h3 className="rt-subhead">Keep it (returnless refund)</h3>
        <div className="grid-2">
          {text('keepItBelow', 'Keep-it below', 'Items worth less are refunded without being sent back.', currency)}
          {text('returnShippingCost', 'Return label cost', 'Estimated cost of one return label.', currency)}
          {text(
            'keepItShippingSharePct',
            'Keep-it shipping share',
            'Keep-it when the label costs more than this share of the item’s value.',
            '%',
          )}
        </div>
        <h3 className="rt-subhead">Human review</h3>
        <div className="grid-2">
          {text(
            'highValueThreshold',
            'High-value threshold',
            'Returns worth this much or more go to a person.',
            currency,
          )}
          {text(
            'fraudCategories',
            'Fraud-prone categories',
            'Comma-separated product types, e.g. electronics, jewellery, luxury.',
          )}
          {text(
            'personalisedKeywords',
            'Extra personalisation keywords',
            'Added to the built-in ones (custom, monogrammed, engraved, made-to-measure…).',
          )}
          <label className="cp-field">
            <span>Personalised items</span>
            <select
              className="cp-select"
              value={form.personalisedOutcome}
              onChange={(e) => set({ personalisedOutcome: e.target.value as ReturnsConfigForm['personalisedOutcome'] })}
            >
              <option value="human_review">Send to a person</option>
              <option value="deny">Deny unless faulty</option>
            </select>
          </label>
          {text('serialReturnRatePct', 'Serial returner above', 'Share of orders returned.', '%')}
          {text('serialMinOrders', 'Serial returner minimum orders', 'Fewer orders say too little.', 'orders')}
        </div>
        <label className="rt-check">
          <input
            type="checkbox"
            checked={form.crossBorderReview}
            onChange={(e) => set({ crossBorderReview: e.target.checked })}
          />
          Send cross-border returns (customer outside {saved.data?.shopCountry ?? 'the shop country'}) to a person
        </label>
        <h3 className="rt-subhead">Offers</h3>
        <label className="rt-check">
          <input
            type="checkbox"
            checked={form.preferExchangeForFit}
            onChange={(e) => set({ preferExchangeForFit: e.target.checked })}
          />
          Offer an exchange first for fit and size returns
        </label>
        <div className="grid-2">
          {text('storeCreditBonusPct', 'Store-credit bonus', 'Offered next to refunds and exchanges.', '%')}
        </div>
        <h3 className="rt-subhead">Warehouses by region</h3>
        <table className="cp-table rt-wh">
          <thead>
            <tr>
              <th scope="col">Warehouse</th>
              <th scope="col">Countries (two-letter codes)</th>
              <th scope="col">
                <span className="cp-muted">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.warehouses.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; names may be blank while typing.
              <tr key={i}>
                <td>
                  <input
                    className="cp-input"
                    aria-label={`Warehouse ${i + 1} name`}
                    value={w.id}
                    onChange={(e) =>
                      set({ warehouses: form.warehouses.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)) })
                    }
                  />
                  {errors[`warehouses.${i}.id`] ? (
                    <small className="rt-error">{errors[`warehouses.${i}.id`]}</small>
                  ) : null}
                </td>
                <td>
                  <textarea
                    className="cp-textarea"
                    rows={2}
                    aria-label={`Warehouse ${i + 1} countries`}
                    value={w.countries}
                    onChange={(e) =>
                      set({
                        warehouses: form.warehouses.map((x, j) => (j === i ? { ...x, countries: e.target.value } : x)),
                      })
                    }
                  />
                  {errors[`warehouses.${i}.countries`] ? (
                    <small className="rt-error">{errors[`warehouses.${i}.countries`]}</small>
                  ) : null}
                </td>
                <td>
                  <button
                    className="cp-btn small"
                    type="button"
                    disabled={form.warehouses.length <= 1}
                    aria-label={`Remove warehouse ${w.id || i + 1}`}
                    onClick={() => set({ warehouses: form.warehouses.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.warehouses ? <small className="rt-error">{errors.warehouses}</small> : null}
        <div className="cp-row">
          <button
            className="cp-btn small"
            type="button"
            onClick={() => set({ warehouses: [...form.warehouses, { id: '', countries: '' }] })}
          >
            Add warehouse
          </button>
        </div>
        <label className="cp-field">
          <span>Default warehouse</span>
          <select
            className="cp-select"
            value={form.defaultWarehouse}
            onChange={(e) => set({ defaultWarehouse: e.target.value })}
          >
            {form.warehouses.some((w) => w.id === form.defaultWarehouse) ? null : (
              <option value={form.defaultWarehouse}>{form.defaultWarehouse || '—'}</option>
            )}
            {form.warehouses
              .filter((w) => w.id.trim())
              .map((w) => (
                <option key={w.id} value={w.id}>
                  {w.id}
                </option>
              ))}
          </select>
          {errors.defaultWarehouse ? (
            <small className="rt-error">{errors.defaultWarehouse}</small>
          ) : (
            <small>For countries no warehouse lists.</small>
          )}
        </label>
        <div className="cp-row">
          <button
            className="cp-btn"
            type="button"
            onClick={() => {
              setErrors({});
              setForm(
                configToForm({ ...DEFAULT_RETURNS_CONFIG, currency, shopCountry: saved.data?.shopCountry ?? 'US' }),
              );
            }}
          >
            Restore defaults
          </button>
          {save.isSuccess ? (
            <span className="cp-muted" role="status">
              Saved. New returns use these rules.
            </span>
          ) : null}
        </div>
        {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
      </form>
    </section>
  );
}
