/**
 * Planning data in Dexie: which table each import source fills, idempotent upserts with counts,
 * loading the plan's input, keeping the last plan and the PO drafts. Used by the planner page's
 * Web Worker and by the background (both may open the database; the framed panel never does).
 */
import type { CounterpartDB, KeyedRow } from '../db/schema';
import { alignPromoTargets, type CapturedProduct, mergeMemberships, type SkuMembership } from './import/catalog';
import type { SourceId } from './import/sources';
import type {
  BudgetPeriod,
  BundleComponent,
  CatalogEntry,
  InventoryCount,
  OrderLine,
  Promo,
  SupplierTerm,
} from './import/types';
import { TableSink } from './import-store';
import type { PlanInput, PlanResult } from './plan';
import { nextPoId, type PoDraft, poSequence } from './po';

/** The Dexie table each import source fills. */
export const TABLE_OF_SOURCE = {
  'shopify-orders': 'salesLines',
  'amazon-orders': 'salesLines',
  'shopify-inventory': 'inventoryCounts',
  'fba-inventory': 'inventoryCounts',
  '3pl-onhand': 'inventoryCounts',
  suppliers: 'suppliers',
  calendar: 'calendar',
  budget: 'budgets',
  bundles: 'bundles',
  products: 'skuCatalog',
} as const satisfies Record<SourceId, keyof CounterpartDB>;

export type PlanningTable = (typeof TABLE_OF_SOURCE)[SourceId];

/** Settings-table keys of the planner. */
export const PLANNING_KEYS = {
  lastPlan: 'planning.lastPlan',
  mapping: (source: string) => `planning.mapping.${source}`,
} as const;

export interface StoreCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts records by id, writing only new or changed rows and counting them, so a second import of
 * the same file writes nothing and reports 0 new rows.
 */
export async function storeRecords(
  database: CounterpartDB,
  table: PlanningTable,
  records: readonly { id: string }[],
  onProgress?: (done: number, total: number) => void,
  chunk = 20_000,
): Promise<StoreCounts> {
  // The streamed import's sink: no reads into an empty table, one scan or per-key lookups otherwise.
  const sink = await TableSink.open(database, table, { expected: records.length, chunk });
  for (let i = 0; i < records.length; i += chunk) {
    for (const r of records.slice(i, i + chunk)) sink.add(r as KeyedRow);
    sink.flush();
    await sink.drained();
    if (sink.error) break;
    onProgress?.(Math.min(records.length, i + chunk), records.length);
  }
  return sink.finish();
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
  const catalog = (skus
    ? await database.skuCatalog
        .where('sku')
        .anyOf([...skus])
        .toArray()
    : await database.skuCatalog.toArray()) as unknown as CatalogEntry[];
  const captured = ((await database.products.toArray()) as unknown as { product?: CapturedProduct }[]).map(
    (r) => r.product ?? {},
  );
  const merged = mergeMemberships(catalog, captured, skus);
  if (merged) return merged;
  return skus && (await database.skuCatalog.count()) > 0 ? {} : undefined;
}

/** Everything stored that the planner reads (optionally only for some SKUs, for the Shopify panel). */
export async function loadPlanInput(
  database: CounterpartDB,
  skus?: readonly string[],
  /** Sales lines the caller already holds (the planner worker keeps them in memory): not read again. */
  known: { orders?: readonly OrderLine[] } = {},
): Promise<Omit<PlanInput, 'today' | 'settings' | 'seriesFor'>> {
  const products = await loadMemberships(database, skus);
  // Set only when there is catalogue data: the checklist tells "no product data" from "not in it".
  const catalogue = products ? { products } : {};
  const promos = alignPromoTargets((await database.calendar.toArray()) as unknown as Promo[], products);
  if (skus) {
    const bundles = (await database.bundles.toArray()) as unknown as BundleComponent[];
    const relevant = bundles.filter((b) => skus.includes(b.componentSku));
    const saleSkus = [...new Set([...skus, ...relevant.map((b) => b.bundleSku)])];
    return {
      orders: (await database.salesLines.where('sku').anyOf(saleSkus).toArray()) as unknown as OrderLine[],
      counts: (await database.inventoryCounts
        .where('sku')
        .anyOf([...skus])
        .toArray()) as unknown as InventoryCount[],
      suppliers: ((await database.suppliers.toArray()) as unknown as SupplierTerm[]).filter((s) =>
        skus.includes(s.sku),
      ),
      promos,
      bundles: relevant,
      budget: null,
      ...catalogue,
    };
  }
  return {
    orders: known.orders ?? ((await database.salesLines.toArray()) as unknown as OrderLine[]),
    counts: (await database.inventoryCounts.toArray()) as unknown as InventoryCount[],
    suppliers: (await database.suppliers.toArray()) as unknown as SupplierTerm[],
    promos,
    bundles: (await database.bundles.toArray()) as unknown as BundleComponent[],
    budget: (await database.budgets.toArray()) as unknown as BudgetPeriod[],
    ...catalogue,
  };
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
    const all = (await database.purchaseOrders.toArray()) as unknown as PoDraft[];
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
      await database.purchaseOrders.put(row as unknown as KeyedRow);
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

/** True when a plan line needs action now: an order, or a stockout before the lead time is over (for a SKU that sells). */
export function needsAction(
  line: { orderQty: number | null; stockoutDate: string | null; leadTimeDays: number; action?: string },
  today: string,
): boolean {
  if (line.orderQty !== null && line.orderQty > 0) return true;
  if (!line.stockoutDate || line.action === 'no-demand') return false;
  const days = (Date.parse(line.stockoutDate) - Date.parse(today)) / 86_400_000;
  return days <= line.leadTimeDays;
}
