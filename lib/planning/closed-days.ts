/** Days the whole store was closed: no sale on any SKU or channel while the store's rate makes an open day without a sale improbable. */
import { FORECAST_SETTINGS } from './forecast';
import type { DemandHistory } from './history';

const cache = new WeakMap<DemandHistory, Uint8Array | null>();

/**
 * 1 on each history day without a single sale anywhere, when the store sells at least
 * ln(1000) ≈ 6.9 units a day on average (Poisson odds of an open day without a sale below 1 in
 * 1000): such a day is a closing day (a holiday, a weekday the shop keeps shut), censored in every
 * SKU's fit rather than read as zero demand. Null when there is none or the store is too slow to
 * tell. Computed once per history: after the first rows only the days still without a sale are
 * checked, so a busy store costs far less than a pass over the arrays.
 */
export function storeClosedDays(h: DemandHistory): Uint8Array | null {
  const hit = cache.get(h);
  if (hit !== undefined) return hit;
  const { days, qty } = h;
  const rows = days > 0 ? qty.length / days : 0;
  const need = Math.log(FORECAST_SETTINGS.zeroRunOdds) * days;
  const cand = new Int32Array(days);
  for (let t = 0; t < days; t++) cand[t] = t;
  let nc = days;
  let units = 0;
  for (let r = 0; r < rows && (nc > 0 || units < need); r++) {
    const base = r * days;
    if (units < need) for (let t = 0; t < days; t++) units += qty[base + t]!;
    let k = 0;
    for (let i = 0; i < nc; i++) {
      const t = cand[i]!;
      if (qty[base + t]! <= 0) cand[k++] = t;
    }
    nc = k;
  }
  let out: Uint8Array | null = null;
  // Days before the store's first sale are not closures, only days before it existed here.
  let firstSale = 0;
  while (firstSale < nc && cand[firstSale] === firstSale) firstSale += 1;
  if (units >= need && nc > firstSale) {
    out = new Uint8Array(days);
    for (let i = firstSale; i < nc; i++) out[cand[i]!] = 1;
  }
  cache.set(h, out);
  return out;
}
