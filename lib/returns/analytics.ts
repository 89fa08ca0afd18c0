import { REASON_GROUPS, REASON_IDS, type ReasonGroup, type ReasonId } from './taxonomy';

/** One analysed (or imported) returned line: the unit every insight counts. */
export interface ReturnRecord {
  /** Idempotent id: `${returnId}:${sku}`. */
  id: string;
  returnId: string;
  sku: string;
  product: string;
  /** ISO date-time the return was created. */
  createdAt: string;
  reason: ReasonId;
}

/** What every line of the `returns` table holds, imported from a Loop export or analysed in the panel. */
export interface ReturnLineFields extends ReturnRecord {
  orderNumber: string | null;
  customerEmail: string | null;
  customerCountry: string | null;
  title: string;
  variant: string | null;
  category: string | null;
  price: number | null;
  quantity: number;
  /** The dropdown as the customer picked it ("Size > Too small"). */
  selectedReason: string;
  comment: string;
  /** Classifier output for this line. */
  confidence: number;
  mismatch: boolean;
  /** Evidence phrases (text only; spans are recomputed when the return is opened). */
  evidence: string[];
}

export type Period = 'week' | 'month';

export interface AggregateRow {
  key: string;
  /** ISO week start (Monday, `YYYY-MM-DD`) or month (`YYYY-MM`), UTC. */
  period: string;
  total: number;
  counts: Record<ReasonId, number>;
  /** Share of defect + damage returns (group `defect`). */
  defectShare: number;
  sizingShare: number;
}

const DAY = 86_400_000;

/** The period a timestamp falls in (UTC): Monday of its ISO week, or its month. */
export function periodOf(iso: string, period: Period): string | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  if (period === 'month') return d.toISOString().slice(0, 7);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - dow)).toISOString().slice(0, 10);
}

const emptyCounts = (): Record<ReasonId, number> =>
  Object.fromEntries(REASON_IDS.map((r) => [r, 0])) as Record<ReasonId, number>;

const inGroup = (reason: ReasonId, group: ReasonGroup): boolean =>
  (REASON_GROUPS[group] as readonly ReasonId[]).includes(reason);

/** Counts return reasons per SKU or product per week or month, sorted by key then period. */
export function aggregateReasons(
  records: readonly ReturnRecord[],
  opts: { by: 'sku' | 'product'; period: Period },
): AggregateRow[] {
  const rows = new Map<string, AggregateRow>();
  for (const r of records) {
    const period = periodOf(r.createdAt, opts.period);
    if (!period) continue;
    const key = opts.by === 'sku' ? r.sku : r.product;
    const id = `${key}\u0000${period}`;
    let row = rows.get(id);
    if (!row) {
      row = { key, period, total: 0, counts: emptyCounts(), defectShare: 0, sizingShare: 0 };
      rows.set(id, row);
    }
    row.total += 1;
    row.counts[r.reason] += 1;
  }
  for (const row of rows.values()) {
    const sum = (g: ReasonGroup) => REASON_GROUPS[g].reduce((s, id) => s + row.counts[id], 0);
    row.defectShare = row.total ? sum('defect') / row.total : 0;
    row.sizingShare = row.total ? sum('sizing') / row.total : 0;
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key) || a.period.localeCompare(b.period));
}

/** Share of each reason group over a set of records (the catalogue baseline when given everything). */
export function groupShares(records: readonly ReturnRecord[]): Record<ReasonGroup, number> & { total: number } {
  const counts = Object.fromEntries(Object.keys(REASON_GROUPS).map((g) => [g, 0])) as Record<ReasonGroup, number>;
  for (const r of records) {
    for (const g of Object.keys(REASON_GROUPS) as ReasonGroup[]) if (inGroup(r.reason, g)) counts[g] += 1;
  }
  const total = records.length;
  const shares = Object.fromEntries(
    (Object.keys(counts) as ReasonGroup[]).map((g) => [g, total ? counts[g] / total : 0]),
  ) as Record<ReasonGroup, number>;
  return { ...shares, total };
}

function logChoose(n: number, k: number): number {
  let s = 0;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i += 1) s += Math.log(n - m + i) - Math.log(i);
  return s;
}

/**
 * Exact one-sided binomial tail P(X ≥ k) for X ~ Binomial(n, p): the chance of seeing at least
 * `k` group returns out of `n` if the SKU behaved like the baseline share `p`.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let logPmf = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  let sum = 0;
  for (let i = k; i <= n; i += 1) {
    sum += Math.exp(logPmf);
    logPmf += Math.log((n - i) / (i + 1)) + Math.log(p / (1 - p));
  }
  return Math.min(1, sum);
}

export interface AlertOptions {
  by?: 'sku' | 'product';
  /** End of the window (defaults to the latest record). */
  now?: Date;
  windowDays?: number;
  alpha?: number;
  /** Minimum returns of the key in the window. */
  minReturns?: number;
  /** Minimum returns of the tested group in the window. */
  minGroupReturns?: number;
  groups?: readonly ('defect' | 'sizing')[];
}

export interface ReasonAlert {
  key: string;
  group: 'defect' | 'sizing';
  /** Group returns of the key in the window, and all its returns in the window. */
  count: number;
  total: number;
  share: number;
  /** Group share of every other key over the whole history up to `now`. */
  baseline: number;
  pValue: number;
  windowStart: string;
  windowEnd: string;
  /** Plain statement of the test, for the insights page. */
  test: string;
}

export const ALERT_DEFAULTS = {
  windowDays: 28,
  alpha: 0.01,
  minReturns: 20,
  minGroupReturns: 5,
} as const;

