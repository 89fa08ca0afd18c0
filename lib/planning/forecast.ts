import type { DemandHistory } from './history';
import { classifyDemand, croston, type DemandPattern, tsb } from './intermittent';

/** Forecasting constants; FORMULAS.md states them. */
export const FORECAST_SETTINGS = {
  /** Recent weeks weigh more: a day's weight halves every 28 days of age. */
  halfLifeDays: 28,
  /** Level and trend are fitted on at most the last 365 days. */
  fitWindowDays: 365,
  /** Trend is damped: each further day adds φ^k of the slope (φ = 0.99, at most ~99 days' worth of slope in total). */
  dampingPerDay: 0.99,
  /** Trend is used only when |slope / standard error| ≥ 2 and there are 8 weeks of uncensored days. */
  trendMinT: 2,
  minDaysForTrend: 56,
  /** Day-of-week index from 8 weeks of uncensored history; yearly index only from 365 days. */
  minDaysForWeekly: 56,
  /**
   * Yearly index from 420 days (a year plus 8 weeks): the same weeks a year earlier, with growth
   * measured on the last 8 weeks against the same 8 weeks a year before.
   */
  minDaysForYearly: 420,
  /** A weekday the store was shut on for this share of its occurrences in the last year is a closing day. */
  closedWeekdayShare: 0.8,
  /** Intermittent and lumpy SKUs: SBA smooths size and interval with α per demand; TSB the probability with β per day. */
  intermittentAlpha: 0.1,
  tsbBeta: 0.05,
  /** A run of zero-sales days is an unrecorded stockout when Poisson odds of it are below 1 in 1000. */
  zeroRunOdds: 1000,
  /** Zero runs are judged against the sales rate in the 28 days on each side. */
  zeroRunContextDays: 28,
  /** Seasonal indices are floored so a dead season cannot divide by zero. */
  minSeasonalIndex: 0.05,
} as const;

const YEAR = 364; // 52 whole weeks keeps weekdays aligned across years
const WEEKS = 52;

/** A fitted demand model for one SKU: deseasonalised level and damped trend, with seasonal indices. */
export interface SkuModel {
  /** Deseasonalised units per day at the end of history (before promo uplift). */
  level: number;
  /** Units per day per day; 0 when not significant. */
  slope: number;
  trendT: number;
  /** Residual standard deviation of deseasonalised daily demand. */
  sdDaily: number;
  /** Standard error of the level (the fit's own uncertainty, shared by every future day). */
  sdLevel: number;
  /** Demand pattern (ADI / CV²) and the method it chose: level and trend, SBA (intermittent) or TSB (lumpy). */
  pattern: DemandPattern;
  method: ForecastMethod;
  /** Index by weekday (day number mod 7), mean 1; null with too little history. */
  weekly: Float64Array | null;
  /** Index by week of the 364-day year counted from the day after history ends, mean 1; null under a year. */
  yearly: Float64Array | null;
  /** Exponentially weighted units per day by channel over uncensored days (raw, not deseasonalised). */
  channelRates: Float64Array;
  /** Days from the first sale to the end of history; 0 when the SKU never sold. */
  historyDays: number;
  uncensoredDays: number;
  /** Days excluded as stockouts: known from counts, and inferred from improbable zero-sales runs. */
  knownStockoutDays: number;
  inferredStockoutDays: number;
  /** Days left out because the store was closed (no sale anywhere, or a weekday it keeps closed). */
  closedDays: number;
  /** Past promo days left out of the baseline (their uplift is learned separately). */
  promoDays: number;
}

