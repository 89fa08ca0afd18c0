import { describe, expect, it } from 'vitest';
import { composedShadowRootOf } from '../shadow-root';
import { snapshotEnvelopeSchema } from '../snapshot-schema';
import { createAmazonAdapter } from './adapter';
import { extract } from './extract';
import { loadAmazonFixture } from './fixture-loader';
import { interpretInventoryRead, localeNumber, parseStatus } from './interpret';
import { listingKey, mergedPage, mergeTabRead } from './merge';
import { type AmazonListingEditData, amazonListingEditDataSchema } from './schema';
import { fillField } from './write';

// The evidence-built Seller Central variants (e2e/fixtures/amazon/README.md), each at its real address.
const Q = 'productType=SHIRT';
const URLS = {
  offerDe: `https://sellercentral.amazon.de/abis/listing/edit/offer?marketplaceID=A1PA6795UKMFR9&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&${Q}`,
  detailsDe: `https://sellercentral.amazon.de/abis/listing/edit/product_details?marketplaceID=A1PA6795UKMFR9&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&${Q}`,
  imagesFr: `https://sellercentral.amazon.fr/abis/listing/edit/images?marketplaceID=A13V1IB3VIYZZH&sku=TEE-CL-BLK-L&asin=B0CXYZ1235&${Q}`,
  offerJa: `https://sellercentral.amazon.co.jp/abis/listing/edit/offer?marketplaceID=A1VC38T7YXB528&sku=TEE-CL-BLK-M-JP&asin=B0CXYZ1299&${Q}`,
  offerIt: `https://sellercentral.amazon.it/abis/listing/edit/offer?marketplaceID=APJ6JRA9NG5V4&sku=COAT-WOOL-L&asin=B0CXYZ1400&productType=COAT`,
  detailsEs: `https://sellercentral.amazon.es/abis/listing/edit/product_details?marketplaceID=A1RKKUPIHCS9HS&sku=TEE-CL-BLK-XL&asin=B0CXYZ1236&${Q}`,
  legacy:
    'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=MA023&asin=B0CXYZ1234&productType=SHIRT#product_details',
};

function read(file: string, url: string) {
  const { document } = loadAmazonFixture(file, url);
  const snap = snapshotEnvelopeSchema.parse(extract(document, new URL(url)));
  return { snap, data: amazonListingEditDataSchema.parse(snap.data) as AmazonListingEditData };
}

describe('Seller Central variants: each tab is a page of its own, read for what it shows', () => {
  it('Offer tab (de): recognised without a title; "27,90" is 27.90; quantity by id; German alert gives a status', () => {
    const { snap, data } = read('offer-tab-de.html', URLS.offerDe);
    expect(snap).toMatchObject({ recognised: true, entityId: 'TEE-CL-BLK-M', missing: [] });
    expect(data.tab).toBe('offer');
    expect(data.marketplaceCode).toBe('DE');
    expect(data.listing.price).toBe(27.9);
    expect(data.listing.list_price).toBe(34.9);
    expect(data.quantity).toBe(12);
    expect(data.status).toMatchObject({ status: 'inactive', reason: 'Out of stock' });
    expect(data.lowCertainty).toEqual([expect.stringMatching(/^status/)]);
  });

  it('Product details tab (de): title, brand, bullets and description; price and quantity are not expected here', () => {
    const { snap, data } = read('product-details-de.html', URLS.detailsDe);
    expect(snap).toMatchObject({ recognised: true, missing: [] });
    expect(data.listing).toMatchObject({
      title: expect.stringContaining('Northwind Classic T-Shirt'),
      brand: 'Northwind',
    });
    expect(data.listing.bullets).toHaveLength(3);
    expect(data.quantity).toBeNull();
    expect(data.listing.price).toBeUndefined();
  });

  it('Images tab (fr): pictures found by their upload-input ids with their slot; French alert suppresses', () => {
    const { snap, data } = read('images-tab-fr.html', URLS.imagesFr);
    expect(snap).toMatchObject({ recognised: true, missing: [] });
    expect(data.listing.images?.map((i) => i.role)).toEqual(['MAIN', 'PT01']);
    expect(data.status).toMatchObject({ status: 'suppressed', reason: 'image principale manquante' });
  });

  it('Offer tab (ja): yen price with a grouping comma, quantity by id, Japanese out-of-stock alert', () => {
    const { snap, data } = read('offer-tab-ja.html', URLS.offerJa);
    expect(snap.recognised).toBe(true);
    expect(data.marketplaceCode).toBe('JP');
    expect(data.listing.price).toBe(2980);
    expect(data.quantity).toBe(5);
    expect(data.status).toMatchObject({ status: 'inactive', reason: 'Out of stock' });
  });

  it('Offer tab (it): "1.299,00" is 1299 and quantity "1.200" is 1200; Italian alert is incomplete', () => {
    const { data } = read('offer-tab-it.html', URLS.offerIt);
    expect(data.marketplaceCode).toBe('IT');
    expect(data.listing.price).toBe(1299);
    expect(data.quantity).toBe(1200);
    expect(data.status?.status).toBe('incomplete');
  });

  it('Product details (es): no bullets on the page is named, the rest still read; Spanish alert suppresses', () => {
    const { snap, data } = read('product-details-es.html', URLS.detailsEs);
    expect(snap.recognised).toBe(true);
    expect(snap.missing).toEqual(['Seller Central: bullet points field not found on the product details tab']);
    expect(data.listing.title).toContain('Camiseta');
    expect(data.status).toMatchObject({ status: 'suppressed', reason: 'falta la imagen principal' });
  });
});

