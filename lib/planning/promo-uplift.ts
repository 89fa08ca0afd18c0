/** Promo uplift learned per promo type from the SKU's past promos, with the configured uplift as the prior. */
import type { SkuModel } from './forecast';
import type { DemandHistory } from './history';
import type { PromoArrays } from './promos';

/** Prior strength: the configured uplift weighs as much as this many baseline units seen during past promos. */
export const PROMO_PRIOR_UNITS = 10;
/** The baseline of a past promo is the weekday-adjusted mean of the uncensored days in the 4 weeks before and after it. */
const BASELINE_DAYS = 28;

/** A promo's type: its name without digits (years, editions), case and extra spaces: "Black Friday 2025" → "black friday". */
export function promoType(name: string): string {
  return name
    .toLowerCase()
    .replace(/[0-9]+/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/**
 * Posterior mean of a promo multiplier m (sales = m × baseline): Gamma prior with mean `prior`
 * and strength `PROMO_PRIOR_UNITS`, Poisson sales `actual` over promo days whose baseline adds to
 * `expected`: m = (prior·a + actual) / (a + expected).
 */
export function posteriorMultiplier(prior: number, actual: number, expected: number): number {
  const a = PROMO_PRIOR_UNITS;
  return (prior * a + actual) / (a + expected);
}

/** What the SKU's history says about each promo type: units sold on past promo days and the baseline expected there. */
export interface PromoEvidence {
  actual: Map<string, number>;
  expected: Map<string, number>;
  /** Past promos seen per type. */
  seen: Map<string, number>;
}

/**
 * Evidence from the SKU's past promos (those ended before `todayN` inside the history): units sold
 * on promo days that were not stockouts or closed days, against the weekday-adjusted mean of the uncensored days in the 28 days before and after the promo. `ok` is the fit's uncensored-day mask
 * (promo days already 0 there). Returns null when no past promo has a baseline.
 */
export function promoEvidence(
  h: DemandHistory,
  s: number,
  arrays: PromoArrays,
  names: readonly string[],
  model: SkuModel,
  ok: Uint8Array,
  todayN: number,
): PromoEvidence | null {
  let ev: PromoEvidence | null = null;
  const { days, startDay } = h;
  const C = h.channels.length;
  // Weekday factor only: the window on both sides of the promo already holds its season, and the
  // yearly index is at its noisiest there (the promo's own days are left out of it).
  const weekly = model.weekly;
  const season = (t: number) => (weekly ? weekly[(startDay + t) % 7]! : 1);
  const sold = (t: number) => {
    let v = 0;
    for (let c = 0; c < C; c++) v += h.qty[(s * C + c) * days + t]!;
    return v;
  };
  for (let i = 0; i < names.length; i++) {
    const a = arrays.startN[i]! - startDay;
    const b = Math.min(arrays.endN[i]!, todayN - 1) - startDay;
    if (arrays.endN[i]! >= todayN || a < 1 || b >= days) continue;
    let sum = 0;
    let cnt = 0;
    // `ok` is only set from the SKU's first sale on.
    // Both sides of the promo, so a season rising (or fading) through it does not read as uplift.
    const from = Math.max(days - model.historyDays, a - BASELINE_DAYS);
    const to = Math.min(days, b + 1 + BASELINE_DAYS);
    for (let t = from; t < to; t++) {
      if (!ok[t] || (t >= a && t <= b)) continue;
      const f = season(t);
      if (f <= 0) continue;
      sum += sold(t) / f;
      cnt += 1;
    }
    if (cnt < 7) continue;
    const base = sum / cnt;
    let actual = 0;
    let expected = 0;
    for (let t = a; t <= b; t++) {
      const f = season(t);
      if (h.censored[s * days + t] || f <= 0) continue;
      actual += sold(t);
      expected += base * f;
    }
    if (expected <= 0) continue;
    ev ??= { actual: new Map(), expected: new Map(), seen: new Map() };
    const type = promoType(names[i]!);
    ev.actual.set(type, (ev.actual.get(type) ?? 0) + actual);
    ev.expected.set(type, (ev.expected.get(type) ?? 0) + expected);
    ev.seen.set(type, (ev.seen.get(type) ?? 0) + 1);
  }
  return ev;
}