export const FORECAST_METHODS = ['level-trend', 'sba', 'tsb'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Reusable buffers so fitting 10,000 SKUs allocates nothing per SKU. */
export interface FitScratch {
  y: Float64Array;
  ok: Uint8Array;
  weights: Float64Array;
  /** Per-week work arrays of the yearly index (52 each) and per-weekday sums (7 each). */
  weeks: Float64Array[];
  valid: Uint8Array;
  days7: Float64Array[];
  /** Days the last weeklyIndex censored as a weekday the store keeps closed. */
  closedWeekdayDays: number;
  /**
   * When set, fitSku writes the model's weekly, yearly and channel arrays here instead of
   * allocating them: the model is then valid only until the next fitSku with this scratch (the
   * planner uses each model at once; 10,000 SKUs then allocate no typed arrays).
   */
  reuse: { weekly: Float64Array; yearly: Float64Array; channelRates: Float64Array } | null;
}

/** Allocates buffers for histories of up to `days` days; `reuseModelArrays`: see FitScratch.reuse. */
export function makeScratch(days: number, reuseModelArrays = false): FitScratch {
  const weights = new Float64Array(FORECAST_SETTINGS.fitWindowDays + 1);
  for (let age = 0; age < weights.length; age++) weights[age] = 0.5 ** (age / FORECAST_SETTINGS.halfLifeDays);
  return {
    y: new Float64Array(Math.max(days, 1)),
    ok: new Uint8Array(Math.max(days, 1)),
    weights,
    weeks: Array.from({ length: 6 }, () => new Float64Array(WEEKS)),
    valid: new Uint8Array(WEEKS),
    days7: Array.from({ length: 5 }, () => new Float64Array(7)),
    closedWeekdayDays: 0,
    reuse: reuseModelArrays
      ? { weekly: new Float64Array(7), yearly: new Float64Array(WEEKS), channelRates: new Float64Array(0) }
      : null,
  };
}

/** Shrinks noisy seasonal ratios toward 1 (empirical Bayes: Poisson noise of each bucket vs spread across buckets). */
function shrinkIndex(raw: Float64Array, units: Float64Array, noiseScale: number, skip = 0): void {
  // `skip`: bit i set leaves bucket i out (a weekday the store keeps closed).
  const len = raw.length;
  let n = 0;
  let mean = 0;
  for (let i = 0; i < len; i++) {
    if (skip & (1 << i)) continue;
    mean += raw[i]!;
    n += 1;
  }
  if (n < 2) return;
  mean /= n;
  let spread = 0;
  let noise = 0;
  for (let i = 0; i < len; i++) {
    if (skip & (1 << i)) continue;
    spread += (raw[i]! - mean) ** 2;
    noise += (noiseScale * raw[i]! ** 2) / Math.max(units[i]!, 1);
  }
  spread /= n - 1;
  noise /= n;
  const signal = Math.max(0, spread - noise);
  let sum = 0;
  for (let i = 0; i < len; i++) {
    if (skip & (1 << i)) continue;
    const nv = (noiseScale * raw[i]! ** 2) / Math.max(units[i]!, 1);
    const k = signal + nv > 0 ? signal / (signal + nv) : 0;
    raw[i] = 1 + (raw[i]! - 1) * k;
    sum += raw[i]!;
  }
  for (let i = 0; i < len; i++) if (!(skip & (1 << i))) raw[i] = (raw[i]! * n) / sum;
}

/** A model with no demand signal (never sold, or every day censored). */
function emptyModel(channelRates: Float64Array, historyDays: number, known: number, inferred: number): SkuModel {
  return {
    level: 0,
    slope: 0,
    trendT: 0,
    sdDaily: 0,
    sdLevel: 0,
    pattern: 'intermittent',
    method: 'level-trend',
    closedDays: 0,
    promoDays: 0,
    weekly: null,
    yearly: null,
    channelRates,
    historyDays,
    uncensoredDays: 0,
    knownStockoutDays: known,
    inferredStockoutDays: inferred,
  };
}

/*
 * fitSku is split into small module-level steps (no closures made per call): a cold run plans
 * 10,000 SKUs once, and small monomorphic functions reach optimised code sooner and recompile
 * cheaply, where one large function was compiled several times over.
 */

/**
 * Sums the SKU's channels into `y` and marks its known stockout days (from counts) in `ok`, in one
 * pass; returns the first day with a sale, or −1, and writes into `known[0]` how many known
 * stockout days there are from that day on. (`ok` before the first sale is written but never read.)
 */
function loadDemand(h: DemandHistory, s: number, y: Float64Array, ok: Uint8Array, known: Float64Array): number {
  const { days } = h;
  const C = h.channels.length;
  const q = h.qty;
  const cens = h.censored;
  const cb = s * days;
  let first = -1;
  let all = 0;
  let before = 0;
  if (C === 3) {
    // The usual three channels in one pass (same additions in the same order as the loop below).
    const b0 = s * 3 * days;
    const b1 = b0 + days;
    const b2 = b1 + days;
    for (let t = 0; t < days; t++) {
      let v = 0;
      v += q[b0 + t]!;
      v += q[b1 + t]!;
      v += q[b2 + t]!;
      y[t] = v;
      const c = cens[cb + t]!;
      ok[t] = c ? 0 : 1;
      all += c;
      if (first < 0 && v > 0) {
        first = t;
        before = all - c;
      }
    }
  } else {
    // Channel by channel: each channel's days are contiguous in memory.
    y.fill(0, 0, days);
    for (let c = 0; c < C; c++) {
      const base = (s * C + c) * days;
      for (let t = 0; t < days; t++) y[t]! += q[base + t]!;
    }
    for (let t = 0; t < days; t++) {
      const c = cens[cb + t]!;
      ok[t] = c ? 0 : 1;
      all += c;
      if (first < 0 && y[t]! > 0) {
        first = t;
        before = all - c;
      }
    }
  }
  known[0] = all - before;
  return first;
}

/**
 * Leaves out days whose demand is not the baseline's: store closed (`closed`, no sale anywhere) and
 * past promo days (`uplift` ≠ 1; their uplift is learned in promo-uplift.ts, not assumed). Returns
 * [closed, promo] day counts among days not already censored.
 */
function markClosedAndPromo(
  ok: Uint8Array,
  first: number,
  days: number,
  closed: Uint8Array | null,
  uplift: Float32Array | null,
  out: Float64Array,
): void {
  let c = 0;
  let p = 0;
  out[0] = 0;
  out[1] = 0;
  if (!closed && !uplift) return;
  if (!closed && uplift) {
    // Promo days only (a few per year): the same days and counts as the loop below.
    const list = upliftDays(uplift);
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t < first || t >= days || !ok[t]) continue;
      ok[t] = 0;
      p += 1;
    }
    out[1] = p;
    return;
  }
  for (let t = first; t < days; t++) {
    if (!ok[t]) continue;
    if (closed?.[t]) {
      ok[t] = 0;
      c += 1;
    } else if (uplift && uplift[t] !== 1) {
      ok[t] = 0;
      p += 1;
    }
  }
  out[0] = c;
  out[1] = p;
}

