import type { EditorPage } from '../../listings/editor';
import type { InventoryPage } from '../../listings/marketplace-status';
import type { CheckedSnapshot } from '../data-schemas';
import { pageData } from '../page-data';
import { amazonInventoryDataSchema, amazonListingEditDataSchema } from './schema';

/** A Seller Central listing-editor snapshot as the listings engine reads it; null for any other snapshot. */
export function toEditorPage(snapshot: CheckedSnapshot | null): EditorPage | null {
  const d = pageData(snapshot, 'amazon', 'listing-edit', amazonListingEditDataSchema);
  if (!d) return null;
  return {
    sku: d.sku,
    asin: d.asin,
    marketplace: d.marketplace,
    live: d.listing,
    status: d.status ? { status: d.status.status, reason: d.status.reason } : null,
  };
}

/** A Manage All Inventory snapshot as the listings engine reads it; null for any other snapshot. */
export function toInventoryPage(snapshot: CheckedSnapshot | null): InventoryPage | null {
  const d = pageData(snapshot, 'amazon', 'inventory', amazonInventoryDataSchema);
  if (!d) return null;
  return {
    marketplace: d.marketplace,
    rows: d.rows.map((r) => ({ sku: r.sku, asin: r.asin, title: r.title, status: r.status, reason: r.reason })),
  };
}
