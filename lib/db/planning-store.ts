/**
 * Planning data in Dexie: idempotent upserts with counts, reading what a plan needs, keeping the
 * last plan and the PO drafts, PO edits and approvals (audited), remembered column mappings. Used
 * by the planner page, its Web Worker, the popup and the background (the framed panel never opens
 * the database). The rules live in lib/planning; this module only reads and writes.
 */

import type { Budget } from '../planning/cash';
import type { SkuMembership } from '../planning/import/catalog';
import type { SourceId } from '../planning/import/sources';
import type { OrderLine } from '../planning/import/types';
import { PAGE_COUNTS_SOURCE } from '../planning/page-counts';
import type { PlanResult } from '../planning/plan';
import {
  type LoadedPlanInput,
  type PlanRecords,
  planInputFrom,
  skuMemberships,
  skuScope,
} from '../planning/plan-input';
import { editPoLine, nextPoId, type PoDraft, poSequence } from '../planning/po';
import type { PlanSettings } from '../planning/settings';
import { unusableFromLog } from '../planning/unusable-files';
import { AUDIT_KINDS, recordAudit } from './audit';
import { type PlanningTable, type RowOf, type StoreCounts, TableSink } from './import-store';
import { hasSalesLines, readSalesLines, readSalesLinesOf } from './sales-lines';
import type { CounterpartDB } from './schema';

/** Settings-table keys of the planner. */
export const PLANNING_KEYS = {
  lastPlan: 'planning.lastPlan',
  mapping: (source: string) => `planning.mapping.${source}`,
} as const;

/**
 * Upserts records by id, writing only new or changed rows and counting them, so a second import of
 * the same file writes nothing and reports 0 new rows.
 */
export async function storeRecords<N extends PlanningTable>(
  database: CounterpartDB,
  table: N,
  records: readonly RowOf<N>[],
  onProgress?: (done: number, total: number) => void,
  chunk = 20_000,
): Promise<StoreCounts> {
  // The streamed import's sink: no reads into an empty table, one scan or per-key lookups otherwise.
  const sink = await TableSink.open(database, table, { expected: records.length, chunk });
  for (let i = 0; i < records.length; i += chunk) {
    for (const r of records.slice(i, i + chunk)) sink.add(r);
    sink.flush();
    await sink.drained();
    if (sink.error) break;
    onProgress?.(Math.min(records.length, i + chunk), records.length);
  }
  return sink.finish();
}

/** How many of `ids` a planning table holds: what the Shopify panel reports as recorded off the page. */
export async function countStored(
  database: CounterpartDB,
  table: PlanningTable,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  return (await database.table(table).bulkGet([...ids])).filter((r) => r !== undefined).length;
}

/** The products import rows (of some SKUs) and the products captured off Shopify pages. */
async function readCatalog(database: CounterpartDB, skus?: readonly string[]) {
  const catalog = skus
    ? await database.skuCatalog
        .where('sku')
        .anyOf([...skus])
        .toArray()
    : await database.skuCatalog.toArray();
  const captured = (await database.products.toArray()).map((r) => r.product ?? {});
  const catalogStored = catalog.length > 0 || (skus !== undefined && (await database.skuCatalog.count()) > 0);
  return { catalog, captured, catalogStored };
}

/**
 * Collections and tags per SKU from the products import (`skuCatalog`) and the products captured off
 * Shopify pages (`products`); undefined when neither holds any SKU, so the plan can say so.
 * With `skus`, only those SKUs are answered (an empty map still means the catalogue exists).
 */
export async function loadMemberships(
  database: CounterpartDB,
  skus?: readonly string[],
): Promise<Record<string, SkuMembership> | undefined> {
  const { catalog, captured, catalogStored } = await readCatalog(database, skus);
  return skuMemberships(catalog, captured, skus, catalogStored);
}

/**
 * Everything stored that a plan reads, optionally only what a plan of some SKUs needs (the
 * Shopify panel: read through the `sku` indexes). `orders`: sales lines the caller already holds
 * (the planner worker keeps them in memory), not read again.
 */
