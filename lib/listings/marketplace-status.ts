/**
 * What the marketplaces say about our listings: statuses read from Manage All Inventory or the
 * listing editor, kept per channel × SKU, and counted for the inventory panel.
 */
import type { Channel } from './types';

export type MarketplaceStatus = 'active' | 'inactive' | 'suppressed' | 'incomplete' | 'unknown';

/** A listing's status on a marketplace (Dexie `listings`, id `channel:sku`). */
export interface ListingRecord {
  id: string;
  channel: Channel;
  sku: string;
  asin: string | null;
  title: string;
  status: MarketplaceStatus;
  reason: string | null;
  seenAt: string;
  source: 'inventory' | 'editor';
  productId: string | null;
  /** Fields that differ from the canonical-derived variant at the last editor read. */
  driftFields: string[] | null;
  driftAt: string | null;
  violations: number | null;
}

/** One read of a listing: a null field is "not known from this read" and keeps the stored value. */
export type ListingUpdate = Omit<ListingRecord, 'id' | 'status'> & {
  /** Null when the page showed no status (the editor shows an alert only when something is wrong). */
  status: MarketplaceStatus | null;
};

/** The stored row id of a channel listing. */
export function listingId(channel: Channel, sku: string): string {
  return `${channel}:${sku}`;
}

/**
 * Merges a read into the stored listing: what the read knows wins; what it does not know (an
 * inventory read knows no drift, an editor without an alert no status) keeps the stored value.
 */
export function mergeListing(prev: ListingRecord | undefined, row: ListingUpdate): ListingRecord {
  return {
    ...(prev ?? {}),
    ...row,
    id: listingId(row.channel, row.sku),
    status: row.status ?? prev?.status ?? 'unknown',
    driftFields: row.driftFields ?? prev?.driftFields ?? null,
    driftAt: row.driftAt ?? prev?.driftAt ?? null,
    violations: row.violations ?? prev?.violations ?? null,
    productId: row.productId ?? prev?.productId ?? null,
  };
}

export interface InventorySummary {
  counts: Record<MarketplaceStatus, number>;
  suppressed: { sku: string; title: string; reason: string | null }[];
  /** Reasons with how many listings each (suppressed and inactive). */
  reasons: { reason: string; count: number }[];
}

/** Counts of each status, the suppressed listings, and the reasons by how many listings share them. */
export function inventorySummary(
  rows: readonly { sku: string; title: string; status: MarketplaceStatus; reason: string | null }[],
): InventorySummary {
  const counts: Record<MarketplaceStatus, number> = {
    active: 0,
    inactive: 0,
    suppressed: 0,
    incomplete: 0,
    unknown: 0,
  };
  const reasons = new Map<string, number>();
  for (const r of rows) {
    counts[r.status] += 1;
    if (r.status !== 'active' && r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  return {
    counts,
    suppressed: rows
      .filter((r) => r.status === 'suppressed')
      .map((r) => ({ sku: r.sku, title: r.title, reason: r.reason })),
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

/** Manage All Inventory as read (see `lib/sites/amazon/to-listing.ts`). */
export interface InventoryPage {
  marketplace: string;
  rows: { sku: string; asin: string | null; title: string; status: MarketplaceStatus; reason: string | null }[];
}

/**
 * An inventory read: one listing update per row with a SKU (matched to its canonical product by
 * variant SKU), and the panel's summary.
 */
export function readInventory(
  page: InventoryPage,
  products: readonly { id: string; product: { variants: readonly { sku: string }[] } }[],
  at: string,
) {
  const bySku = new Map<string, string>();
  for (const p of products) for (const v of p.product.variants) if (v.sku) bySku.set(v.sku, p.id);
  const rows = page.rows.filter((r) => r.sku);
  const updates: ListingUpdate[] = rows.map((r) => ({
    channel: 'amazon',
    sku: r.sku,
    asin: r.asin,
    title: r.title,
    status: r.status,
    reason: r.reason,
    seenAt: at,
    source: 'inventory',
    productId: bySku.get(r.sku) ?? null,
    driftFields: null,
    driftAt: null,
    violations: null,
  }));
  return {
    updates,
    view: {
      marketplace: page.marketplace,
      recorded: rows.length,
      matched: rows.filter((r) => bySku.has(r.sku)).length,
      ...inventorySummary(rows),
    },
  };
}