describe('locale numbers and statuses', () => {
  it.each([
    ['27,90', 'DE', 27.9],
    ['27,90 €', null, 27.9],
    ['1.299,00', 'IT', 1299],
    ['1.299', 'DE', 1299],
    ['1,299.00', 'US', 1299],
    ['2,980', 'JP', 2980],
    ['27.00', 'US', 27],
  ])('reads "%s" on a %s store as %s', (text, code, value) => {
    expect(localeNumber(text, code).value).toBe(value);
  });
  it('marks "1.299" without a known store as ambiguous', () => {
    expect(localeNumber('1.299', null).ambiguous).toBe(true);
  });
  it.each([
    ['Aktiv', 'active'],
    ['Inaktiv', 'inactive'],
    ['Actif', 'active'],
    ['Inattivo: Esaurito', 'inactive'],
    ['Búsqueda suprimida: sin imagen', 'suppressed'],
    ['出品中', 'active'],
    ['Interactive guide', 'unknown'],
  ])('reads "%s" as %s', (text, status) => {
    expect(parseStatus(text).status).toBe(status);
  });
});

describe('closed shadow roots in Chrome and in Firefox', () => {
  // The legacy editor's brand host has a closed root (listing-edit-legacy.html). Its inner input is
  // edited here without touching the host's attribute, so only a reader of the closed root sees it.
  const TYPED = 'Northwind Apparel Co.';
  const typeIntoClosedBrand = (document: Document, closedRoots: WeakMap<Element, ShadowRoot>) => {
    const host = document.querySelector('kat-input[name="brand"]') as Element;
    (closedRoots.get(host)?.querySelector('input') as HTMLInputElement).value = TYPED;
  };
  it('reads the closed brand field with chrome.dom.openOrClosedShadowRoot', () => {
    const { document, closedRoots } = loadAmazonFixture('listing-edit-legacy.html', URLS.legacy);
    typeIntoClosedBrand(document, closedRoots);
    const chromeLike = { chrome: { dom: { openOrClosedShadowRoot: (el: Element) => closedRoots.get(el) ?? null } } };
    const snap = createAmazonAdapter(composedShadowRootOf(chromeLike)).extract(document, new URL(URLS.legacy));
    expect((snap.data as AmazonListingEditData).listing.brand).toBe(TYPED);
  });

  it("reads it with Firefox's element.openOrClosedShadowRoot (no chrome.dom)", () => {
    const { window, document, closedRoots } = loadAmazonFixture('listing-edit-legacy.html', URLS.legacy);
    typeIntoClosedBrand(document, closedRoots);
    Object.defineProperty(window.Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return closedRoots.get(this) ?? null;
      },
    });
    try {
      const snap = createAmazonAdapter(composedShadowRootOf({})).extract(document, new URL(URLS.legacy));
      expect((snap.data as AmazonListingEditData).listing.brand).toBe(TYPED);
    } finally {
      // happy-dom shares element classes between windows: take the stub away again.
      Reflect.deleteProperty(window.Element.prototype, 'openOrClosedShadowRoot');
    }
  });

  it('without either, the closed root is not reached (only open roots are)', () => {
    const { document } = loadAmazonFixture('listing-edit-legacy.html', URLS.legacy);
    const shadowOf = composedShadowRootOf({});
    expect(shadowOf(document.querySelector('kat-input[name="brand"]') as Element)).toBeNull();
    expect(shadowOf(document.querySelector('kat-textarea[name="item_name"]') as Element)).not.toBeNull();
  });
});

