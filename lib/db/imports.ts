import type { CounterpartDB, ImportRow } from './schema';

/** How many rejected rows one import log entry keeps (the report shown at import time has them all). */
export const REJECTED_KEPT = 1000;

/** One import run as an importer reports it (the log counts the rejected rows itself). */
export type ImportEntry = Omit<ImportRow, 'id' | 'rowsRejected' | 'rejected'> & {
  rejected: ReadonlyArray<{ line: number; reason: string }>;
};

/** Appends one import run to the import log (the one writer of the `imports` table) and returns its id. */
export async function recordImport(database: CounterpartDB, entry: ImportEntry): Promise<number> {
  const row: ImportRow = {
    ...entry,
    rowsRejected: entry.rejected.length,
    rejected: entry.rejected.slice(0, REJECTED_KEPT).map((r) => ({ line: r.line, reason: r.reason })),
  };
  return database.imports.add(row);
}
