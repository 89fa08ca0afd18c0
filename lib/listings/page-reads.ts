/**
 * What the listings snapshot hooks store and what the panel's read-only queries show of it: the
 * listing records a Seller Central page read updates, and a Shopify product as it stands stored.
 */
import {
  captureAndCheck,
  type HistoryRecord,
  type ProductCapture,
  type ProductRead,
  type ProductRecord,
} from './capture';
import { type EditorPage, editorListings, editorReport } from './editor';
import { type InventoryPage, type ListingUpdate, readInventory } from './marketplace-status';
import type { ListingsContext } from './readiness';

/** The listing records a Seller Central read updates: the editor's listing, or every inventory row with a SKU. */
export function listingUpdatesOf(
  page: { editor: EditorPage | null; inventory: InventoryPage | null },
  products: readonly ProductRecord[],
  ctx: ListingsContext,
  at: string,
): ListingUpdate[] {
  if (page.editor) {
    const { editor } = page;
    return editorListings(editor, editorReport({ live: editor.live, sku: editor.sku, products, ...ctx }), at);
  }
  return page.inventory ? readInventory(page.inventory, products, at).updates : [];
}

/**
 * The capture the product panel shows, without storing anything (the snapshot hook stored it):
 * the stored record re-read against the page, with its newest history entry as "changed now"
 * until a panel has shown that version (`shownVersion`, recorded by the `listings.productShown`
 * mutation). A page the hook has not stored yet shows its pending change.
 */
export function shownCapture(
  stored: ProductRecord | null,
  read: ProductRead,
  ctx: ListingsContext,
  at: string,
  latest: HistoryRecord | null,
  shownVersion: number | null,
): ProductCapture {
  const capture = captureAndCheck(stored, read, ctx, at);
  if (capture.history) return capture;
  const fresh = latest !== null && latest.version === capture.record.version && shownVersion !== latest.version;
  return { ...capture, history: fresh ? latest : null };
}
