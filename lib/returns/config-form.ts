import { DEFAULT_RETURNS_CONFIG, type ReturnsConfig, returnsConfigSchema } from './config';

/** The returns policy as the options form edits it: every field as typed text. */
export interface ReturnsConfigForm {
  windowDays: string;
  highValueThreshold: string;
  keepItBelow: string;
  returnShippingCost: string;
  /** Percent (50 = half the item's value). */
  keepItShippingSharePct: string;
  fraudCategories: string;
  personalisedKeywords: string;
  personalisedOutcome: 'human_review' | 'deny';
  /** Percent of orders returned. */
  serialReturnRatePct: string;
  serialMinOrders: string;
  crossBorderReview: boolean;
  preferExchangeForFit: boolean;
  storeCreditBonusPct: string;
  liquidationBelow: string;
  warehouses: Array<{ id: string; countries: string }>;
  defaultWarehouse: string;
}

const list = (s: string): string[] =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The form's text for a saved policy. */
export function configToForm(c: ReturnsConfig): ReturnsConfigForm {
  return {
    windowDays: String(c.windowDays),
    highValueThreshold: String(c.highValueThreshold),
    keepItBelow: String(c.keepItBelow),
    returnShippingCost: String(c.returnShippingCost),
    keepItShippingSharePct: String(Math.round(c.keepItShippingShare * 1000) / 10),
    fraudCategories: c.fraudCategories.join(', '),
    personalisedKeywords: c.personalisedKeywords.join(', '),
    personalisedOutcome: c.personalisedOutcome,
    serialReturnRatePct: String(Math.round(c.serialReturnRate * 1000) / 10),
    serialMinOrders: String(c.serialMinOrders),
    crossBorderReview: c.crossBorderReview,
    preferExchangeForFit: c.preferExchangeForFit,
    storeCreditBonusPct: String(c.storeCreditBonusPct),
    liquidationBelow: String(c.liquidationBelow),
    warehouses: c.warehouses.map((w) => ({ id: w.id, countries: w.countries.join(', ') })),
    defaultWarehouse: c.defaultWarehouse,
  };
}

const LABELS: Record<string, string> = {
  windowDays: 'Return window',
  highValueThreshold: 'High-value threshold',
  keepItBelow: 'Keep-it below',
  returnShippingCost: 'Return label cost',
  keepItShippingShare: 'Keep-it shipping share',
  fraudCategories: 'Fraud-prone categories',
  personalisedKeywords: 'Personalisation keywords',
  serialReturnRate: 'Serial-returner rate',
  serialMinOrders: 'Serial-returner minimum orders',
  storeCreditBonusPct: 'Store-credit bonus',
  liquidationBelow: 'Liquidation below',
  warehouses: 'Warehouses',
  defaultWarehouse: 'Default warehouse',
};

/** Form field key an error belongs to (the form shows it under that field). */
const FORM_KEY: Record<string, string> = {
  keepItShippingShare: 'keepItShippingSharePct',
  serialReturnRate: 'serialReturnRatePct',
};

/**
 * Reads the form into a policy: numbers must be numbers, percentages 0–100 (bonus) or 0–1000
 * (shipping share), country codes two letters, the default warehouse one of the list. Returns the
 * policy or errors by form field, in plain words.
 */
export function formToConfig(
  f: ReturnsConfigForm,
  base: Pick<ReturnsConfig, 'shopCountry' | 'currency'> = DEFAULT_RETURNS_CONFIG,
): { ok: true; config: ReturnsConfig } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (key: keyof ReturnsConfigForm, text: string): number => {
    const t = text.trim().replace(',', '.');
    const n = t === '' ? Number.NaN : Number(t);
    if (!Number.isFinite(n)) errors[key] = `${LABELS[key.replace(/Pct$/, '')] ?? key}: enter a number.`;
    return n;
  };
  const warehouses = f.warehouses.map((w) => ({
    id: w.id.trim(),
    countries: list(w.countries).map((c) => c.toUpperCase()),
  }));
  f.warehouses.forEach((w, i) => {
    const bad = list(w.countries).filter((c) => !/^[A-Za-z]{2}$/.test(c));
    if (!w.id.trim()) errors[`warehouses.${i}.id`] = 'Give the warehouse a name.';
    if (bad.length) errors[`warehouses.${i}.countries`] = `Use two-letter country codes (not ${bad.join(', ')}).`;
  });
  const ids = warehouses.map((w) => w.id);
  if (new Set(ids).size !== ids.length) errors.warehouses = 'Two warehouses have the same name.';
  if (!ids.includes(f.defaultWarehouse.trim())) errors.defaultWarehouse = 'Pick one of the warehouses above.';
  const candidate = {
    shopCountry: base.shopCountry,
    currency: base.currency,
    windowDays: num('windowDays', f.windowDays),
    highValueThreshold: num('highValueThreshold', f.highValueThreshold),
    keepItBelow: num('keepItBelow', f.keepItBelow),
    returnShippingCost: num('returnShippingCost', f.returnShippingCost),
    keepItShippingShare: num('keepItShippingSharePct', f.keepItShippingSharePct) / 100,
    fraudCategories: list(f.fraudCategories),
    personalisedKeywords: list(f.personalisedKeywords),
    personalisedOutcome: f.personalisedOutcome,
    serialReturnRate: num('serialReturnRatePct', f.serialReturnRatePct) / 100,
    serialMinOrders: num('serialMinOrders', f.serialMinOrders),
    crossBorderReview: f.crossBorderReview,
    preferExchangeForFit: f.preferExchangeForFit,
    storeCreditBonusPct: num('storeCreditBonusPct', f.storeCreditBonusPct),
    liquidationBelow: num('liquidationBelow', f.liquidationBelow),
    warehouses,
    defaultWarehouse: f.defaultWarehouse.trim(),
  };
  const parsed = returnsConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, ...rest] = issue.path.map(String);
      if (!top) continue;
      const key =
        rest.length && top === 'warehouses' ? `warehouses.${rest[0]}.${rest[1] ?? 'id'}` : (FORM_KEY[top] ?? top);
      if (errors[key]) continue;
      const label = LABELS[top] ?? top;
      const detail =
        issue.code === 'too_small'
          ? `must be at least ${FORM_KEY[top] ? Number(issue.minimum) * 100 : issue.minimum}`
          : issue.code === 'too_big'
            ? `must be at most ${FORM_KEY[top] ? Number(issue.maximum) * 100 : issue.maximum}`
            : issue.code === 'invalid_type' && issue.expected === 'int'
              ? 'must be a whole number'
              : issue.message;
      errors[key] = `${label}: ${detail}.`;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, config: parsed.data };
}