describe('the write check sees a value the form puts back', () => {
  it('reports a price the page reverts after the change as not kept', async () => {
    const { document, closedRoots } = loadAmazonFixture('offer-tab-de.html', URLS.offerDe);
    const host = document.querySelector('kat-input[name^="purchasable_offer"]') as Element;
    const input = closedRoots.get(host)?.querySelector('input') as HTMLInputElement;
    // The page's form rejects the value on its next turn, as a validating framework would.
    host.addEventListener('change', () => setTimeout(() => (input.value = '27,90'), 0));
    const r = await fillField(document, 'price', '25,00');
    expect(r).toMatchObject({ done: false, value: '27,90' });
  });

  it('reports a kept value as done', async () => {
    const { document } = loadAmazonFixture('offer-tab-de.html', URLS.offerDe);
    expect(await fillField(document, 'price', '25,00')).toMatchObject({ done: true, value: '25,00' });
  });
});

describe('tab merge', () => {
  it('Offer then Product details make one listing with both tabs facts', () => {
    const offer = read('offer-tab-de.html', URLS.offerDe).data;
    const details = read('product-details-de.html', URLS.detailsDe).data;
    const page = (d: AmazonListingEditData) => ({
      sku: d.sku,
      asin: d.asin,
      marketplace: d.marketplace,
      live: d.listing,
      status: d.status ? { status: d.status.status, reason: d.status.reason } : null,
    });
    expect(listingKey(page(offer))).toBe(listingKey(page(details)));
    let merged = mergeTabRead(undefined, page(offer), 'offer', offer.quantity, '2026-11-27T10:00:00.000Z');
    merged = mergeTabRead(merged, page(details), 'product_details', details.quantity, '2026-11-27T10:01:00.000Z');
    const one = mergedPage(merged, page(details), 'product_details', details.quantity);
    expect(one.live).toMatchObject({ title: details.listing.title, brand: 'Northwind', price: 27.9, list_price: 34.9 });
    expect(one.quantity).toBe(12);
    expect(one.status).toMatchObject({ status: 'inactive' });
    expect(one.tabs).toEqual(['offer', 'product_details']);
  });
});

describe('the background works out statuses and numbers from the page texts (interpret.ts)', () => {
  it('gives the same data when a checked read is checked again', () => {
    const { data } = read('offer-tab-it.html', URLS.offerIt);
    expect(amazonListingEditDataSchema.parse(data)).toEqual(data);
  });

  it('reads Manage All Inventory rows in another language and with decimal commas', () => {
    const rows = interpretInventoryRead({
      marketplace: 'Northwind Apparel | Deutschland',
      rows: [
        {
          status: 'unknown' as const,
          reason: 'Nicht vorrätig',
          status_text: 'Inaktiv: Nicht vorrätig',
          price: null,
          available: null,
          price_text: '27,90 €',
          available_text: '1.200',
        },
      ],
    }).rows;
    expect(rows[0]).toMatchObject({ status: 'inactive', reason: 'Nicht vorrätig', price: 27.9, available: 1200 });
  });
});