export async function readPlanRecords(
  database: CounterpartDB,
  skus?: readonly string[],
  known: { orders?: readonly OrderLine[] } = {},
): Promise<PlanRecords> {
  const catalog = await readCatalog(database, skus);
  const promos = await database.calendar.toArray();
  // The import log says which source's latest file gave nothing usable: the plan blocks what it feeds.
  const unusableFiles = unusableFromLog(await database.imports.toArray());
  const purchaseOrders = await database.purchaseOrders.where('status').equals('approved').toArray();
  if (skus) {
    const bundles = await database.bundles.toArray();
    const { saleSkus } = skuScope(skus, bundles);
    return {
      orders: await readSalesLinesOf(database, saleSkus),
      counts: await database.inventoryCounts
        .where('sku')
        .anyOf([...skus])
        .toArray(),
      suppliers: await database.suppliers.toArray(),
      promos,
      bundles,
      budget: null,
      ...catalog,
      purchaseOrders,
      unusableFiles,
    };
  }
  return {
    orders: known.orders ?? (await readSalesLines(database)),
    counts: await database.inventoryCounts.toArray(),
    suppliers: await database.suppliers.toArray(),
    promos,
    bundles: await database.bundles.toArray(),
    budget: await database.budgets.toArray(),
    ...catalog,
    purchaseOrders,
    unusableFiles,
  };
}

/** The stored records as a plan's input (see `planInputFrom`): what the planner worker and the Shopify panel plan from. */
export async function loadPlanInput(
  database: CounterpartDB,
  skus?: readonly string[],
  known: { orders?: readonly OrderLine[] } = {},
  settings?: Partial<PlanSettings>,
): Promise<LoadedPlanInput> {
  return planInputFrom(await readPlanRecords(database, skus, known), { skus, settings });
}

/**
 * True when the planner should plan: sales lines are stored, or a file's latest import gave nothing
 * usable (the plan then shows every line it blocks and why, instead of no plan at all).
 */
export async function canPlan(database: CounterpartDB): Promise<boolean> {
  if (await hasSalesLines(database)) return true;
  return unusableFromLog(await database.imports.toArray()).length > 0;
}

/**
 * True when anything is imported that a plan starts from (orders, counts or suppliers). Counts
 * read off Shopify pages do not count: the snapshot hook stores them before the panel asks.
 */
export async function hasPlanningData(database: CounterpartDB): Promise<boolean> {
  if ((await hasSalesLines(database)) || (await database.suppliers.count()) > 0) return true;
  return (await database.inventoryCounts.filter((r) => r.source !== PAGE_COUNTS_SOURCE).first()) !== undefined;
}

/** The last plan as kept for the popup and the planner (without the chart series). */
export interface StoredPlan {
  at: string;
  result: Omit<PlanResult, 'series'>;
}

/**
 * Keeps the plan and its PO drafts for the plan's day, per supplier: an untouched draft is replaced
 * by the new one; a draft someone edited is kept as it is (their edits win); a supplier whose PO
 * is already approved gets a follow-up draft under the next id (`po:Acme:2026-11-27:2`) — the new
 * plan counts the approved PO as on order, so the follow-up holds only what is still needed.
 * Untouched drafts of that day the new plan no longer proposes are removed. Returns the day's POs.
 */
export async function savePlan(database: CounterpartDB, result: PlanResult, at: string): Promise<PoDraft[]> {
  const { series: _series, ...rest } = result;
  const touched = (po: PoDraft) => po.status === 'approved' || po.audit.length > 0;
  let out: PoDraft[] = [];
  await database.transaction('rw', database.settings, database.purchaseOrders, async () => {
    await database.settings.put({ key: PLANNING_KEYS.lastPlan, value: { at, result: rest }, updatedAt: at });
    const all = await database.purchaseOrders.toArray();
    const ofDay = all.filter((p) => p.createdFor === result.today);
    const ids = new Set(all.map((p) => p.id));
    const proposed = new Set(result.purchaseOrders.map((p) => p.supplier));
    const stale = ofDay.filter((p) => !touched(p) && !proposed.has(p.supplier)).map((p) => p.id);
    if (stale.length) await database.purchaseOrders.bulkDelete(stale);
    out = ofDay.filter((p) => !stale.includes(p.id));
    for (const po of result.purchaseOrders) {
      const mine = ofDay.filter((p) => p.supplier === po.supplier);
      const untouched = mine.find((p) => !touched(p));
      if (mine.some((p) => p.status !== 'approved' && p.audit.length > 0)) continue;
      const id = untouched?.id ?? nextPoId(po.id, ids);
      ids.add(id);
      const row = { ...po, id };
      await database.purchaseOrders.put(row);
      out = [...out.filter((p) => p.id !== id), row];
    }
  });
  return out.sort((a, b) => a.supplier.localeCompare(b.supplier) || poSequence(a.id) - poSequence(b.id));
}

