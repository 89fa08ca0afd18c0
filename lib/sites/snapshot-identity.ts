import * as clock from '../clock';
import { hostValue } from './amazon/dom';
import { amazonRoute } from './amazon/urls';
import { ticketIdFromUrl } from './gorgias/urls';
import type { AppId } from './hosts';
import { RETURN_TITLE } from './loop/return-title';
import { returnIdFromUrl } from './loop/urls';
import { composedShadowRootOf, type ShadowRootOf } from './shadow-root';
import { shopifyRoute } from './shopify/urls';
import type { SnapshotEnvelope } from './snapshot';

/**
 * Which record the page's own content shows, next to the one its address names. During SPA
 * navigation the address changes first and the app renders the new record later (after its fetch):
 * in between, the old record's content sits under the new address and must not be published as the
 * new record. `stale` is true only when both ids are known and differ; when the page shows no id
 * the content cannot be checked and is read as before.
 */
export interface PageIdentity {
  urlId: string | null;
  domId: string | null;
  stale: boolean;
}

/** Elements whose whole text is `#1234`: the ticket number the ticket header shows (Gorgias). */
function gorgiasDomId(doc: Document): string | null {
  const header = doc.querySelector('#TicketHeader, [class*="TicketHeader"]');
  if (!header) return null;
  for (const el of header.querySelectorAll('span, a, div')) {
    if (el.childElementCount > 0) continue;
    const m = /^\s*#(\d+)\s*$/.exec(el.textContent ?? '');
    if (m) return m[1] ?? null;
  }
  return null;
}

/** "Return #48213577" in the page heading (Loop). */
function loopDomId(doc: Document): string | null {
  for (const selector of RETURN_TITLE.selectors) {
    if (selector === 'title') continue; // the document title may lag behind the content
    const el = doc.querySelector(selector);
    const m = el ? RETURN_TITLE.pattern.exec(el.textContent ?? '') : null;
    if (m) return m[1] ?? null;
  }
  return null;
}

/**
 * The product a Shopify product page's own links name: the Variants card links each variant to
 * `/products/{productId}/variants/{variantId}` (the admin's address of a variant: help.shopify.com
 * manual/products/variants/find-variant-id; the rows navigate through a Polaris IndexTable
 * `data-primary-link` anchor — that the admin renders an `<a href>` there is unverified). The id
 * most links name wins; a page without such links (no variants, or another layout) is not checked.
 */
function shopifyDomId(doc: Document): string | null {
  const counts = new Map<string, number>();
  for (const a of doc.querySelectorAll('a[href*="/variants/"]')) {
    const m = /\/products\/(\d+)\/variants\/\d+/.exec(a.getAttribute('href') ?? '');
    if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = id;
  return best;
}

/** Seller Central's record id in the address: the listing's SKU. */
function amazonUrlId(url: URL): string | null {
  const r = amazonRoute(url);
  return r.page === 'listing-edit' ? r.sku : null;
}

/**
 * The SKU the editor's own "Seller SKU" field holds (`contribution_sku-0-value` on the Offer tab:
 * index id 12052346279, AMAZON_FIELDS.offer.sku; `contribution_sku` in the old naming). Other tabs
 * show no SKU field the evidence pins down: their content is not checked.
 */
function amazonDomId(doc: Document, shadowOf: ShadowRootOf): string | null {
  const host = doc.querySelector('[name="contribution_sku-0-value"], [name="contribution_sku"]');
  const value = host ? hostValue(host, shadowOf).trim() : '';
  return value || null;
}

/** How one app names its record: in the address, and in the page's content (null when not shown). */
export interface IdentityReader {
  url(url: URL): string | null;
  dom(doc: Document): string | null;
}

/** The record ids of the address and of the content; never throws. */
export function pageIdentity(reader: IdentityReader | undefined, doc: Document, url: URL): PageIdentity {
  if (!reader) return { urlId: null, domId: null, stale: false };
  try {
    const urlId = reader.url(url);
    const domId = urlId === null ? null : reader.dom(doc);
    return { urlId, domId, stale: urlId !== null && domId !== null && urlId !== domId };
  } catch {
    return { urlId: null, domId: null, stale: false };
  }
}

/** A page's identity check, as a content script uses it (see `createPageReader`). */
export interface PageIdentityCheck {
  check(doc: Document, url: URL): PageIdentity;
  /**
   * Checked only once the address has changed in the page (SPA navigation), until the content
   * matches it again: a page as loaded shows the record it was loaded for, and a field of the
   * form the user may edit (Seller Central's Seller SKU on a new listing) must not block its read.
   */
  afterNavigationOnly?: boolean;
  /** What is published when the content keeps showing another record than the address names. */
  staleSnapshot(app: AppId, appLabel: string, id: PageIdentity, url: URL, title: string): SnapshotEnvelope;
}

function identityCheck(reader: IdentityReader, afterNavigationOnly = false): PageIdentityCheck {
  return {
    afterNavigationOnly,
    check: (doc, url) => pageIdentity(reader, doc, url),
    staleSnapshot: (app, appLabel, id, url, title) => ({
      app,
      page: 'unknown',
      entityId: null,
      url: url.href,
      title: title.slice(0, 500),
      capturedAt: clock.nowIso(),
      recognised: false,
      missing: [`${appLabel}: the page still shows record ${id.domId}, not ${id.urlId} from the address`],
      data: null,
    }),
  };
}

export const gorgiasIdentity = /* @__PURE__ */ identityCheck({ url: (u) => ticketIdFromUrl(u), dom: gorgiasDomId });
export const loopIdentity = /* @__PURE__ */ identityCheck({ url: (u) => returnIdFromUrl(u), dom: loopDomId });
// Shopify: product pages only (the adapter reads no order page). Each content script carries only its
// own app's check (size budget).
export const shopifyIdentity = /* @__PURE__ */ identityCheck(
  {
    url: (u) => {
      const r = shopifyRoute(u);
      return r.page === 'product' ? r.id : null;
    },
    dom: shopifyDomId,
  },
  true,
);

let amazonShadowOf: ShadowRootOf | null = null;
export const amazonIdentity = /* @__PURE__ */ identityCheck(
  {
    url: amazonUrlId,
    // Closed Katal roots too, with the browser's own reader (resolved on first use, not at import).
    dom: (doc) => {
      amazonShadowOf ??= composedShadowRootOf();
      return amazonDomId(doc, amazonShadowOf);
    },
  },
  true,
);
