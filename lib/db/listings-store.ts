import {
  captureAndCheck,
  type HistoryRecord,
  type ProductCapture,
  type ProductRead,
  type ProductRecord,
  productIdOf,
} from '../listings/capture';
import type { EditorPage } from '../listings/editor';
import {
  type InventoryPage,
  type ListingRecord,
  type ListingUpdate,
  listingId,
  mergeListing,
} from '../listings/marketplace-status';
import { listingUpdatesOf, shownCapture } from '../listings/page-reads';
import type { ChannelCheck, ListingsContext } from '../listings/readiness';
import type { Channel } from '../listings/types';
import { AUDIT_KINDS, recordAudit } from './audit';
import { db } from './schema';

/** Every stored canonical product. */
export function allProducts(): Promise<ProductRecord[]> {
  return db().products.toArray();
}

/** One stored canonical product, or null. */
export async function product(id: string): Promise<ProductRecord | null> {
  return (await db().products.get(id)) ?? null;
}

/** Every recorded marketplace listing. */
export function allListings(): Promise<ListingRecord[]> {
  return db().listings.toArray();
}

/**
 * Reads a product, lets `change` decide what to store, and stores it, in one transaction: the
 * record when `write` says so, the history entry when there is one.
 */
export function changeProduct<T extends { record: ProductRecord; history: HistoryRecord | null; write: boolean }>(
  id: string,
  change: (prev: ProductRecord | null) => T,
): Promise<T> {
  return db().transaction('rw', db().products, db().productHistory, async () => {
    const out = change((await db().products.get(id)) ?? null);
    if (out.write) await db().products.put(out.record);
    if (out.history) await db().productHistory.put(out.history);
    return out;
  });
}

/** Stores a product read from Shopify as the canonical version (history when it changed), re-checked. */
export function captureProduct(read: ProductRead, ctx: ListingsContext, at: string): Promise<ProductCapture> {
  return changeProduct(productIdOf(read.product), (prev) => captureAndCheck(prev, read, ctx, at));
}

/** A product page's capture as stored, for the panel, without writing (see `shownCapture`), and its recent history. */
export async function readProductCapture(
  read: ProductRead,
  ctx: ListingsContext,
  at: string,
  shownVersion: (id: string) => number | null,
): Promise<{ captured: ProductCapture; history: HistoryRecord[] }> {
  const id = productIdOf(read.product);
  const [stored, history] = await Promise.all([product(id), recentHistory(id, 10)]);
  return { captured: shownCapture(stored, read, ctx, at, history[0] ?? null, shownVersion(id)), history };
}

/** Records what a Seller Central page showed (the editor's listing or every inventory row) against the stored products. */
export async function recordPageReads(
  page: { editor: EditorPage | null; inventory: InventoryPage | null },
  ctx: ListingsContext,
  at: string,
): Promise<void> {
  if (!page.editor && !page.inventory) return;
  await recordListings(listingUpdatesOf(page, await allProducts(), ctx, at));
}

/** Re-checks the stored products of `ids` (unknown ids are skipped) and stores their new checks; one result per product. */
export async function recheckProducts<T extends { checks: Partial<Record<Channel, ChannelCheck>> }>(
  ids: readonly string[],
  recheck: (p: ProductRecord) => T,
): Promise<T[]> {
  const out: T[] = [];
  for (const id of ids) {
    const p = await db().products.get(id);
    if (!p) continue;
    const r = recheck(p);
    await db().products.update(id, { checks: r.checks });
    out.push(r);
  }
  return out;
}

/** A product's latest history entries, newest first. */
export async function recentHistory(productId: string, limit: number): Promise<HistoryRecord[]> {
  const rows = await db().productHistory.where('productId').equals(productId).sortBy('at');
  return rows.reverse().slice(0, limit);
}

/** Merges listing reads into the stored listings (see `mergeListing`), in one transaction. */
export function recordListings(updates: readonly ListingUpdate[]): Promise<void> {
  return db().transaction('rw', db().listings, async () => {
    for (const u of updates)
      await db().listings.put(mergeListing(await db().listings.get(listingId(u.channel, u.sku)), u));
  });
}

/** Logs a suggestion the person put on the page (the audit log's `listings.apply`). */
export async function logApply(entry: {
  at: string;
  app: string;
  entityId: string | null;
  field: string;
  value: string;
  source: string;
}): Promise<void> {
  await recordAudit(db(), {
    at: entry.at,
    kind: AUDIT_KINDS.listingsApply,
    app: entry.app,
    entityId: entry.entityId,
    intent: entry.field,
    provider: entry.source,
    model: '',
    action: 'inserted',
    suggestion: entry.value.slice(0, 5000),
  });
}
