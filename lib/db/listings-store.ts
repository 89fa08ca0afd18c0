import type { HistoryRecord, ProductRecord } from '../listings/capture';
import { type ListingRecord, type ListingUpdate, listingId, mergeListing } from '../listings/marketplace-status';
import type { ChannelCheck } from '../listings/readiness';
import type { Channel } from '../listings/types';
import { AUDIT_KINDS, recordAudit } from './audit';
import { db } from './schema';

/** Every stored canonical product. */
export function allProducts(): Promise<ProductRecord[]> {
  return db().products.toArray();
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
