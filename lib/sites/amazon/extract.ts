import * as clock from '../../clock';
import type { ChannelListing } from '../../listings/types';
import { measureImage, snapshotImageUrl } from '../images';
import { missingPart, type SnapshotEnvelope } from '../snapshot';
import { composedElements, composedQueryAll, composedText, hostValue, openShadowRoot, type ShadowRootOf } from './dom';
import type { AmazonInventoryData, AmazonInventoryRow, AmazonListingEditData, ListingStatus } from './schema';
import { queryAll, queryFirst } from './selectors';
import { amazonRoute } from './urls';

const LABEL = 'Seller Central';

const COUNTRY_CODES: Record<string, string> = {
  'united states': 'US',
  canada: 'CA',
  mexico: 'MX',
  brazil: 'BR',
  'united kingdom': 'UK',
  germany: 'DE',
  france: 'FR',
  italy: 'IT',
  spain: 'ES',
  netherlands: 'NL',
  sweden: 'SE',
  poland: 'PL',
  belgium: 'BE',
  turkey: 'TR',
  türkiye: 'TR',
  ireland: 'IE',
  'united arab emirates': 'AE',
  'saudi arabia': 'SA',
  egypt: 'EG',
  'south africa': 'ZA',
  india: 'IN',
  japan: 'JP',
  australia: 'AU',
  singapore: 'SG',
};

/** Store code from the switcher label ("Demo Store | United States" → US). */
export function marketplaceCode(label: string): string | null {
  const country = label.split('|').pop()?.trim().toLowerCase() ?? '';
  return COUNTRY_CODES[country] ?? null;
}

/** Status and reason from status text (MYI chips, editor alerts), using Seller Central's vocabulary. */
export function parseStatus(raw: string): { status: ListingStatus; reason: string | null; text: string } {
  const text = raw.replace(/\s+/g, ' ').trim();
  // Reason = the first sentence after the last status word ("Search suppressed: Search suppressed: X. …" → X).
  const after = (re: RegExp) => {
    const m = [...text.matchAll(new RegExp(re.source, 'gi'))].pop();
    const rest = m
      ? text
          .slice((m.index ?? 0) + m[0].length)
          .replace(/^[\s:–—-]+/, '')
          .trim()
      : '';
    return rest ? (rest.split(/(?<=\.)\s/)[0] ?? rest).replace(/\.$/, '') : null;
  };
  if (/search suppressed|detail page removed|buyability suspended|suppressed/i.test(text))
    return {
      status: 'suppressed',
      reason: after(/search suppressed|detail page removed|buyability suspended|suppressed/i),
      text,
    };
  if (/\binactive\b|out of stock/i.test(text)) {
    const reason = /out of stock/i.test(text) ? 'Out of stock' : after(/\binactive\b/i);
    return { status: 'inactive', reason, text };
  }
  if (/incomplete|provide missing information|action required/i.test(text))
    return {
      status: 'incomplete',
      reason: after(/incomplete|action required/i) ?? 'Provide missing information',
      text,
    };
  if (/\bactive\b/i.test(text)) return { status: 'active', reason: null, text };
  return { status: 'unknown', reason: null, text };
}

function num(s: string | null | undefined): number | null {
  const m = (s ?? '').replace(/,/g, '').match(/-?\d+(\.\d+)?/);
  return m ? Number(m[0]) : null;
}

