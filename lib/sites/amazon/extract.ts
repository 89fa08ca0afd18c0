import * as clock from '../../clock';
import type { ChannelListing } from '../../listings/types';
import { measureImage, snapshotImageUrl } from '../images';
import { missingPart, type SnapshotEnvelope } from '../snapshot';
import { composedElements, composedQueryAll, composedText, hostValue, openShadowRoot, type ShadowRootOf } from './dom';
import { TAB_FACTS } from './labels';
import type { AmazonInventoryRead, AmazonListingEditRead } from './schema';
import { queryAll, queryFirst } from './selectors';
import { amazonRoute } from './urls';

const LABEL = 'Seller Central';

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

type Images = NonNullable<ChannelListing['images']>;

/** One picture with its slot (MAIN, PT01…) as role, measured where it has loaded; none without a source. */
function imageOf(img: HTMLImageElement | null | undefined, role: string, doc: Document): Images {
  const src = img ? img.currentSrc || img.getAttribute('src') || '' : '';
  if (!img || !src) return [];
  const meta = { url: snapshotImageUrl(src), alt: (img.getAttribute('alt') ?? '').slice(0, 1000) };
  return [{ ...meta, ...(role ? { role: role.slice(0, 20) } : {}), ...measureImage(img, doc) }];
}

/**
 * Existing pictures on the Images tab. First by the evidenced hooks: each slot's upload input
 * (`ProductImage_{SLOT}-input_input`) and the one picture in the nearest block around it; else by
 * the fixtures' own slot markup (unverified).
 */
function readImages(doc: Document): Images {
  const byInput = queryAll(doc, 'imageUploadInputs').flatMap((input) => {
    const role = input.id.match(/^ProductImage_([A-Z0-9]+)-/)?.[1] ?? '';
    for (let block = input.parentElement, d = 0; block && d < 3; d++, block = block.parentElement) {
      const imgs = block.querySelectorAll('img');
      if (imgs.length) return imgs.length > 1 ? [] : imageOf(imgs[0], role, doc);
    }
    return [];
  });
  if (byInput.length > 0) return byInput;
  return queryAll(doc, 'imageSlots').flatMap((slot) => {
    const at = (attr: string) => slot.closest(`[${attr}]`)?.getAttribute(attr);
    const img = (slot.tagName === 'IMG' ? slot : slot.querySelector('img')) as HTMLImageElement | null;
    return imageOf(img, (at('data-image-variant') ?? at('data-variant') ?? '').toUpperCase(), doc);
  });
}

/** The Offer tab's quantity host, identified by id (host-evidence §3; it has no `name`). */
const QUANTITY_ID = 'fulfillment_availability#1.quantity';

function readQuantity(doc: Document, shadowOf: ShadowRootOf): string | null {
  const host = doc.getElementById(QUANTITY_ID);
  return host ? hostValue(host, shadowOf) : null;
}