const upliftDayCache = new WeakMap<Float32Array, Int32Array>();

/** The history days whose promo multiplier is not 1, ascending (computed once per multiplier array; SKUs share them). */
function upliftDays(uplift: Float32Array): Int32Array {
  let list = upliftDayCache.get(uplift);
  if (!list) {
    let n = 0;
    for (let t = 0; t < uplift.length; t++) if (uplift[t] !== 1) n += 1;
    list = new Int32Array(n);
    n = 0;
    for (let t = 0; t < uplift.length; t++) if (uplift[t] !== 1) list[n++] = t;
    upliftDayCache.set(uplift, list);
  }
  return list;
}

/** Mean of the uncensored days in [from, to) (within [first, days)); null with fewer than 7 of them. */
function localRate(
  y: Float64Array,
  ok: Uint8Array,
  first: number,
  days: number,
  from: number,
  to: number,
): number | null {
  let sum = 0;
  let cnt = 0;
  for (let t = Math.max(first, from); t < Math.min(days, to); t++) {
    if (ok[t]) {
      sum += y[t]!;
      cnt += 1;
    }
  }
  return cnt >= 7 ? sum / cnt : null;
}

/**
 * Censors improbable zero-sales runs in `ok`; returns the number of days censored. A zero run is
 * judged against the local rate: the uncensored days in the 28 days before it and after it (the
 * lower of the two), so a seasonal low does not read as a stockout.
 */
