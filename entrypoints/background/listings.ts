import { storage } from 'wxt/utils/storage';
import * as clock from '../../lib/clock';
import * as store from '../../lib/db/listings-store';
import { catalogueView, cellFindings } from '../../lib/listings/catalogue';
import { editorPanel, editorReport } from '../../lib/listings/editor';
import { feedFile } from '../../lib/listings/feed';
import { readInventory } from '../../lib/listings/marketplace-status';
import { productPanel } from '../../lib/listings/product-report';
import { listingsContext, recheckProduct } from '../../lib/listings/readiness';
import { rewriteEditorTitle } from '../../lib/listings/rewrite';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { listingsSettings, parseListingsSettings } from '../../lib/settings/listings';
import { toEditorPage, toInventoryPage } from '../../lib/sites/amazon/to-listing';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { toProductRead } from '../../lib/sites/shopify/to-product';
import { aiProvider } from './ai';
import { fixedPanelTabPage as tabPage } from './field-fixes';
import { mergedEditorPage, sellerCentralReads } from './listing-tabs';
import { readTabSnapshot } from './tab-state';

const today = () => clock.utcDay(clock.now());
const context = async () => listingsContext(parseListingsSettings(await listingsSettings.getValue()), today());
/** Per product, the version a panel last showed as changed (this browser session). */
const shown = storage.defineItem<Record<string, number>>('session:listings.shownVersions', { fallback: {} });

/** Snapshot hook: a Shopify product is captured (even with the panel collapsed), Seller Central reads recorded. */
export async function captureFromSnapshot(snapshot: CheckedSnapshot): Promise<void> {
  const [read, ctx, at] = [toProductRead(snapshot), await context(), clock.nowIso()];
  if (read) await store.captureProduct(read, ctx, at);
  else await store.recordPageReads(await sellerCentralReads(snapshot, at), ctx, at);
}

/** Background handlers of the listings process: the tab queries read what the hook stored. */
export const listingsHandlers: Handlers = {
  'listings.product': async (_p, sender) => {
    const [read, ctx, seen] = [await tabPage(sender, toProductRead), await context(), await shown.getValue()];
    const { captured, history } = await store.readProductCapture(read, ctx, clock.nowIso(), (id) => seen[id] ?? null);
    return productPanel(captured, history, ctx);
  },
  'listings.productShown': async ({ productId, version }) => {
    await shown.setValue({ ...(await shown.getValue()), [productId]: version });
    return { recorded: true };
  },
  'listings.editor': async (_p, sender) => {
    const [tabRead, ctx, products] = await Promise.all([tabPage(sender, toEditorPage), context(), store.allProducts()]);
    const snapshot = sender.kind === 'panel' ? await readTabSnapshot(sender.tabId) : null;
    const page = await mergedEditorPage(snapshot, tabRead);
    return editorPanel(page, editorReport({ live: page.live, sku: page.sku, products, ...ctx }), ctx);
  },
  'listings.inventory': async (_p, sender) =>
    readInventory(await tabPage(sender, toInventoryPage), await store.allProducts(), clock.nowIso()).view,
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
  'listings.cellFindings': async ({ productId, sku, channel }) => {
    const [p, listings, ctx] = await Promise.all([store.product(productId), store.allListings(), context()]);
    if (!p) throw new MessageError('not_found', 'This product is no longer in the catalogue.');
    return cellFindings(p, sku, channel, listings, ctx);
  },
  'listings.checkProducts': async ({ ids }) => {
    const [ctx, at] = [await context(), clock.nowIso()];
    const done = await store.recheckProducts(ids, (p) => recheckProduct(p, ctx, at));
    return { checked: done.length, ready: done.reduce((n, r) => n + r.ready, 0) };
  },
  'listings.exportFeed': async ({ channel, format }) =>
    feedFile(channel, format, await store.allProducts(), await context(), today()),
};
