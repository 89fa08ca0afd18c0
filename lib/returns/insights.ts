import {
  type AggregateRow,
  ALERT_DEFAULTS,
  aggregateReasons,
  aggregatesToCsv,
  detectReasonAlerts,
  groupShares,
  type Period,
  type ReasonAlert,
  type ReturnRecord,
} from './analytics';
import { isReasonId } from './taxonomy';

export interface KeySummary {
  key: string;
  total: number;
  defectShare: number;
  sizingShare: number;
  /** Reason with the most returns for this key. */
  topReason: string;
}

export interface Insights {
  baseline: { defect: number; sizing: number; total: number };
  /** One line per SKU or product over all records, most returns first. */
  keys: KeySummary[];
  /** Rows per key and period (the charts' data, and the CSV export). */
  rows: AggregateRow[];
  /** Sorted periods present in `rows`, for chart x axes. */
  periods: string[];
  alerts: ReasonAlert[];
}

/** Everything the insights page shows, from the stored return lines: baseline, per-key table, series, alerts. */
export function buildInsights(
  records: readonly ReturnRecord[],
  opts: { by: 'sku' | 'product'; period: Period; now?: Date },
): Insights {
  const rows = aggregateReasons(records, opts);
  const base = groupShares(records);
  const byKey = new Map<string, { total: number; defect: number; sizing: number; counts: Map<string, number> }>();
  for (const row of rows) {
    const k = byKey.get(row.key) ?? { total: 0, defect: 0, sizing: 0, counts: new Map<string, number>() };
    k.total += row.total;
    k.defect += row.defectShare * row.total;
    k.sizing += row.sizingShare * row.total;
    for (const [reason, n] of Object.entries(row.counts)) k.counts.set(reason, (k.counts.get(reason) ?? 0) + n);
    byKey.set(row.key, k);
  }
  const keys: KeySummary[] = [...byKey.entries()]
    .map(([key, k]) => ({
      key,
      total: k.total,
      defectShare: k.total ? Math.round((k.defect / k.total) * 1e4) / 1e4 : 0,
      sizingShare: k.total ? Math.round((k.sizing / k.total) * 1e4) / 1e4 : 0,
      topReason: [...k.counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other',
    }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return {
    baseline: { defect: base.defect, sizing: base.sizing, total: base.total },
    keys,
    rows,
    periods: [...new Set(rows.map((r) => r.period))].sort(),
    alerts: detectReasonAlerts(records, { by: opts.by, now: opts.now }),
  };
}

/** A stored return line as the insights read it (a panel-analysed or an imported line). */
export interface StoredLineFields {
  id: string;
  returnId?: unknown;
  sku?: unknown;
  product?: unknown;
  createdAt?: unknown;
  reason?: unknown;
}

/** Stored lines as analytics records: rows with an unknown reason, date or SKU are skipped, not guessed. */
export function toReturnRecords(rows: readonly StoredLineFields[]): ReturnRecord[] {
  const out: ReturnRecord[] = [];
  for (const r of rows) {
    if (typeof r.reason !== 'string' || !isReasonId(r.reason)) continue;
    if (typeof r.createdAt !== 'string' || typeof r.sku !== 'string') continue;
    out.push({
      id: r.id,
      returnId: String(r.returnId ?? ''),
      sku: r.sku,
      product: typeof r.product === 'string' ? r.product : r.sku,
      createdAt: r.createdAt,
      reason: r.reason,
    });
  }
  return out;
}

export type InsightsQuery = { by: 'sku' | 'product'; period: Period };

/** The insights page: how many lines and returns, their date range, the insights and the alert test used. */
export function insightsView(records: readonly ReturnRecord[], query: InsightsQuery) {
  const times = records.map((r) => r.createdAt).sort();
  return {
    lines: records.length,
    returns: new Set(records.map((r) => r.returnId)).size,
    firstAt: times[0] ?? null,
    lastAt: times[times.length - 1] ?? null,
    ...buildInsights(records, query),
    test: { ...ALERT_DEFAULTS },
  };
}

/** The per-key per-period aggregates as a CSV file named for the grouping, the period and `day`. */
export function insightsCsv(records: readonly ReturnRecord[], query: InsightsQuery, day: string) {
  const { rows } = buildInsights(records, query);
  return {
    csv: aggregatesToCsv(rows, query.by),
    fileName: `counterpart-return-reasons-by-${query.by}-${query.period}-${day}.csv`,
    rows: rows.length,
  };
}