function censorZeroRuns(
  y: Float64Array,
  ok: Uint8Array,
  first: number,
  days: number,
  inStockNow: boolean | null,
): number {
  const S = FORECAST_SETTINGS;
  let inferred = 0;
  let t0 = first;
  while (t0 < days) {
    // t0 is never inside a run (it is a sale, a censored day, or a run's first day). Runs shorter
    // than a week are skipped below unless they reach the end: when day t0 + 6 is not part of a
    // run, no run starting in [t0, t0 + 6] can be a week long, so the scan jumps past it.
    const j = t0 + 6;
    if (j < days - 1 && (y[j] !== 0 || !ok[j])) {
      t0 = j + 1;
      continue;
    }
    if (y[t0] !== 0 || !ok[t0]) {
      t0 += 1;
      continue;
    }
    let e = t0;
    while (e < days && y[e] === 0 && ok[e]) e += 1;
    const len = e - t0;
    const atEnd = e === days;
    // Runs shorter than a week are never judged improbable; skip the rate scan (intermittent SKUs have many).
    if (len < 7 && !(atEnd && inStockNow === false)) {
      t0 = e;
      continue;
    }
    const before = localRate(y, ok, first, days, t0 - S.zeroRunContextDays, t0);
    const after = atEnd ? null : localRate(y, ok, first, days, e, e + S.zeroRunContextDays);
    const rate = before === null ? after : after === null ? before : Math.min(before, after);
    const improbable = rate !== null && rate > 0 && len >= Math.max(7, Math.log(S.zeroRunOdds) / rate);
    const censor = atEnd ? inStockNow === false || (inStockNow === null && improbable) : improbable;
    if (censor) {
      for (let k = t0; k < e; k++) ok[k] = 0;
      inferred += len;
    }
    t0 = e;
  }
  return inferred;
}

/** Weekday index over the last 364 days (mean 1, shrunk toward 1); null with under 8 weeks of uncensored days. */
function weeklyIndex(
  y: Float64Array,
  ok: Uint8Array,
  first: number,
  days: number,
  startDay: number,
  scratch: FitScratch,
  closed: Uint8Array | null,
): Float64Array | null {
  const S = FORECAST_SETTINGS;
  scratch.closedWeekdayDays = 0;
  const wStart = Math.max(first, days - YEAR);
  const sums = scratch.days7[0]!;
  const counts = scratch.days7[1]!;
  const shut = scratch.days7[4]!;
  sums.fill(0);
  counts.fill(0);
  shut.fill(0);
  for (let t = wStart; t < days; t++) {
    const wd = (startDay + t) % 7;
    if (!ok[t]) {
      if (closed?.[t]) shut[wd]! += 1;
      continue;
    }
    sums[wd]! += y[t]!;
    counts[wd]! += 1;
  }
  let total = 0;
  let n = 0;
  for (let i = 0; i < 7; i++) {
    total += sums[i]!;
    n += counts[i]!;
  }
  // n is the number of uncensored days in the window (counted here rather than in a pass of its own).
  if (n < S.minDaysForWeekly) return null;
  // A weekday the store keeps closed is censored, not a weekday of zero demand (which would pull
  // the level down by its share of the week): one the store was shut on for most of the last
  // year, or one without a single sale although the other days' rate puts the Poisson odds of
  // that below 1 in 1000. Its index is 0: the forecast sells nothing on it.
  let skip = 0;
  for (let i = 0; i < 7; i++) {
    const seen = counts[i]! + shut[i]!;
    const shutMost = shut[i]! > 0 && shut[i]! >= S.closedWeekdayShare * seen;
    const otherRate = n > counts[i]! ? (total - sums[i]!) / (n - counts[i]!) : 0;
    const neverSold = sums[i] === 0 && counts[i]! >= 8 && otherRate * counts[i]! >= Math.log(S.zeroRunOdds);
    if (shutMost || neverSold) skip |= 1 << i;
  }
  if (skip === 127) return null;
  if (skip) {
    let marked = 0;
    for (let t = first; t < days; t++) {
      if (ok[t] && skip & (1 << ((startDay + t) % 7))) {
        ok[t] = 0;
        marked += 1;
      }
    }
    scratch.closedWeekdayDays = marked;
    total = 0;
    n = 0;
    for (let i = 0; i < 7; i++) {
      if (skip & (1 << i)) continue;
      total += sums[i]!;
      n += counts[i]!;
    }
  }
  const mean = total / n;
  if (!(mean > 0)) return null;
  const weekly = scratch.reuse ? scratch.reuse.weekly : new Float64Array(7);
  for (let i = 0; i < 7; i++) weekly[i] = counts[i]! > 0 ? sums[i]! / counts[i]! / mean : 1;
  shrinkIndex(weekly, sums, 1, skip);
  for (let i = 0; i < 7; i++) weekly[i] = skip & (1 << i) ? 0 : Math.max(S.minSeasonalIndex, weekly[i]!);
  return weekly;
}

