/**
 * The one way records become a plan's input, whoever holds them: the planner worker and the
 * Shopify panel (read from Dexie by `lib/db/planning-store.ts`), the CLI (parsed from files by
 * `batch.ts`) and the benchmarks. It merges the catalogue with the captured products, aligns promo
 * targets with it, scopes a SKU plan to the rows it needs, and turns approved POs into stock on order.
 */
import { alignPromoTargets, type CapturedProduct, mergeMemberships, type SkuMembership } from './import/catalog';
import type {
  BudgetPeriod,
  BundleComponent,
  CatalogEntry,
  InventoryCount,
  OrderLine,
  Promo,
  SupplierTerm,
} from './import/types';
import { type IncomingPo, onOrderInput } from './on-order';
import type { PoDraft } from './po';
import { type PlanSettings, resolveSettings } from './settings';
import type { UnusableFile } from './unusable-files';

/** Everything the planner reads. */
export interface PlanInput {
  today: string;
  orders: readonly OrderLine[];
  counts: readonly InventoryCount[];
  suppliers: readonly SupplierTerm[];
  promos?: readonly Promo[];
  /** Budget periods, or one amount for the current period. */
  budget?: readonly BudgetPeriod[] | number | null;
  bundles?: readonly BundleComponent[];
  /** Collections and tags per SKU, to resolve promos that target them. */
  products?: Record<string, { collections?: string[]; tags?: string[] }>;
  /**
   * Units on open purchase orders per SKU (added to incoming, i.e. the inventory position). When
   * absent, the units of `incomingPos` are used.
   */
  onOrder?: Record<string, number>;
  /** Rationale note per SKU for those units (e.g. "incl. 100 on order (PO …)"). */
  onOrderNotes?: Record<string, string>;
  /**
   * Approved POs with their arrival days (`onOrderFromPos(...).lines`): the stockout date, days of
   * cover and the chart's projected stock add each one on its day.
   */
  incomingPos?: readonly IncomingPo[];
  settings?: Partial<PlanSettings>;
  /** SKUs whose daily history and forecast the result should carry (for the chart). */
  seriesFor?: readonly string[];
  /** Files whose import gave nothing usable: the lines they feed are blocked with the reason. */
  unusableFiles?: readonly UnusableFile[];
}

/** Everything a plan reads, as stored or imported records. */
export interface PlanRecords {
  orders: readonly OrderLine[];
  counts: readonly InventoryCount[];
  suppliers: readonly SupplierTerm[];
  promos: readonly Promo[];
  bundles: readonly BundleComponent[];
  /** Budget periods, or one amount for the current period. */
  budget: readonly BudgetPeriod[] | number | null;
  /** Products import rows (may already be limited to the planned SKUs). */
  catalog: readonly Pick<CatalogEntry, 'sku' | 'tags' | 'collections'>[];
  /** True when a products import is stored at all, even if none of its rows is a planned SKU. */
  catalogStored?: boolean;
  /** Products the listings process captured off Shopify pages. */
  captured: readonly CapturedProduct[];
  /** Purchase orders; only approved ones count, as stock on order. */
  purchaseOrders: readonly PoDraft[];
  /** Files whose latest import gave nothing usable (the import log's word; the CLI's own reports). */
  unusableFiles?: readonly UnusableFile[];
}

/** A plan's input without the day, the settings and the chart SKUs. */
export type LoadedPlanInput = Omit<PlanInput, 'today' | 'settings' | 'seriesFor'>;

/**
 * Collections and tags per SKU from the products import and the captured products; undefined when
 * neither names any SKU, so the plan can say product data is missing. With `skus`, only those SKUs
 * are answered, and a stored catalogue without them still answers `{}` (it exists).
 */
export function skuMemberships(
  catalog: PlanRecords['catalog'],
  captured: PlanRecords['captured'],
  skus?: readonly string[],
  catalogStored = false,
): Record<string, SkuMembership> | undefined {
  const merged = mergeMemberships(catalog, captured, skus);
  if (merged) return merged;
  return skus && catalogStored ? {} : undefined;
}

/**
 * What a plan of some SKUs (the Shopify panel) needs besides their own rows: the bundles containing
 * them, and the SKUs whose sales count (theirs and those bundles').
 */
export function skuScope(
  skus: readonly string[],
  bundles: readonly BundleComponent[],
): { bundles: BundleComponent[]; saleSkus: string[] } {
  const relevant = bundles.filter((b) => skus.includes(b.componentSku));
  return { bundles: relevant, saleSkus: [...new Set([...skus, ...relevant.map((b) => b.bundleSku)])] };
}

/**
 * The plan's input from records. With `skus` (the Shopify panel), suppliers and bundles are limited
 * to those SKUs and there is no budget (cash is allocated over the whole plan only).
 */
export function planInputFrom(
  records: PlanRecords,
  options: { skus?: readonly string[]; settings?: Partial<PlanSettings> } = {},
): LoadedPlanInput {
  const { skus } = options;
  const products = skuMemberships(records.catalog, records.captured, skus, records.catalogStored);
  // Set only when there is catalogue data: the checklist tells "no product data" from "not in it".
  const catalogue = products ? { products } : {};
  const promos = alignPromoTargets(records.promos, products);
  const suppliers = skus ? records.suppliers.filter((s) => skus.includes(s.sku)) : records.suppliers;
  const bundles = skus ? skuScope(skus, records.bundles).bundles : records.bundles;
  // Approved POs count as on order, arriving on their day (also in the Shopify panel).
  const onOrder = onOrderInput(
    records.purchaseOrders,
    suppliers,
    records.counts,
    resolveSettings(options.settings).defaultLeadTimeDays,
  );
  return {
    orders: records.orders,
    counts: records.counts,
    suppliers,
    promos,
    bundles,
    budget: skus ? null : records.budget,
    ...catalogue,
    ...onOrder,
    ...(records.unusableFiles && records.unusableFiles.length > 0 ? { unusableFiles: records.unusableFiles } : {}),
  };
}