/** The last stored plan, or null. */
export async function readStoredPlan(database: CounterpartDB): Promise<StoredPlan | null> {
  const row = await database.settings.get(PLANNING_KEYS.lastPlan);
  return (row?.value as StoredPlan | undefined) ?? null;
}

/** The PO drafts of one plan day, by supplier and follow-up number. */
export async function readPoDrafts(database: CounterpartDB, day: string): Promise<PoDraft[]> {
  return (await database.purchaseOrders.toArray())
    .filter((p) => p.createdFor === day)
    .sort((a, b) => a.supplier.localeCompare(b.supplier) || poSequence(a.id) - poSequence(b.id));
}

/** Who edits and approves POs in the audit log. */
const PLANNER = 'planner';

/** Changes one line's quantity on a PO draft and audits the change (one transaction). */
export async function savePoEdit(
  database: CounterpartDB,
  po: PoDraft,
  sku: string,
  qty: number,
  budget: Budget | null,
  at: string,
): Promise<void> {
  const from = po.lines.find((l) => l.sku === sku)?.qty ?? 0;
  const next = editPoLine(po, sku, qty, { by: PLANNER, at }, budget);
  await database.transaction('rw', database.purchaseOrders, database.audit, async () => {
    await database.purchaseOrders.put(next);
    await recordAudit(database, {
      at,
      kind: AUDIT_KINDS.planningEdit,
      app: PLANNER,
      entityId: po.id,
      intent: sku,
      provider: 'local',
      model: 'planning',
      action: 'edited',
      suggestion: String(from),
      finalText: String(qty),
      details: { supplier: po.supplier, sku, from, to: qty },
    });
  });
}

/** Approves a PO draft (it then counts as stock on order) and audits the approval. */
export async function approvePo(database: CounterpartDB, po: PoDraft, at: string): Promise<void> {
  await database.transaction('rw', database.purchaseOrders, database.audit, async () => {
    await database.purchaseOrders.put({ ...po, status: 'approved', approvedAt: at });
    await recordAudit(database, {
      at,
      kind: AUDIT_KINDS.planningEdit,
      app: PLANNER,
      entityId: po.id,
      provider: 'local',
      model: 'planning',
      action: 'accepted',
      details: { supplier: po.supplier, total: po.total },
    });
  });
}

/**
 * Takes back an approval made this session: the PO is a draft again (no longer on order), and the
 * untouched follow-up drafts planned while it counted as on order are removed (the next plan
 * proposes what is needed without it). Audited as an edit from approved to draft.
 */
export async function unapprovePo(database: CounterpartDB, po: PoDraft, at: string): Promise<void> {
  await database.transaction('rw', database.purchaseOrders, database.audit, async () => {
    const { approvedAt: _approvedAt, ...rest } = po;
    await database.purchaseOrders.put({ ...rest, status: 'draft' });
    const seq = poSequence(po.id);
    const followUps = (await database.purchaseOrders.toArray()).filter(
      (p) =>
        p.supplier === po.supplier &&
        p.createdFor === po.createdFor &&
        poSequence(p.id) > seq &&
        p.status === 'draft' &&
        p.audit.length === 0,
    );
    if (followUps.length) await database.purchaseOrders.bulkDelete(followUps.map((p) => p.id));
    await recordAudit(database, {
      at,
      kind: AUDIT_KINDS.planningEdit,
      app: PLANNER,
      entityId: po.id,
      provider: 'local',
      model: 'planning',
      action: 'edited',
      details: { supplier: po.supplier, from: 'approved', to: 'draft', undo: true },
    });
  });
}

/** The column mappings a person gave for unknown headers, per source. */
export async function readMappings(
  database: CounterpartDB,
  sources: readonly SourceId[],
): Promise<Partial<Record<SourceId, Record<string, string>>>> {
  const rows = await database.settings.bulkGet(sources.map((s) => PLANNING_KEYS.mapping(s)));
  const out: Partial<Record<SourceId, Record<string, string>>> = {};
  sources.forEach((s, i) => {
    const v = rows[i]?.value;
    if (v && typeof v === 'object') out[s] = v as Record<string, string>;
  });
  return out;
}

/** Remembers a source's column mapping for the next file. */
export async function saveMapping(
  database: CounterpartDB,
  source: SourceId,
  mapping: Record<string, string>,
  at: string,
): Promise<void> {
  await database.settings.put({ key: PLANNING_KEYS.mapping(source), value: mapping, updatedAt: at });
}
