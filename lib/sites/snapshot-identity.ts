import * as clock from '../clock';
import { ticketIdFromUrl } from './gorgias/urls';
import type { AppId } from './hosts';
import { RETURN_TITLE } from './loop/return-title';
import { returnIdFromUrl } from './loop/urls';
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
  /** What is published when the content keeps showing another record than the address names. */
  staleSnapshot(app: AppId, appLabel: string, id: PageIdentity, url: URL, title: string): SnapshotEnvelope;
}

function identityCheck(reader: IdentityReader): PageIdentityCheck {
  return {
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
// Shopify product pages and Seller Central editors show no record id of their own that the evidence
// pins down: their content is not checked (a Seller Central edit is a full page load). Each content
// script carries only its own app's check (size budget).