function readMarketplace(doc: Document): string {
  const hit = queryFirst(doc, 'marketplaceSwitcher');
  return hit ? (hit.el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** Named field hosts in the composed tree, with values; bullets collected in index (or document) order. */
export function readFields(
  doc: Document,
  shadowOf: ShadowRootOf = openShadowRoot,
): { name: string; value: string; host: Element }[] {
  return composedQueryAll(doc, 'fieldHosts', shadowOf)
    .filter((el) => el.getAttribute('name'))
    .map((host) => ({ name: host.getAttribute('name') ?? '', value: hostValue(host, shadowOf), host }));
}

/** Values for one attribute: `{attr}-{i}-value` (new UI, sorted by index) or plain `{attr}` (old UI, document order). */
export function attributeValues(fields: readonly { name: string; value: string }[], attr: string): string[] {
  const indexed = fields
    .map((f) => ({ f, m: f.name.match(new RegExp(`^${attr}-(\\d+)-value$`)) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m?.[1]) - Number(b.m?.[1]))
    .map((x) => x.f.value);
  if (indexed.length) return indexed;
  return fields.filter((f) => f.name === attr).map((f) => f.value);
}

/** Existing pictures on the Images tab, with the slot (MAIN, PT01…) as role, measured where they have loaded. */
function readImages(doc: Document): NonNullable<ChannelListing['images']> {
  return queryAll(doc, 'imageSlots').flatMap((slot) => {
    const img = (slot.tagName === 'IMG' ? slot : slot.querySelector('img')) as HTMLImageElement | null;
    const src = img ? img.currentSrc || img.getAttribute('src') || '' : '';
    if (!img || !src) return [];
    const at = (attr: string) => slot.closest(`[${attr}]`)?.getAttribute(attr);
    const role = (at('data-image-variant') ?? at('data-variant') ?? '').toUpperCase();
    return [
      {
        url: snapshotImageUrl(src),
        alt: (img.getAttribute('alt') ?? '').slice(0, 1000),
        ...(role ? { role: role.slice(0, 20) } : {}),
        ...measureImage(img, doc),
      },
    ];
  });
}

function extractListingEdit(doc: Document, url: URL, missing: string[], shadowOf: ShadowRootOf): AmazonListingEditData {
  const route = amazonRoute(url);
  const fields = readFields(doc, shadowOf);
  if (fields.length === 0) missing.push(missingPart(LABEL, 'listing editor fields (kat-* hosts)', 'listing editor'));
  const one = (...attrs: string[]) => {
    for (const a of attrs) {
      const v = attributeValues(fields, a)[0];
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const title = one('item_name');
  if (title === undefined && fields.length) missing.push(missingPart(LABEL, 'item name field', 'listing editor'));
  const marketplace = readMarketplace(doc);
  if (!marketplace) missing.push(missingPart(LABEL, 'marketplace switcher', 'listing editor'));
  const code = marketplaceCode(marketplace);

  const alerts = composedQueryAll(doc, 'alerts', shadowOf)
    .filter((el) => el.tagName === 'KAT-ALERT' || !el.closest('kat-alert'))
    .map((el) => ({
      variant: el.getAttribute('variant') ?? 'info',
      text: (
        composedText(el, shadowOf) ||
        [el.getAttribute('header'), el.getAttribute('description')].filter(Boolean).join(': ')
      ).slice(0, 2000),
    }));
  const statusAlert = alerts.map((a) => parseStatus(a.text)).find((s) => s.status !== 'unknown') ?? null;

  const listing: ChannelListing = {
    title: title ?? '',
    brand: one('brand'),
    bullets: attributeValues(fields, 'bullet_point').filter((b) => b.trim() !== ''),
    description: one('product_description', 'rtip_product_description'),
    search_terms: one('generic_keyword'),
    item_type_keyword: one('item_type_keyword'),
    product_type: route.productType ?? undefined,
    gtin: one('externally_assigned_product_identifier', 'external_product_id'),
    highlights: one('title_differentiation', 'item_highlights'),
    attributes: code ? { marketplace: code } : {},
  };
  const images = readImages(doc);
  if (images.length) listing.images = images;
  const price = num(
    fields.find((f) => /^purchasable_offer-\d+-our_price-\d+-schedule-\d+-value_with_tax$/.test(f.name))?.value,
  );
  if (price !== null) listing.price = price;
  const listPrice = num(one('list_price'));
  if (listPrice !== null) listing.list_price = listPrice;
  for (const k of Object.keys(listing) as (keyof ChannelListing)[]) if (listing[k] === undefined) delete listing[k];

  return {
    marketplace,
    marketplaceCode: code,
    marketplaceId: route.marketplaceId,
    sku: route.sku ?? one('contribution_sku') ?? null,
    asin: route.asin,
    productType: route.productType,
    naming: fields.some((f) => /-\d+-value$/.test(f.name)) ? 'new' : 'old',
    fields: Object.fromEntries(fields.slice(0, 300).map((f) => [f.name, f.value.slice(0, 20_000)])),
    listing,
    alerts,
    status: statusAlert,
  };
}

function headerMap(table: Element): Map<string, number> {
  const ths = [...table.querySelectorAll('thead th, [role="columnheader"]')];
  return new Map(ths.map((th, i) => [(th.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase(), i]));
}

function cellValue(cell: Element | undefined, shadowOf: ShadowRootOf): string {
  if (!cell) return '';
  const host = cell.querySelector('kat-input, kat-textarea, input');
  if (host) return hostValue(host, shadowOf);
  return (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function statusOf(container: Element): { status: ListingStatus; reason: string | null; text: string } {
  const chip = queryFirst(container, 'statusChip')?.el;
  const reasonEl = queryFirst(container, 'statusReason')?.el;
  const chipText = (chip?.textContent ?? '').trim();
  const reason = (reasonEl?.textContent ?? '').trim();
  const parsed = parseStatus([chipText, reason].filter(Boolean).join(': ') || (container.textContent ?? ''));
  return reason && parsed.status !== 'active' ? { ...parsed, reason } : parsed;
}

function extractInventory(doc: Document, missing: string[], shadowOf: ShadowRootOf): AmazonInventoryData {
  const marketplace = readMarketplace(doc);
  const table = queryAll(doc, 'inventoryTable').find((t) => headerMap(t).has('sku'));
  if (table) {
    const cols = headerMap(table);
    const get = (row: Element, ...names: string[]) => {
      for (const n of names) {
        const i = cols.get(n);
        if (i !== undefined) return row.children[i];
      }
      return undefined;
    };
    const rows: AmazonInventoryRow[] = [...table.querySelectorAll('tbody tr, [role="row"]:not(:first-child)')].map(
      (row) => {
        const s = statusOf(get(row, 'status') ?? row);
        return {
          sku: cellValue(get(row, 'sku'), shadowOf),
          asin: cellValue(get(row, 'asin'), shadowOf) || null,
          title: cellValue(get(row, 'product name', 'title', 'product'), shadowOf),
          status: s.status,
          reason: s.reason,
          status_text: s.text.slice(0, 1000),
          price: num(cellValue(get(row, 'price', 'your price'), shadowOf)),
          available: num(cellValue(get(row, 'available', 'quantity'), shadowOf)),
        };
      },
    );
    return { marketplace, layout: 'table', rows };
  }
  // Card layout (some marketplaces): no <table>; cards carry "ASIN:" and "SKU:" label text.
  let cards = queryAll(doc, 'inventoryCards');
  if (cards.length === 0)
    cards = [...composedElements(doc.body ?? doc, shadowOf)].filter((el) => {
      const t = el.textContent ?? '';
      return (
        /ASIN:/.test(t) &&
        /SKU:/.test(t) &&
        ![...el.children].some((c) => /ASIN:/.test(c.textContent ?? '') && /SKU:/.test(c.textContent ?? ''))
      );
    });
  if (cards.length === 0) {
    missing.push(missingPart(LABEL, 'inventory table or cards', 'Manage All Inventory'));
    return { marketplace, layout: 'table', rows: [] };
  }
  const rows = cards.map((card) => {
    const t = (card.textContent ?? '').replace(/\s+/g, ' ');
    const s = statusOf(card);
    const titleEl = card.querySelector('.title, a, h2, h3');
    return {
      sku: t.match(/SKU:\s*(\S+)/)?.[1] ?? '',
      asin: t.match(/ASIN:\s*(B0[0-9A-Z]{8}|\d{10})/)?.[1] ?? null,
      title: (titleEl?.textContent ?? '').trim(),
      status: s.status,
      reason: s.reason,
      status_text: s.text.slice(0, 1000),
      price: num(cellValue(card.querySelector('kat-input[name^="price"]')?.parentElement ?? undefined, shadowOf)),
      available: num(t.match(/Available:\s*([\d,]+)/)?.[1]),
    };
  });
  return { marketplace, layout: 'cards', rows };
}

export interface ExtractOptions {
  now?: Date;
  /** Pass `chrome.dom.openOrClosedShadowRoot` from a content script to read closed shadow roots too. */
  shadowRootOf?: ShadowRootOf;
}

/** Reads a Seller Central listing editor or Manage All Inventory page into a snapshot; never throws on odd pages. */
export function extract(doc: Document, url: URL, opts: ExtractOptions = {}): SnapshotEnvelope {
  const route = amazonRoute(url);
  const shadowOf = opts.shadowRootOf ?? openShadowRoot;
  const missing: string[] = [];
  let data: AmazonListingEditData | AmazonInventoryData | null = null;
  let title = doc.title;
  let entityId: string | null = null;
  if (route.page === 'listing-edit') {
    const d = extractListingEdit(doc, url, missing, shadowOf);
    data = d;
    entityId = d.sku ?? d.asin;
    title = d.listing.title || title;
  } else if (route.page === 'inventory') {
    data = extractInventory(doc, missing, shadowOf);
  }
  return {
    app: 'amazon',
    page: route.page,
    entityId,
    url: url.href,
    title: title.slice(0, 500),
    capturedAt: (opts.now ?? clock.now()).toISOString(),
    recognised: data !== null && missing.length === 0,
    missing: missing.slice(0, 50),
    data,
  };
}