/** Mean weekday-adjusted demand over the uncensored days in [from, to); null with fewer than 14 of them. */
function meanOver(
  y: Float64Array,
  ok: Uint8Array,
  first: number,
  days: number,
  startDay: number,
  weekly: Float64Array | null,
  from: number,
  to: number,
): number | null {
  let sum = 0;
  let cnt = 0;
  for (let t = Math.max(first, from); t < Math.min(days, to); t++) {
    if (!ok[t]) continue;
    sum += y[t]! / (weekly ? weekly[(startDay + t) % 7]! : 1);
    cnt += 1;
  }
  return cnt >= 14 ? sum / cnt : null;
}

/** Yearly index by week, from whole 364-day blocks ending at the end of history; null under a year. */
function yearlyIndex(
  y: Float64Array,
  ok: Uint8Array,
  first: number,
  days: number,
  startDay: number,
  weekly: Float64Array | null,
  scratch: FitScratch,
): Float64Array | null {
  const [ratioSum, ratioN, units, wk, growthCurve, raw] = scratch.weeks as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  ratioSum.fill(0);
  ratioN.fill(0);
  units.fill(0);
  const valid = scratch.valid;
  // Growth must not read as season. Year-over-year growth G comes from the last 8 weeks against
  // the same 8 weeks a year earlier (needs 364 + 56 days); with less, from the block's last
  // 4 weeks against its first 4 (one year cannot separate trend from season; this assumes
  // the season is alike at both ends). Each week's ratio is taken to G^((w − 25.5)/52).
  let growth = 1;
  const yoyNow = meanOver(y, ok, first, days, startDay, weekly, days - 56, days);
  const yoyThen =
    days - first >= YEAR + 56 ? meanOver(y, ok, first, days, startDay, weekly, days - YEAR - 56, days - YEAR) : null;
  if (yoyNow !== null && yoyThen !== null && yoyThen > 0) growth = yoyNow / yoyThen;
  else {
    // Only without the year-over-year figures (the block's first and last 4 weeks).
    const endThen = meanOver(y, ok, first, days, startDay, weekly, days - YEAR, days - YEAR + 28);
    const endNow = meanOver(y, ok, first, days, startDay, weekly, days - 28, days);
    if (endNow !== null && endThen !== null && endThen > 0) growth = ((endNow / endThen) ** 52) ** (1 / 48);
  }
  growth = Math.min(4, Math.max(0.25, growth));
  const step = growth ** (1 / WEEKS);
  growthCurve[0] = growth ** (-25.5 / WEEKS);
  for (let w = 1; w < WEEKS; w++) growthCurve[w] = growthCurve[w - 1]! * step;
  const fd = scratch.days7[3]!;
  for (let b = 0; days - YEAR * (b + 1) >= first; b++) {
    const start = days - YEAR * (b + 1);
    // Whole weeks keep the weekday: day d of every week of the block has the same weekly factor.
    for (let d = 0; d < 7; d++) fd[d] = weekly ? weekly[(startDay + start + d) % 7]! : 1;
    let sy = 0;
    let nv = 0;
    for (let w = 0; w < WEEKS; w++) {
      let sum = 0;
      let cnt = 0;
      for (let d = 0; d < 7; d++) {
        const t = start + w * 7 + d;
        if (!ok[t]) continue;
        const f = fd[d]!;
        sum += y[t]! / f;
        cnt += 1;
        units[w]! += y[t]!;
      }
      valid[w] = cnt >= 3 ? 1 : 0;
      wk[w] = cnt > 0 ? sum / cnt : 0;
      if (valid[w]) {
        sy += wk[w]!;
        nv += 1;
      }
    }
    if (nv < 26) continue;
    // Ratio to the block's mean, corrected for growth inside the block (a linear fit would take
    // a U-shaped season, high at both ends, for a trend).
    const blockMean = sy / nv;
    if (blockMean <= 0) continue;
    for (let w = 0; w < WEEKS; w++) {
      if (valid[w]) {
        ratioSum[w]! += wk[w]! / (blockMean * growthCurve[w]!);
        ratioN[w]! += 1;
      }
    }
  }
  let any = false;
  for (let w = 0; w < WEEKS; w++) {
    raw[w] = ratioN[w]! > 0 ? ratioSum[w]! / ratioN[w]! : 1;
    if (ratioN[w]! > 0) any = true;
  }
  if (!any) return null;
  const yearly = scratch.reuse ? scratch.reuse.yearly : new Float64Array(WEEKS);
  for (let w = 0; w < WEEKS; w++) {
    yearly[w] = (raw[(w + WEEKS - 1) % WEEKS]! + 2 * raw[w]! + raw[(w + 1) % WEEKS]!) / 4;
  }
  // A 1-2-1 smooth keeps 6/16 of the noise variance of one bucket.
  shrinkIndex(yearly, units, 0.375);
  for (let w = 0; w < WEEKS; w++) yearly[w] = Math.max(FORECAST_SETTINGS.minSeasonalIndex, yearly[w]!);
  return yearly;
}

