/** Demand-pattern classification (ADI / CV²) and the intermittent-demand methods: Croston, SBA, TSB. */

/** Syntetos–Boylan–Croston cut-offs: ADI 1.32 days between demands, CV² 0.49 of the demand sizes. */
export const PATTERN_CUTOFFS = { adi: 1.32, cv2: 0.49 } as const;

export const DEMAND_PATTERNS = ['smooth', 'erratic', 'intermittent', 'lumpy'] as const;
export type DemandPattern = (typeof DEMAND_PATTERNS)[number];

/**
 * Classifies a demand pattern from counts over the observed (uncensored) days: ADI = observed days /
 * days with demand, CV² = variance / mean² of the non-zero sizes (Syntetos, Boylan & Croston 2005).
 */
export function classifyDemand(
  observedDays: number,
  demandDays: number,
  sizeSum: number,
  sizeSq: number,
): DemandPattern {
  if (demandDays === 0) return 'intermittent';
  const adi = observedDays / demandDays;
  const mean = sizeSum / demandDays;
  const cv2 = demandDays > 1 && mean > 0 ? Math.max(0, sizeSq / demandDays - mean * mean) / (mean * mean) : 0;
  if (adi < PATTERN_CUTOFFS.adi) return cv2 < PATTERN_CUTOFFS.cv2 ? 'smooth' : 'erratic';
  return cv2 < PATTERN_CUTOFFS.cv2 ? 'intermittent' : 'lumpy';
}

/** Result of an intermittent-demand method: the per-day forecast and the in-sample one-step error. */
export interface IntermittentFit {
  forecast: number;
  /** Root mean squared one-step-ahead error over the days after the first demand (0 with none). */
  rmse: number;
}

/**
 * Croston's method over `y[from..to)` (days with `ok[t] = 0` are skipped: not observed). Sizes and
 * intervals are smoothed with α at each demand; initialised with the first demand and its interval.
 * `sba` applies the Syntetos–Boylan correction (1 − α/2).
 */
export function croston(
  y: ArrayLike<number>,
  from: number,
  to: number,
  alpha: number,
  sba: boolean,
  ok: ArrayLike<number> | null = null,
): IntermittentFit {
  const k = sba ? 1 - alpha / 2 : 1;
  let size = 0;
  let interval = 0;
  let q = 0;
  let started = false;
  let se = 0;
  let n = 0;
  // Zero days only count: between two demands the forecast f is constant, so the q − 1 zero days
  // before a demand v add (q − 1)·f² and the demand (v − f)² to the squared one-step errors.
  for (let t = from; t < to; t++) {
    if (ok && !ok[t]) continue;
    q += 1;
    const v = y[t]!;
    if (v <= 0) continue;
    if (!started) {
      size = v;
      interval = q;
      started = true;
    } else {
      const f = (k * size) / interval;
      se += (q - 1) * f * f + (v - f) * (v - f);
      n += q;
      size += alpha * (v - size);
      interval += alpha * (q - interval);
    }
    q = 0;
  }
  if (!started) return { forecast: 0, rmse: 0 };
  const f = (k * size) / interval;
  se += q * f * f;
  n += q;
  return { forecast: f, rmse: n > 0 ? Math.sqrt(se / n) : 0 };
}

/**
 * Teunter–Syntetos–Babai: the demand probability is smoothed every day with β (so a SKU that stops
 * selling decays), the size at each demand with α. Initialised with the first demand's size and
 * 1 / its interval.
 */
export function tsb(
  y: ArrayLike<number>,
  from: number,
  to: number,
  alpha: number,
  beta: number,
  ok: ArrayLike<number> | null = null,
): IntermittentFit {
  let size = 0;
  let prob = 0;
  let q = 0;
  let started = false;
  let se = 0;
  let n = 0;
  for (let t = from; t < to; t++) {
    if (ok && !ok[t]) continue;
    const v = y[t]!;
    if (!started) {
      q += 1;
      if (v > 0) {
        size = v;
        prob = 1 / q;
        started = true;
      }
      continue;
    }
    const e = v - prob * size;
    se += e * e;
    n += 1;
    if (v > 0) {
      prob += beta * (1 - prob);
      size += alpha * (v - size);
    } else prob -= beta * prob;
  }
  if (!started) return { forecast: 0, rmse: 0 };
  return { forecast: prob * size, rmse: n > 0 ? Math.sqrt(se / n) : 0 };
}
