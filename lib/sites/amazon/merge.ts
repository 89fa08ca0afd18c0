import { z } from 'zod';
import type { EditorPage } from '../../listings/editor';
import { type ChannelListing, channelListingSchema } from '../../listings/types';
import { LISTING_STATUSES } from './schema';

/**
 * Seller Central's editor shows one listing over several tabs, each its own page (host-evidence §3):
 * the title and bullets on Product details, price and quantity on Offer, pictures on Images. Each
 * tab's read is kept by listing (marketplace + SKU, else ASIN) and the listing is the union of the
 * tabs, the newest read of a fact winning.
 */
const tabReadSchema = z.object({
  at: z.string().max(40),
  /** Only the facts the tab showed: an Offer tab's empty title is "not on this tab", not "no title". */
  listing: channelListingSchema.partial(),
  quantity: z.number().nullable(),
  status: z.object({ status: z.enum(LISTING_STATUSES), reason: z.string().max(500).nullable() }).nullable(),
});
export type TabRead = z.infer<typeof tabReadSchema>;

export const mergedListingSchema = z.object({
  key: z.string().max(400),
  sku: z.string().max(200).nullable(),
  asin: z.string().max(20).nullable(),
  marketplace: z.string().max(200),
  tabs: z.record(z.string().max(40), tabReadSchema),
});
export type MergedListing = z.infer<typeof mergedListingSchema>;

/** What the panel's editor view works from: the page, with the facts other tabs showed filled in. */
export type MergedEditorPage = EditorPage & { quantity: number | null; tabs: string[] };

/** The listing a page belongs to; null when the page names neither SKU nor ASIN. */
export function listingKey(page: Pick<EditorPage, 'sku' | 'asin' | 'marketplace'>): string | null {
  const id = page.sku ?? page.asin;
  return id ? `${page.marketplace}|${id}` : null;
}

/** The facts a listing read actually holds: empty strings and empty lists are "not shown here". */
export function knownFacts(listing: ChannelListing): Partial<ChannelListing> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(listing)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'attributes' && v && typeof v === 'object' && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as Partial<ChannelListing>;
}

/** Records one tab's read of a listing (replacing that tab's earlier read). */
export function mergeTabRead(
  prev: MergedListing | undefined,
  page: EditorPage,
  tab: string,
  quantity: number | null,
  at: string,
): MergedListing {
  const key = listingKey(page) ?? '';
  const same = prev?.key === key ? prev : undefined;
  return {
    key,
    sku: page.sku ?? same?.sku ?? null,
    asin: page.asin ?? same?.asin ?? null,
    marketplace: page.marketplace,
    tabs: {
      ...(same?.tabs ?? {}),
      [tab]: { at, listing: knownFacts(page.live), quantity, status: page.status },
    },
  };
}

/**
 * The page as one listing: every tab's facts folded oldest to newest, then the page's own read on
 * top (it is what the screen shows now). The status is the page's, else the newest tab's that had one.
 */
export function mergedPage(
  merged: MergedListing | undefined,
  page: EditorPage,
  tab: string,
  quantity: number | null,
): MergedEditorPage {
  const others = Object.entries(merged?.tabs ?? {})
    .filter(([name]) => name !== tab)
    .sort(([, a], [, b]) => a.at.localeCompare(b.at));
  let live: Partial<ChannelListing> = {};
  let qty: number | null = null;
  let status: EditorPage['status'] = null;
  for (const [, read] of others) {
    live = { ...live, ...read.listing };
    qty = read.quantity ?? qty;
    status = read.status ?? status;
  }
  live = { ...live, ...knownFacts(page.live) };
  return {
    ...page,
    live: { ...live, title: live.title ?? '' },
    status: page.status ?? status,
    quantity: quantity ?? qty,
    tabs: [...new Set([...others.map(([name]) => name), tab])],
  };
}
