/// <reference lib="webworker" />
/**
 * The planner page's Web Worker: parses and stores imports and runs the plan off the UI thread,
 * posting progress. Extension-page workers share the extension origin, so Dexie opens the same
 * database as the page.
 */
import { db } from '../db/schema';
import { importStream } from '../import/core';
import { stableId } from '../import/hash';
import { SOURCES } from '../import/sources';
import type { OrderLine } from '../import/types';
import { onOrderFromPos, seriesWithIncoming } from './on-order';
import { planReorder } from './plan';
import type { PoDraft } from './po';
import { loadPlanInput, savePlan, storeRecords, TABLE_OF_SOURCE } from './store';
import type { ImportJob, PlanJob, WorkerEvent, WorkerJob } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent) => scope.postMessage(event);

async function runImport(job: ImportJob): Promise<void> {
  const started = performance.now();
  const spec = SOURCES[job.source] as unknown as Parameters<typeof importStream>[1];
  let lastPost = 0;
  const result = await importStream(job.file, spec, {
    asOf: job.asOf,
    userMapping: job.userMapping,
    previewRows: 0,
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastPost < 50) return;
      lastPost = now;
      post({ kind: 'progress', id: job.id, phase: 'read', done: p.bytes, total: p.totalBytes });
    },
  });
  const records = result.records as { id: string }[];
  const readMs = Math.round(performance.now() - started);
  const database = db();
  const counts = result.fatal
    ? { inserted: 0, updated: 0, unchanged: 0 }
    : await storeRecords(database, TABLE_OF_SOURCE[job.source], records, (done, total) =>
        post({ kind: 'progress', id: job.id, phase: 'store', done, total }),
      );
  const excluded: Record<string, number> = {};
  if (job.source === 'shopify-orders' || job.source === 'amazon-orders') {
    for (const r of records as OrderLine[]) if (r.excluded) excluded[r.excluded] = (excluded[r.excluded] ?? 0) + 1;
  }
  const rejected = result.rejected.map((r) => ({ line: r.line, reason: r.reason }));
  if (result.fatal) rejected.unshift({ line: result.headerLine ?? 1, reason: result.fatal });
  const report = {
    source: job.source,
    fileName: job.file.name,
    rowsRead: result.rowsRead,
    records: records.length,
    ...counts,
    duplicates: result.duplicates,
    rejected,
    excluded,
    fatal: result.fatal,
    ms: Math.round(performance.now() - started),
    readMs,
    storeMs: Math.round(performance.now() - started) - readMs,
  };
  await database.imports.add({
    source: job.source,
    fileName: job.file.name,
    fileHash: stableId('file', job.file.name, job.file.size, job.file.lastModified),
    importedAt: new Date().toISOString(),
    rowsTotal: result.rowsRead,
    rowsAccepted: records.length,
    rowsRejected: rejected.length,
    rejected,
  });
  post({ kind: 'imported', id: job.id, report });
}

async function runPlan(job: PlanJob): Promise<void> {
  const started = performance.now();
  const database = db();
  post({ kind: 'progress', id: job.id, phase: 'load', done: 0, total: null });
  const input = await loadPlanInput(database);
  const skus = [...new Set(input.orders.map((o) => o.sku))].sort();
  // Approved POs not yet received count as stock on order, arriving after the lead time.
  const approved = (await database.purchaseOrders.toArray()) as unknown as PoDraft[];
  const onOrder = onOrderFromPos(approved, input.suppliers, input.counts, job.settings.defaultLeadTimeDays);
  post({ kind: 'progress', id: job.id, phase: 'plan', done: 0, total: null });
  const planned = planReorder({
    ...input,
    today: job.today,
    settings: job.settings,
    seriesFor: skus.slice(0, job.maxSeries ?? 400),
    onOrder: onOrder.units,
    onOrderNotes: onOrder.notes,
  });
  const result = { ...planned, series: seriesWithIncoming(planned.series, onOrder.lines) };
  const purchaseOrders = await savePlan(database, result, new Date().toISOString());
  post({ kind: 'planned', id: job.id, result, purchaseOrders, ms: Math.round(performance.now() - started) });
}

scope.onmessage = (event: MessageEvent<WorkerJob>) => {
  const job = event.data;
  const run = job.kind === 'import' ? runImport(job) : runPlan(job);
  run.catch((error: unknown) =>
    post({ kind: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) }),
  );
};