function extractListingEdit(doc: Document, url: URL, missing: string[], shadowOf: ShadowRootOf): AmazonListingEditRead {
  const route = amazonRoute(url);
  const tab = route.tab && TAB_FACTS[route.tab] ? route.tab : route.tab === null ? 'product_details' : route.tab;
  const fields = readFields(doc, shadowOf);
  const quantityText = readQuantity(doc, shadowOf);
  const images = readImages(doc);
  if (fields.length === 0 && quantityText === null && images.length === 0)
    missing.push(missingPart(LABEL, 'listing editor fields (kat-* hosts)', 'listing editor'));
  const one = (...attrs: string[]) => {
    for (const a of attrs) {
      const v = attributeValues(fields, a)[0];
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const title = one('item_name');
  const marketplace = readMarketplace(doc);
  if (!marketplace) missing.push(missingPart(LABEL, 'marketplace switcher', 'listing editor'));

  const alerts = composedQueryAll(doc, 'alerts', shadowOf)
    .filter((el) => el.tagName === 'KAT-ALERT' || !el.closest('kat-alert'))
    .map((el) => ({
      variant: el.getAttribute('variant') ?? 'info',
      text: (
        composedText(el, shadowOf) ||
        [el.getAttribute('header'), el.getAttribute('description')].filter(Boolean).join(': ')
      ).slice(0, 2000),
    }));

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
  };
  if (images.length) listing.images = images;
  // Prices, quantity, store code and status are worked out from these texts in the background (interpret.ts).
  const priceField = fields.find((f) =>
    /^purchasable_offer-\d+-our_price-\d+-schedule-\d+-value_with_tax$/.test(f.name),
  );
  for (const k of Object.keys(listing) as (keyof ChannelListing)[]) if (listing[k] === undefined) delete listing[k];

  // What this tab is expected to show and did not: named, never fatal (other tabs hold the rest).
  const read: Record<string, boolean> = {
    'item name': title !== undefined,
    brand: listing.brand !== undefined,
    'bullet points': attributeValues(fields, 'bullet_point').length > 0,
    description: listing.description !== undefined,
    price: priceField !== undefined,
    quantity: quantityText !== null,
    'product images': images.length > 0,
  };
  const anyRead = fields.length > 0 || quantityText !== null || images.length > 0;
  if (anyRead)
    for (const fact of TAB_FACTS[tab] ?? [])
      if (!read[fact]) missing.push(missingPart(LABEL, `${fact} field`, `the ${tab.replace(/_/g, ' ')} tab`));

  return {
    marketplace,
    marketplaceCode: null,
    marketplaceId: route.marketplaceId,
    sku: route.sku ?? one('contribution_sku') ?? null,
    asin: route.asin,
    productType: route.productType,
    naming: fields.some((f) => /-\d+-value$/.test(f.name)) ? 'new' : 'old',
    fields: Object.fromEntries(fields.slice(0, 300).map((f) => [f.name, f.value.slice(0, 20_000)])),
    listing,
    alerts,
    status: null,
    tab,
    quantity: null,
    quantityText,
    lowCertainty: [],
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

/** Status texts of a row or card: the chip and reason as shown (read in the background, interpret.ts). */
function statusOf(container: Element): { status: 'unknown'; reason: string | null; status_text: string } {
  const chip = queryFirst(container, 'statusChip')?.el;
  const reasonEl = queryFirst(container, 'statusReason')?.el;
  const chipText = (chip?.textContent ?? '').trim();
  const reason = (reasonEl?.textContent ?? '').trim();
  const text = ([chipText, reason].filter(Boolean).join(': ') || (container.textContent ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  return { status: 'unknown', reason: reason || null, status_text: text.slice(0, 1000) };
}

function extractInventory(doc: Document, missing: string[], shadowOf: ShadowRootOf): AmazonInventoryRead {
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
    const rows: AmazonInventoryRead['rows'] = [
      ...table.querySelectorAll('tbody tr, [role="row"]:not(:first-child)'),
    ].map((row) => {
      const s = statusOf(get(row, 'status') ?? row);
      return {
        sku: cellValue(get(row, 'sku'), shadowOf),
        asin: cellValue(get(row, 'asin'), shadowOf) || null,
        title: cellValue(get(row, 'product name', 'title', 'product'), shadowOf),
        status: s.status,
        reason: s.reason,
        status_text: s.status_text,
        price: null,
        available: null,
        price_text: cellValue(get(row, 'price', 'your price'), shadowOf).slice(0, 100),
        available_text: cellValue(get(row, 'available', 'quantity'), shadowOf).slice(0, 100),
      };
    });
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
      status_text: s.status_text,
      price: null,
      available: null,
      price_text: cellValue(card.querySelector('kat-input[name^="price"]')?.parentElement ?? undefined, shadowOf).slice(
        0,
        100,
      ),
      available_text: t.match(/Available:\s*([\d,.]+)/)?.[1] ?? '',
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
  let data: AmazonListingEditRead | AmazonInventoryRead | null = null;
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
    // A page counts for whatever was read; what was not is named in `missing` (never all-or-nothing).
    recognised: data !== null && readSomething(data),
    missing: missing.slice(0, 50),
    data,
  };
}

function readSomething(data: AmazonListingEditRead | AmazonInventoryRead): boolean {
  if ('rows' in data) return data.rows.length > 0 || data.layout === 'table';
  return Object.keys(data.fields).length > 0 || data.quantityText != null || (data.listing.images?.length ?? 0) > 0;
}
