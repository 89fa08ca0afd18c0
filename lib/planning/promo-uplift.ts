/** Promo uplift learned per promo type from the SKU's past promos, with the configured uplift as the prior. */
import type { SkuModel } from './forecast';
import type { DemandHistory } from './history';

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

/** What the SKU's history says about each promo type, indexed by type id (see promoTypeIds). */
export interface PromoEvidence {
  /** Units sold on past promo days of the type. */
  actual: Float64Array;
  /** Baseline units expected on those days. */
  expected: Float64Array;
  /** Past promos of the type with a baseline. */
  seen: Int32Array;
}

/** Type id of each promo: the index of the first promo of the set with the same type. */
export function promoTypeIds(names: readonly string[]): Int32Array {
  const types = names.map(promoType);
  return Int32Array.from(types, (t) => types.indexOf(t));
}

/** Evidence buffers for a set of `n` promos. */
export function makeEvidence(n: number): PromoEvidence {
  return { actual: new Float64Array(n), expected: new Float64Array(n), seen: new Int32Array(n) };
}

/**
 * Evidence from the SKU's past promos (those ended before `todayN` inside the history) into `ev`:
 * units sold on promo days that were not stockouts or closed days, against the weekday-adjusted
 * mean of the uncensored days in the 28 days before and after the promo. `ok` is the fit's
 * uncensored-day mask (promo days already 0 there). Returns whether any past promo had a baseline.
 */
export function promoEvidence(
  h: DemandHistory,
  s: number,
  startN: readonly number[],
  endN: readonly number[],
  typeIds: Int32Array,
  model: SkuModel,
  ok: Uint8Array,
  todayN: number,
  ev: PromoEvidence,
): boolean {
  ev.actual.fill(0);
  ev.expected.fill(0);
  ev.seen.fill(0);
  let any = false;
  const { days, startDay } = h;
  const C = h.channels.length;
  // Weekday factor only: the window on both sides of the promo already holds its season, and the
  // yearly index is at its noisiest there (the promo's own days are left out of it).
  const weekly = model.weekly;
  const first = days - model.historyDays; // `ok` is only set from the SKU's first sale on
  for (let i = 0; i < typeIds.length; i++) {
    const a = startN[i]! - startDay;
    const b = Math.min(endN[i]!, todayN - 1) - startDay;
    if (endN[i]! >= todayN || a < 1 || b >= days) continue;
    // Both sides of the promo, so a season rising (or fading) through it does not read as uplift.
    const from = Math.max(first, a - BASELINE_DAYS);
    const to = Math.min(days, b + 1 + BASELINE_DAYS);
    let sum = 0;
    let cnt = 0;
    for (let t = from; t < to; t++) {
      if (!ok[t] || (t >= a && t <= b)) continue;
      const f = weekly ? weekly[(startDay + t) % 7]! : 1;
      if (f <= 0) continue;
      sum += soldOn(h, s, C, t) / f;
      cnt += 1;
    }
    if (cnt < 7) continue;
    const base = sum / cnt;
    let actual = 0;
    let expected = 0;
    for (let t = Math.max(a, first); t <= b; t++) {
      const f = weekly ? weekly[(startDay + t) % 7]! : 1;
      if (h.censored[s * days + t] || f <= 0) continue;
      actual += soldOn(h, s, C, t);
      expected += base * f;
    }
    if (expected <= 0) continue;
    const k = typeIds[i]!;
    ev.actual[k]! += actual;
    ev.expected[k]! += expected;
    ev.seen[k]! += 1;
    any = true;
  }
  return any;
}

/** Units of SKU `s` sold on history day `t`, all channels. */
function soldOn(h: DemandHistory, s: number, C: number, t: number): number {
  let v = 0;
  for (let c = 0; c < C; c++) v += h.qty[(s * C + c) * h.days + t]!;
  return v;
}
