/// <reference lib="webworker" />
/**
 * The planner page's Web Worker: parses and stores imports and runs the plan off the UI thread,
 * posting progress. Extension-page workers share the extension origin, so Dexie opens the same
 * database as the page.
 */
import Dexie from 'dexie';
import * as clock from '../../lib/clock';
import { type SinkMode, type StoreCounts, TABLE_OF_SOURCE, TableSink } from '../../lib/db/import-store';
import { recordImport } from '../../lib/db/imports';
import { loadPlanInput, savePlan } from '../../lib/db/planning-store';
import { readSalesLines, SalesLineSink } from '../../lib/db/sales-lines';
import { type CounterpartDB, DB_NAME, db } from '../../lib/db/schema';
import type { SourceSpec } from '../../lib/import/core';
import { stableId } from '../../lib/import/hash';
import { IdIndex } from '../../lib/import/id-index';
import { SOURCES } from '../../lib/planning/import/sources';
import { type RecordSink, streamImport } from '../../lib/planning/import/stream';
import type { OrderLine } from '../../lib/planning/import/types';
import { planReorder } from '../../lib/planning/plan';
import type { ImportJob, PlanJob, WorkerEvent, WorkerJob } from '../../lib/planning/worker-protocol';

// This module runs as a dedicated worker: its `self` is the worker scope, not the DOM's window.
declare const self: DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent) => self.postMessage(event);
const running = new Map<number, AbortController>();

/**
 * The sales lines as this worker last read or wrote them, so a plan right after an import does not
 * re-read every line from IndexedDB. Dropped when another context changes the table (Dexie
 * broadcasts every committed change to the origin's contexts); the pack count is checked before use.
 */
let salesCache: { lines: IdIndex<OrderLine>; packs: number } | null = null;
/** Imports into salesPacks running here: their own change events must not drop the cache. */
let ownSalesWrites = 0;
const SALES_PART = `idb://${DB_NAME}/salesPacks/`;
Dexie.on('storagemutated', (parts) => {
  if (ownSalesWrites > 0) return;
  if (Object.keys(parts).some((k) => k.startsWith(SALES_PART))) salesCache = null;
});

/** Estimated rows in a file from the line length of its first 64 kB (to pick how the store compares). */
async function estimateRows(file: Blob): Promise<number> {
  const head = await file.slice(0, 64 * 1024).text();
  const lines = head.split('\n').length - 1;
  return lines > 0 ? Math.round(file.size / (head.length / lines)) : 1;
}

