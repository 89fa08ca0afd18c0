import { storage } from 'wxt/utils/storage';
import type { EditorPage } from '../../lib/listings/editor';
import {
  listingKey,
  type MergedEditorPage,
  type MergedListing,
  mergedListingSchema,
  mergedPage,
  mergeTabRead,
} from '../../lib/sites/amazon/merge';
import { amazonListingEditDataSchema } from '../../lib/sites/amazon/schema';
import { toEditorPage, toInventoryPage } from '../../lib/sites/amazon/to-listing';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { pageData } from '../../lib/sites/page-data';

/**
 * Seller Central editor tabs merged into one listing (see `lib/sites/amazon/merge.ts`). Kept in
 * storage.session (cleared with the browser session, out of content scripts' reach), at most
 * `KEEP` listings, every row checked again when read.
 */
const tabReads = storage.defineItem<Record<string, unknown>>('session:listings.amazonTabs', { fallback: {} });
const KEEP = 50;

async function readAll(): Promise<Record<string, MergedListing>> {
  const out: Record<string, MergedListing> = {};
  for (const [key, row] of Object.entries(await tabReads.getValue())) {
    const parsed = mergedListingSchema.safeParse(row);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

const newest = (m: MergedListing) =>
  Object.values(m.tabs)
    .map((t) => t.at)
    .sort()
    .pop() ?? '';

/** Snapshot hook: records this editor tab's read and returns the listing merged over every tab read. */
export async function recordEditorTab(snapshot: CheckedSnapshot, at: string): Promise<MergedEditorPage | null> {
  const page = toEditorPage(snapshot);
  const data = pageData(snapshot, 'amazon', 'listing-edit', amazonListingEditDataSchema);
  if (!page || !data) return null;
  const tab = data.tab ?? 'product_details';
  const key = listingKey(page);
  if (!key) return mergedPage(undefined, page, tab, data.quantity);
  const all = await readAll();
  all[key] = mergeTabRead(all[key], page, tab, data.quantity, at);
  const kept = Object.values(all)
    .sort((a, b) => newest(b).localeCompare(newest(a)))
    .slice(0, KEEP);
  await tabReads.setValue(Object.fromEntries(kept.map((m) => [m.key, m])));
  return mergedPage(all[key], page, tab, data.quantity);
}

/** What a Seller Central snapshot records: the editor's listing merged over its tabs, or the inventory rows. */
export async function sellerCentralReads(snapshot: CheckedSnapshot, at: string) {
  return { editor: await recordEditorTab(snapshot, at), inventory: toInventoryPage(snapshot) };
}

/** Query side (reads only): the panel's editor page with the facts its other tabs showed. */
export async function mergedEditorPage(snapshot: CheckedSnapshot | null, page: EditorPage): Promise<EditorPage> {
  const data = pageData(snapshot, 'amazon', 'listing-edit', amazonListingEditDataSchema);
  const key = listingKey(page);
  if (!data || !key) return page;
  return mergedPage((await readAll())[key], page, data.tab ?? 'product_details', data.quantity);
}