/**
 * Fits the model of SKU index `s`. `historyUplift` (optional, per history day) divides out past
 * promo uplift so a Black Friday spike does not inflate the baseline. `inStockNow` says whether the
 * latest count shows stock (a zero run up to today is then real demand, not a stockout).
 */
export function fitSku(
  h: DemandHistory,
  s: number,
  scratch: FitScratch,
  inStockNow: boolean | null = null,
  historyUplift: Float32Array | null = null,
  closed: Uint8Array | null = null,
): SkuModel {
  const { days } = h;
  const { y, ok } = scratch;
  const C = h.channels.length;
  let channelRates: Float64Array;
  if (scratch.reuse) {
    if (scratch.reuse.channelRates.length !== C) scratch.reuse.channelRates = new Float64Array(C);
    channelRates = scratch.reuse.channelRates.fill(0);
  } else channelRates = new Float64Array(C);
  // Censoring: known stockout days (marked while loading), store-closed and past promo days, then
  // improbable zero runs and weekdays the store keeps closed.
  const counts = scratch.days7[3]!;
  const first = loadDemand(h, s, y, ok, counts);
  if (first < 0) return emptyModel(channelRates, 0, 0, 0);
  const known = counts[0]!;
  markClosedAndPromo(ok, first, days, closed, historyUplift, counts);
  const closedDays = counts[0]!;
  const promoDays = counts[1]!;
  const inferred = censorZeroRuns(y, ok, first, days, inStockNow);
  const weekly = weeklyIndex(y, ok, first, days, h.startDay, scratch, closed);
  const yearly =
    days - first >= FORECAST_SETTINGS.minDaysForYearly
      ? yearlyIndex(y, ok, first, days, h.startDay, weekly, scratch)
      : null;
  const m = fitLevelTrend(h, s, scratch, first, weekly, yearly, channelRates, known, inferred);
  m.closedDays = closedDays + scratch.closedWeekdayDays;
  m.promoDays = promoDays;
  return m;
}

