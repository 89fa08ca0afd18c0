/**
 * Stock counts read off Shopify admin pages: which SKUs a page shows, which of them its
 * per-location counts belong to, and the counts as timestamped inventory snapshots.
 */
import { stableId } from '../import/hash';
import type { InventoryCount } from './import/types';

/** The source of counts read off a Shopify page (not imported: they alone do not make planning data). */
export const PAGE_COUNTS_SOURCE = 'shopify-page';

/** One location's counts as the Shopify admin page shows them (same shape as the Shopify adapter's rows). */
export interface PageInventoryRow {
  sku: string;
  location: string;
  available: number | null;
  on_hand: number | null;
  committed: number | null;
  incoming: number | null;
}

/**
 * Turns counts read off a Shopify product/inventory page into stock counts. They beat an older
 * export of the same location (latest `asOf` wins; same day, the page wins). Rows without any
 * count are skipped; on hand missing is taken as available + committed.
 */
export function countsFromPage(rows: readonly PageInventoryRow[], capturedAt: string): InventoryCount[] {
  const asOf = capturedAt.slice(0, 10);
  const out: InventoryCount[] = [];
  for (const r of rows) {
    if (!r.sku) continue;
    const onHand = r.on_hand ?? (r.available === null ? null : r.available + (r.committed ?? 0));
    if (onHand === null) continue;
    out.push({
      id: stableId(PAGE_COUNTS_SOURCE, r.sku, r.location, asOf),
      source: PAGE_COUNTS_SOURCE,
      sku: r.sku,
      location: r.location,
      onHand,
      available: r.available,
      committed: r.committed ?? 0,
      incoming: r.incoming ?? 0,
      asOf,
    });
  }
  return out;
}

/** What a Shopify page tells the planner: its SKUs (page order) and the per-location counts it shows. */
export interface PageStock {
  skus: string[];
  rows: PageInventoryRow[];
  /** The SKU a product page's location counts belong to (null on the inventory list, or when unknown). */
  countsSku: string | null;
  /** Location counts the page shows that cannot be tied to one SKU (several variants, no SKU on the card). */
  untied: number;
}

/** A page that shows no stock. */
export const NO_PAGE_STOCK: PageStock = { skus: [], rows: [], countsSku: null, untied: 0 };

/**
 * A product page: its variants' SKUs, and its location counts tied to `countsSku` (the Inventory
 * card's SKU, or the only SKU). With several variants and no SKU on the card nothing is recorded,
 * and the panel says to open the variant. The counts SKU comes first when no variant lists it.
 */
export function productPageStock(
  variants: readonly { sku: string }[],
  locations: readonly Omit<PageInventoryRow, 'sku'>[],
  countsSku: string | null,
): PageStock {
  const skus = [...new Set(variants.map((v) => v.sku.trim()).filter(Boolean))];
  if (countsSku && !skus.includes(countsSku)) skus.unshift(countsSku);
  const rows = countsSku ? locations.map((r) => ({ ...r, sku: countsSku })) : [];
  return { skus, rows, countsSku, untied: countsSku ? 0 : locations.length };
}

/** The inventory list: every row with a SKU, and its distinct SKUs in page order. */
export function inventoryPageStock(rows: readonly PageInventoryRow[]): PageStock {
  const kept = rows.filter((r) => r.sku.trim());
  return { skus: [...new Set(kept.map((r) => r.sku.trim()))], rows: kept, countsSku: null, untied: 0 };
}
