import * as clock from '../../lib/clock';
import * as store from '../../lib/db/listings-store';
import { captureAndCheck, type ProductRead, productIdOf } from '../../lib/listings/capture';
import { catalogueView } from '../../lib/listings/catalogue';
import { editorListings, editorPanel, editorReport } from '../../lib/listings/editor';
import { feedFile } from '../../lib/listings/feed';
import { readInventory } from '../../lib/listings/marketplace-status';
import { productPanel } from '../../lib/listings/product-report';
import { listingsContext, recheckProduct } from '../../lib/listings/readiness';
import { rewriteEditorTitle } from '../../lib/listings/rewrite';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { listingsSettings, parseListingsSettings } from '../../lib/settings/listings';
import { toEditorPage, toInventoryPage } from '../../lib/sites/amazon/to-listing';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { toProductRead } from '../../lib/sites/shopify/to-product';
import { aiProvider } from './ai';
import { readTabSnapshot } from './tab-state';

const today = () => clock.utcDay(clock.now());
const context = async () => listingsContext(parseListingsSettings(await listingsSettings.getValue()), today());

/** The page the panel's tab shows, as `read` turns it into the engine's input. */
async function tabPage<T>(sender: Sender, read: (s: CheckedSnapshot | null) => T | null): Promise<T> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its tab.');
  const page = read(await readTabSnapshot(sender.tabId));
  if (!page) throw new MessageError('not_found', 'This tab does not show that page (yet). Reload it if it should.');
  return page;
}

/** Stores a product read from Shopify as the canonical version (history when it changed) and re-checks it. */
async function capture(read: ProductRead) {
  const [ctx, at] = [await context(), clock.nowIso()];
  return store.changeProduct(productIdOf(read.product), (prev) => captureAndCheck(prev, read, ctx, at));
}

/** Hook for `snapshot.publish`: a Shopify product page is captured even with the panel collapsed (idempotent). */
export async function captureFromSnapshot(snapshot: CheckedSnapshot): Promise<void> {
  const read = toProductRead(snapshot);
  if (read) await capture(read).catch((error) => console.warn('[counterpart] canonical capture failed', error));
}

/** Background handlers of the listings process. */
export const listingsHandlers: Handlers = {
  'listings.product': async (_p, sender) => {
    const captured = await capture(await tabPage(sender, toProductRead));
    return productPanel(captured, await store.recentHistory(captured.record.id, 10), await context());
  },
  'listings.editor': async (_p, sender) => {
    const [page, ctx, products] = await Promise.all([tabPage(sender, toEditorPage), context(), store.allProducts()]);
    const report = editorReport({ live: page.live, sku: page.sku, products, ...ctx });
    await store.recordListings(editorListings(page, report, clock.nowIso()));
    return editorPanel(page, report, ctx);
  },
  'listings.inventory': async (_p, sender) => {
    const page = await tabPage(sender, toInventoryPage);
    const { updates, view } = readInventory(page, await store.allProducts(), clock.nowIso());
    await store.recordListings(updates);
    return view;
  },
  'listings.rewrite': async (_p, sender) => {
    const page = await tabPage(sender, toEditorPage);
    const provider = await aiProvider();
    if (provider.id === 'local')
      throw new MessageError('ai_error', 'Rewriting for search needs a model: configure one in Counterpart settings.');
    return rewriteEditorTitle(provider, page, await store.allProducts(), await context());
  },
  'listings.logApply': async ({ field, value, source }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel applies suggestions.');
    const snapshot = await readTabSnapshot(sender.tabId);
    const [app, entityId] = [snapshot?.app ?? 'amazon', snapshot?.entityId ?? null];
    await store.logApply({ at: clock.nowIso(), app, entityId, field, value, source });
    return { logged: true };
  },
  'listings.catalogue': async () => {
    const [products, listings, ctx] = await Promise.all([store.allProducts(), store.allListings(), context()]);
    return catalogueView(products, listings, ctx);
  },
  'listings.checkProducts': async ({ ids }) => {
    const [ctx, at] = [await context(), clock.nowIso()];
    const done = await store.recheckProducts(ids, (p) => recheckProduct(p, ctx, at));
    return { checked: done.length, ready: done.reduce((n, r) => n + r.ready, 0) };
  },
  'listings.exportFeed': async ({ channel, format }) =>
    feedFile(channel, format, await store.allProducts(), await context(), today()),
};