/** Level and trend: exponentially weighted least squares on deseasonalised uncensored days. */
function fitLevelTrend(
  h: DemandHistory,
  s: number,
  scratch: FitScratch,
  first: number,
  weekly: Float64Array | null,
  yearly: Float64Array | null,
  channelRates: Float64Array,
  known: number,
  inferred: number,
): SkuModel {
  const S = FORECAST_SETTINGS;
  const { days } = h;
  const C = h.channels.length;
  const { y, ok, weights } = scratch;
  const fStart = Math.max(first, days - S.fitWindowDays);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let n = 0;
  const chSum = scratch.days7[2]!;
  chSum.fill(0);
  // Channel sums in locals for the usual three channels (same additions, same order).
  const q = h.qty;
  const b0 = s * C * days;
  const b1 = b0 + days;
  const b2 = b1 + days;
  let ch0 = 0;
  let ch1 = 0;
  let ch2 = 0;
  // Demand pattern counts: days with demand, sum and sum of squares of their sizes.
  let nz = 0;
  let sz = 0;
  let sz2 = 0;
  // Weekday advances with t (no modulo per day); the week of the year is constant over runs of up
  // to 7 days (the year is 52 whole weeks, so a run never crosses the year's end).
  let wd = (h.startDay + fStart) % 7;
  const pos0 = (((fStart - days) % YEAR) + YEAR) % YEAR;
  let week = (pos0 / 7) | 0;
  let runEnd = Math.min(days, fStart + 7 - (pos0 % 7));
  let fy = yearly ? yearly[week]! : 1;
  for (let t = fStart; t < days; t++, wd = wd === 6 ? 0 : wd + 1) {
    if (t === runEnd) {
      week = week === WEEKS - 1 ? 0 : week + 1;
      runEnd = Math.min(days, t + 7);
      fy = yearly ? yearly[week]! : 1;
    }
    if (!ok[t]) continue;
    const age = days - 1 - t;
    const w = weights[age]!;
    const x = -age;
    const f = (weekly ? weekly[wd]! : 1) * fy;
    const v = y[t]!;
    // Without a branch: zeros add nothing to the sizes (sales data make the branch unpredictable).
    nz += v > 0 ? 1 : 0;
    sz += v;
    sz2 += v * v;
    const z = v / f;
    y[t] = z; // keep the deseasonalised value for the residual pass
    sw += w;
    sx += w * x;
    sy += w * z;
    sxx += w * x * x;
    sxy += w * x * z;
    n += 1;
    if (C === 3) {
      ch0 += w * q[b0 + t]!;
      ch1 += w * q[b1 + t]!;
      ch2 += w * q[b2 + t]!;
    } else for (let c = 0; c < C; c++) chSum[c]! += w * q[(s * C + c) * days + t]!;
  }
  if (C === 3) {
    chSum[0] = ch0;
    chSum[1] = ch1;
    chSum[2] = ch2;
  }
  const historyDays = days - first;
  if (n === 0 || sw === 0) return emptyModel(channelRates, historyDays, known, inferred);
  for (let c = 0; c < C; c++) channelRates[c] = chSum[c]! / sw;
  const mean = sy / sw;
  const xbar = sx / sw;
  const sxxc = sxx - sx * xbar;
  let slope = sxxc > 0 ? (sxy - sx * mean) / sxxc : 0;
  let icpt = mean - slope * xbar;
  let ssMean = 0;
  let ssFit = 0;
  let sw2 = 0;
  let sw2xx = 0;
  for (let t = fStart; t < days; t++) {
    if (!ok[t]) continue;
    const age = days - 1 - t;
    const w = weights[age]!;
    const x = -age;
    const z = y[t]!;
    ssMean += w * (z - mean) ** 2;
    ssFit += w * (z - icpt - slope * x) ** 2;
    sw2 += w * w;
    sw2xx += w * w * (x - xbar) ** 2;
  }
  const neff = (sw * sw) / sw2;
  const bessel = neff > 2 ? neff / (neff - 2) : 1;
  const varFit = (ssFit / sw) * bessel;
  const seSlope = sxxc > 0 ? Math.sqrt((varFit * sw2xx) / (sxxc * sxxc)) : Number.POSITIVE_INFINITY;
  const trendT = seSlope > 0 && Number.isFinite(seSlope) ? slope / seSlope : 0;
  let sd: number;
  let sdLevel: number;
  const pattern = classifyDemand(n, nz, sz, sz2);
  let method: ForecastMethod = 'level-trend';
  if (pattern === 'intermittent' || pattern === 'lumpy') {
    // Sparse demand: the mean of mostly-zero days overshoots after a recent sale and a trend is
    // noise; SBA (intermittent) or TSB (lumpy, whose probability decays when sales stop) on the
    // deseasonalised uncensored days of the window.
    const fit =
      pattern === 'intermittent'
        ? croston(y, fStart, days, S.intermittentAlpha, true, ok)
        : tsb(y, fStart, days, S.intermittentAlpha, S.tsbBeta, ok);
    method = pattern === 'intermittent' ? 'sba' : 'tsb';
    slope = 0;
    icpt = fit.forecast;
    sd = Math.max(fit.rmse, Math.sqrt((ssMean / sw) * (neff > 1 ? neff / (neff - 1) : 1)));
    sdLevel = sd * Math.sqrt(S.intermittentAlpha / (2 - S.intermittentAlpha));
  } else if (n >= S.minDaysForTrend && Math.abs(trendT) >= S.trendMinT) {
    sd = Math.sqrt(varFit);
    icpt = Math.max(0, icpt);
    // Standard error of the fitted line at x = 0 (the end of history).
    sdLevel = Math.sqrt(varFit / neff + (xbar * seSlope) ** 2);
  } else {
    slope = 0;
    icpt = mean;
    sd = Math.sqrt((ssMean / sw) * (neff > 1 ? neff / (neff - 1) : 1));
    sdLevel = sd / Math.sqrt(neff);
  }
  return {
    level: icpt,
    slope,
    trendT,
    sdDaily: sd,
    sdLevel,
    pattern,
    method,
    closedDays: 0,
    promoDays: 0,
    weekly,
    yearly,
    channelRates,
    historyDays,
    uncensoredDays: n,
    knownStockoutDays: known,
    inferredStockoutDays: inferred,
  };
}