/**
 * Flags SKUs (or products) whose defect+damage or sizing share in the recent window is
 * significantly above the catalogue baseline.
 *
 * Test: one-sided exact binomial test. For a key with `n` returns in the last `windowDays` days
 * (default 28), `k` of them in the group, and baseline share `p0` = the group's share among all
 * other keys' returns up to `now` (the key itself is left out so a spike cannot raise its own
 * baseline), the p-value is P(X ≥ k | X ~ Binomial(n, p0)). Only keys with n ≥ 20 and k ≥ 5 are
 * tested. Many SKUs are tested at once, so the alerts are chosen with the Benjamini–Hochberg
 * procedure at false discovery rate α (default 0.01) over the m tested key × group pairs: sort
 * the p-values, find the largest rank i with p(i) ≤ i/m · α, and alert on ranks 1…i. With one
 * pair tested this is the plain p < α test; with 500 it asks far more of a lone SKU, so a busy
 * catalogue does not raise a handful of chance alerts every month.
 */
export function detectReasonAlerts(records: readonly ReturnRecord[], opts: AlertOptions = {}): ReasonAlert[] {
  const by = opts.by ?? 'sku';
  const windowDays = opts.windowDays ?? ALERT_DEFAULTS.windowDays;
  const alpha = opts.alpha ?? ALERT_DEFAULTS.alpha;
  const minReturns = opts.minReturns ?? ALERT_DEFAULTS.minReturns;
  const minGroup = opts.minGroupReturns ?? ALERT_DEFAULTS.minGroupReturns;
  const groups = opts.groups ?? (['defect', 'sizing'] as const);
  const times = records.map((r) => Date.parse(r.createdAt)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return [];
  const end = opts.now?.getTime() ?? Math.max(...times);
  const start = end - windowDays * DAY;
  const keyOf = (r: ReturnRecord) => (by === 'sku' ? r.sku : r.product);

  // Totals over history (≤ end) per key and overall, per group.
  const histTotal = new Map<string, number>();
  const histGroup = new Map<string, Record<string, number>>();
  const winTotal = new Map<string, number>();
  const winGroup = new Map<string, Record<string, number>>();
  let allTotal = 0;
  const allGroup: Record<string, number> = {};
  for (const r of records) {
    const t = Date.parse(r.createdAt);
    if (Number.isNaN(t) || t > end) continue;
    const key = keyOf(r);
    allTotal += 1;
    histTotal.set(key, (histTotal.get(key) ?? 0) + 1);
    const hg = histGroup.get(key) ?? {};
    const inWindow = t > start;
    if (inWindow) winTotal.set(key, (winTotal.get(key) ?? 0) + 1);
    const wg = winGroup.get(key) ?? {};
    for (const g of groups) {
      if (!inGroup(r.reason, g)) continue;
      hg[g] = (hg[g] ?? 0) + 1;
      allGroup[g] = (allGroup[g] ?? 0) + 1;
      if (inWindow) wg[g] = (wg[g] ?? 0) + 1;
    }
    histGroup.set(key, hg);
    winGroup.set(key, wg);
  }

  const tested: Omit<ReasonAlert, 'test'>[] = [];
  for (const [key, n] of winTotal) {
    if (n < minReturns) continue;
    for (const g of groups) {
      const k = winGroup.get(key)?.[g] ?? 0;
      if (k < minGroup) continue;
      const otherTotal = allTotal - (histTotal.get(key) ?? 0);
      const otherGroup = (allGroup[g] ?? 0) - (histGroup.get(key)?.[g] ?? 0);
      if (otherTotal <= 0) continue;
      // Floor the baseline at half a return so a group never seen elsewhere does not make p0 = 0.
      const p0 = Math.max(otherGroup, 0.5) / otherTotal;
      tested.push({
        key,
        group: g,
        count: k,
        total: n,
        share: k / n,
        baseline: p0,
        // At or below the baseline the share is no evidence of a spike: p = 1.
        pValue: k / n <= p0 ? 1 : binomialUpperTail(k, n, p0),
        windowStart: new Date(start).toISOString(),
        windowEnd: new Date(end).toISOString(),
      });
    }
  }
  const m = tested.length;
  const ranked = tested.sort((a, b) => a.pValue - b.pValue);
  let cut = 0;
  ranked.forEach((t, i) => {
    if (t.pValue <= ((i + 1) / m) * alpha) cut = i + 1;
  });
  const alerts: ReasonAlert[] = ranked.slice(0, cut).map((t, i) => ({
    ...t,
    test: `one-sided exact binomial test: P(X ≥ ${t.count} | n = ${t.total}, p0 = ${t.baseline.toFixed(3)}) = ${t.pValue.toExponential(2)}; Benjamini–Hochberg at false discovery rate ${alpha} over ${m} tested ${by} × group pair${m === 1 ? '' : 's'} (rank ${i + 1}: p ≤ ${i + 1}/${m} × ${alpha}); minimum ${minReturns} returns and ${minGroup} ${t.group} returns in ${windowDays} days`,
  }));
  return alerts.sort((a, b) => a.pValue - b.pValue);
}

function csvCell(value: string | number): string {
  const s = String(value);
  // Leading = + - @ would run as formulas in spreadsheets (CSV injection): prefix with a quote.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of aggregate rows: key, period, total, one column per reason, defect and sizing shares. */
export function aggregatesToCsv(rows: readonly AggregateRow[], keyName: 'sku' | 'product' = 'sku'): string {
  const header = [keyName, 'period', 'total', ...REASON_IDS, 'defect_share', 'sizing_share'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvCell(r.key),
        r.period,
        r.total,
        ...REASON_IDS.map((id) => r.counts[id]),
        r.defectShare.toFixed(4),
        r.sizingShare.toFixed(4),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