async function runImport(job: ImportJob): Promise<void> {
  const started = clock.monotonicMs();
  const controller = new AbortController();
  running.set(job.id, controller);
  // One spec of the union: the sink takes whatever records the source builds.
  const spec: SourceSpec<string, { id: string }> = SOURCES[job.source];
  const database = db();
  const table = TABLE_OF_SOURCE[job.source];
  const sales = table === 'salesPacks';
  if (sales) ownSalesWrites += 1;
  try {
    // The lines this worker holds are compared instead of reading every pack, when nothing else changed them.
    if (sales && salesCache && salesCache.packs !== (await database.salesPacks.count())) salesCache = null;
    const cache = sales ? salesCache : null;
    const onWritten = cache
      ? (rows: readonly { id: string }[]) => {
          for (const r of rows) cache.lines.put(r as OrderLine);
        }
      : undefined;
    // The sink takes whatever records the source builds (sales lines for the orders sources).
    const sink: RecordSink<{ id: string }> & { counts: StoreCounts; mode: SinkMode; written: number } =
      table === 'salesPacks'
        ? ((await SalesLineSink.open(database, { onWritten, stored: cache?.lines })) as unknown as RecordSink<{
            id: string;
          }> & {
            counts: StoreCounts;
            mode: SinkMode;
            written: number;
          })
        : await TableSink.open(database, table, { expected: await estimateRows(job.file) });
    let lastPost = 0;
    const { result, byId, parsedMs, waitMs } = await streamImport(job.file, spec, sink, {
      asOf: job.asOf,
      userMapping: job.userMapping,
      previewRows: 0,
      ...(job.dateOrder ? { dateOrder: job.dateOrder } : {}),
      signal: controller.signal,
      onProgress: (p) => {
        const now = clock.monotonicMs();
        if (now - lastPost < 50) return;
        lastPost = now;
        const reading = p.totalBytes === null || p.bytes < p.totalBytes;
        post({
          kind: 'progress',
          id: job.id,
          phase: reading ? 'read' : 'store',
          done: reading ? p.bytes : p.stored,
          total: reading ? p.totalBytes : p.records,
          records: p.records,
          stored: p.stored,
        });
      },
    });
    const records = result.records as { id: string }[];
    // A first import into an empty table: what was parsed is exactly what is stored (the import's own index of it).
    if (sales && !cache && sink.mode === 'empty' && !result.fatal) {
      salesCache = { lines: byId as unknown as IdIndex<OrderLine>, packs: await database.salesPacks.count() };
    } else if (sales && cache) cache.packs = await database.salesPacks.count();
    const counts = { ...sink.counts };
    const excluded: Record<string, number> = {};
    if (sales) {
      for (const r of records as OrderLine[]) if (r.excluded) excluded[r.excluded] = (excluded[r.excluded] ?? 0) + 1;
    }
    const rejected = result.rejected.map((r) => ({ line: r.line, reason: r.reason }));
    if (result.fatal) rejected.unshift({ line: result.headerLine ?? 1, reason: result.fatal });
    const ms = Math.round(clock.monotonicMs() - started);
    const readMs = Math.max(0, parsedMs - waitMs);
    const report = {
      source: job.source,
      fileName: job.file.name,
      rowsRead: result.rowsRead,
      records: records.length,
      ...counts,
      duplicates: result.duplicates,
      rejected,
      excluded,
      skipped: result.skipped,
      fatal: result.fatal,
      ms,
      readMs,
      storeMs: ms - readMs,
      storeMode: sink.mode,
      written: sink.written,
      encoding: result.encoding,
      delimiter: result.delimiter,
      dateOrder: result.dateOrder,
      needsDateOrder: result.needsDateOrder,
    };
    await recordImport(database, {
      source: job.source,
      fileName: job.file.name,
      fileHash: stableId('file', job.file.name, job.file.size, job.file.lastModified),
      importedAt: clock.nowIso(),
      rowsTotal: result.rowsRead,
      rowsAccepted: records.length,
      rejected,
      fatal: result.fatal,
      encoding: result.encoding,
      delimiter: result.delimiter,
      dateOrder: result.dateOrder,
      needsDateOrder: result.needsDateOrder,
    });
    post({ kind: 'imported', id: job.id, report });
  } catch (error) {
    // A failed or cancelled import may have stored part of the file; the cache cannot tell which part.
    if (sales) salesCache = null;
    throw error;
  } finally {
    running.delete(job.id);
    if (sales) ownSalesWrites -= 1;
  }
}

/**
 * The stored sales lines: from this worker's memory when nothing else changed them since (and the
 * table holds as many packs), else read once and kept.
 */
async function salesLines(database: CounterpartDB): Promise<{ orders: OrderLine[]; cached: boolean }> {
  const packs = await database.salesPacks.count();
  if (salesCache && salesCache.packs === packs) return { orders: salesCache.lines.items.slice(), cached: true };
  const orders = await readSalesLines(database);
  const lines = new IdIndex<OrderLine>();
  for (const o of orders) lines.put(o);
  salesCache = { lines, packs };
  return { orders, cached: false };
}

async function runPlan(job: PlanJob): Promise<void> {
  const started = clock.monotonicMs();
  const database = db();
  post({ kind: 'progress', id: job.id, phase: 'load', done: 0, total: null });
  const sales = await salesLines(database);
  // Approved POs not yet received count as stock on order, arriving after the lead time.
  const input = await loadPlanInput(database, undefined, { orders: sales.orders }, job.settings);
  const skus = [...new Set(input.orders.map((o) => o.sku))].sort();
  const loaded = clock.monotonicMs();
  post({ kind: 'progress', id: job.id, phase: 'plan', done: 0, total: null });
  const result = planReorder({
    ...input,
    today: job.today,
    settings: job.settings,
    seriesFor: skus.slice(0, job.maxSeries ?? 400),
  });
  const plannedAt = clock.monotonicMs();
  const purchaseOrders = await savePlan(database, result, clock.nowIso());
  const done = clock.monotonicMs();
  post({
    kind: 'planned',
    id: job.id,
    result,
    purchaseOrders,
    ms: Math.round(done - started),
    phases: {
      loadMs: Math.round(loaded - started),
      planMs: Math.round(plannedAt - loaded),
      saveMs: Math.round(done - plannedAt),
      salesCached: sales.cached,
    },
  });
}

self.onmessage = (event: MessageEvent<WorkerJob>) => {
  const job = event.data;
  if (job.kind === 'cancel') {
    running.get(job.target)?.abort();
    return;
  }
  const run = job.kind === 'import' ? runImport(job) : runPlan(job);
  run.catch((error: unknown) =>
    post({ kind: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) }),
  );
};
