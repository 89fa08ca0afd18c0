import Papa from 'papaparse';
import { type ImportResult, ImportSession, type RejectedRow } from '../import/core';
import { hash53 } from '../import/hash';
import { type LoopReturnLine, loopReturnsSource } from './loop-export';

/** Where a backfill is: reading and classifying the file, then writing rows. */
export interface BackfillProgress {
  phase: 'reading' | 'storing' | 'done';
  /** 0..1 over the whole import (reading is the first 85%). */
  fraction: number;
  rows: number;
}

/** The table the lines go to: the `returns` Dexie table, or an in-memory twin in tests. */
export interface ReturnLineStore {
  /** The stored rows of `ids`, in order (undefined where none). */
  bulkGet(ids: string[]): Promise<Array<{ readonly source?: unknown } | undefined>>;
  bulkPut(rows: LoopReturnLine[]): Promise<unknown>;
}

export interface BackfillReport {
  fileName: string;
  fileHash: string;
  rowsRead: number;
  accepted: number;
  rejected: RejectedRow[];
  duplicates: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lines already analysed in the panel: kept as analysed (richer than the export). */
  keptFromPanel: number;
  fatal: string | null;
}

const READ_SHARE = 0.85;
const WRITE_BATCH = 500;

/** A stable, key-order-independent comparison of two rows. */
function same(a: object, b: object): boolean {
  const x = new Map(Object.entries(a));
  const y = new Map(Object.entries(b));
  for (const k of new Set([...x.keys(), ...y.keys()]))
    if (JSON.stringify(x.get(k) ?? null) !== JSON.stringify(y.get(k) ?? null)) return false;
  return true;
}

/**
 * Parses and classifies the export chunk by chunk, yielding to the event loop between chunks so a
 * page can paint its progress bar (Papa's File reader needs FileReaderSync outside windows, and a
 * whole-string parse would block the page until the end).
 */
function parseYielding(
  text: string,
  progress: (bytes: number, rows: number) => void,
): Promise<ImportResult<LoopReturnLine>> {
  const session = new ImportSession(loopReturnsSource, {});
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: false,
      chunkSize: 64 * 1024,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        for (const row of results.data) session.push(row);
        rows += results.data.length;
        progress(results.meta.cursor, rows);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => resolve(session.finish()),
      error: (error: Error) => reject(error),
    });
  });
}

/**
 * Backfills the return history from a Loop returns CSV export: streams and classifies the file
 * (lib/returns/loop-export.ts), then upserts by the idempotent id `${returnId}:${sku}` in batches.
 * A second import of the same file inserts and updates nothing. Lines the panel analysed keep the
 * panel's analysis.
 */
export async function backfillLoopReturns(
  file: Blob & { name?: string },
  store: ReturnLineStore,
  onProgress: (p: BackfillProgress) => void = () => {},
): Promise<BackfillReport> {
  const text = await file.text();
  const fileHash = hash53(text).toString(36);
  const total = file.size || 1;
  const result = await parseYielding(text, (bytes, rows) =>
    onProgress({ phase: 'reading', fraction: (Math.min(bytes, total) / total) * READ_SHARE, rows }),
  );
  const report: BackfillReport = {
    fileName: file.name ?? 'returns.csv',
    fileHash,
    rowsRead: result.rowsRead,
    accepted: result.records.length,
    rejected: result.rejected,
    duplicates: result.duplicates,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    keptFromPanel: 0,
    fatal: result.fatal,
  };
  const records = result.records;
  for (let i = 0; i < records.length; i += WRITE_BATCH) {
    const batch = records.slice(i, i + WRITE_BATCH);
    const existing = await store.bulkGet(batch.map((r) => r.id));
    const writes: LoopReturnLine[] = [];
    batch.forEach((r, j) => {
      const old = existing[j];
      if (!old) {
        report.inserted += 1;
        writes.push(r);
      } else if (old.source === 'loop-page') {
        report.keptFromPanel += 1;
      } else if (same(old, r)) {
        report.unchanged += 1;
      } else {
        report.updated += 1;
        writes.push(r);
      }
    });
    if (writes.length) await store.bulkPut(writes);
    onProgress({
      phase: 'storing',
      fraction: READ_SHARE + (1 - READ_SHARE) * Math.min(1, (i + batch.length) / records.length),
      rows: result.rowsRead,
    });
  }
  onProgress({ phase: 'done', fraction: 1, rows: result.rowsRead });
  return report;
}
