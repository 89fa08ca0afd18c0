import { stableId } from '../import/hash';
import type { InventoryCount } from './import/types';

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
      id: stableId('shopify-page', r.sku, r.location, asOf),
      source: 'shopify-page',
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
