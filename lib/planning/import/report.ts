import type { ImportResult, UpsertCounts } from '../../import/core';

/** What the import report shows for one file (the `planning.import` response). */
export interface ImportReport {
  source: string;
  fileName: string;
  rowsRead: number;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  rejected: ImportResult<{ id: string }>['rejected'];
  /** Lines kept but excluded from demand (cancelled, refunded), by reason. */
  excluded: Record<string, number>;
  mapping: Record<string, string | null>;
  unmappedHeaders: string[];
  missingRequired: string[];
  fatal: string | null;
}

/** Summarises an import and its upsert into the report the planner page shows. */
export function toImportReport(
  result: ImportResult<{ id: string; excluded?: string | null }>,
  fileName: string,
  counts: UpsertCounts,
): ImportReport {
  const excluded: Record<string, number> = {};
  for (const r of result.records) if (r.excluded) excluded[r.excluded] = (excluded[r.excluded] ?? 0) + 1;
  return {
    source: result.source,
    fileName,
    rowsRead: result.rowsRead,
    records: result.records.length,
    ...counts,
    duplicates: result.duplicates,
    rejected: result.rejected,
    excluded,
    mapping: result.mapping,
    unmappedHeaders: result.unmappedHeaders,
    missingRequired: result.missingRequired,
    fatal: result.fatal,
  };
}