/** Seasonal factor of a day: weekly index of its weekday × yearly index of its week. `offset` counts from the first future day (history days are negative). */
export function seasonal(
  weekly: Float64Array | null,
  yearly: Float64Array | null,
  dayNum: number,
  offset: number,
): number {
  let f = weekly ? weekly[dayNum % 7]! : 1;
  if (yearly) {
    const pos = ((offset % YEAR) + YEAR) % YEAR;
    f *= yearly[Math.min(WEEKS - 1, Math.floor(pos / 7))]!;
  }
  return f;
}

/** Mean yearly index over the first `days` days from the end of history (the season alone, for the rationale). */
export function meanYearly(yearly: Float64Array, days: number): number {
  let f = 0;
  for (let k = 0; k < days; k++) f += yearly[Math.min(WEEKS - 1, Math.floor((k % YEAR) / 7))]!;
  return f / days;
}

/**
 * Daily forecast for `out.length` days starting at day number `firstDay` (today):
 * f(k) = max(0, level + slope·Σ_{i=1..k+1} φ^i) × weekly × yearly × promo(k).
 */
export function forecastInto(
  model: SkuModel,
  firstDay: number,
  out: Float64Array,
  promo: Float32Array | null = null,
): void {
  const phi = FORECAST_SETTINGS.dampingPerDay;
  const { weekly, yearly } = model;
  let damp = 0;
  let pw = 1;
  let wd = firstDay % 7;
  // Week of the 364-day year: constant over each 7 days from the first future day.
  let week = 0;
  let fy = yearly ? yearly[0]! : 1;
  for (let k = 0; k < out.length; k++, wd = wd === 6 ? 0 : wd + 1) {
    if (k > 0 && k % 7 === 0) {
      week = week === WEEKS - 1 ? 0 : week + 1;
      fy = yearly ? yearly[week]! : 1;
    }
    pw *= phi;
    damp += pw;
    const base = Math.max(0, model.level + model.slope * damp);
    const p = promo ? promo[k]! : 1;
    out[k] = base * (weekly ? weekly[wd]! : 1) * fy * p;
  }
}

/** Sum of a daily forecast over a possibly fractional number of days from the start. */
export function sumOver(f: Float64Array, days: number): number {
  const whole = Math.min(Math.floor(days), f.length);
  let s = 0;
  for (let k = 0; k < whole; k++) s += f[k]!;
  const frac = days - Math.floor(days);
  if (frac > 0 && whole < f.length) s += frac * f[whole]!;
  return s;
}

/**
 * Standard deviation of demand summed over the next `days` days, from the fit: √(T·σd² + T²·σℓ²)
 * (daily residuals independent, the level's estimation error shared by every day), deseasonalised.
 */
export function forecastSdOver(model: SkuModel, days: number): number {
  return Math.sqrt(days * model.sdDaily ** 2 + days * days * model.sdLevel ** 2);
}

/** Central prediction interval of demand over `days` days: `sum` ± z·σ (forecastSdOver, scaled by `season`), floored at 0. */
export function predictionInterval(
  model: SkuModel,
  sum: number,
  days: number,
  z: number,
  season = 1,
): [number, number] {
  const half = z * forecastSdOver(model, days) * season;
  return [Math.max(0, sum - half), sum + half];
}
