// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkListing } from '../../listings/check';
import { deriveListing } from '../../listings/derive';
import { snapshotEnvelopeSchema } from '../snapshot-schema';
import { locationCountsSku } from './counts-owner';
import { extract, readCollections } from './extract';
import { parseNumber } from './interpret';
import { shopifyInventoryDataSchema, shopifyProductDataSchema } from './schema';
import { queryAll, SELECTORS, type SelectorName } from './selectors';

const FIXTURES = resolve(process.cwd(), 'e2e/fixtures/shopify');
const PRODUCT_URL = new URL('https://admin.shopify.com/store/demo-shop/products/8123456789');
const INVENTORY_URL = new URL('https://admin.shopify.com/store/demo-shop/products/inventory');
const load = (file: string) => {
  document.open();
  document.write(readFileSync(resolve(FIXTURES, file), 'utf8'));
  document.close();
};

describe('Shopify selectors on the product fixture', () => {
  beforeEach(() => load('product.html'));
  const expected: Partial<Record<SelectorName, number>> = {
    pageTitle: 1,
    titleInput: 1,
    descriptionIframe: 1,
    descriptionHidden: 1,
    mediaImages: 3,
    optionRows: 2,
    variantRows: 3,
    locationTable: 1,
    collectionsField: 1,
    seoTitle: 1,
    seoDescription: 1,
  };
  for (const [name, n] of Object.entries(expected)) {
    it(`finds ${n} × ${name}`, () => {
      expect(queryAll(document, name as SelectorName)).toHaveLength(n);
    });
  }
  it('lists alternatives for every selector', () => {
    for (const alts of Object.values(SELECTORS)) expect(alts.length).toBeGreaterThan(0);
  });
});

describe('Shopify product extract', () => {
  beforeEach(() => load('product.html'));

  it('captures the Classic Tee as a canonical product with three variants and two locations', () => {
    const snap = extract(document, PRODUCT_URL);
    expect(snapshotEnvelopeSchema.parse(snap).recognised).toBe(true);
    expect(snap.missing).toEqual([]);
    expect(snap.entityId).toBe('8123456789');
    const data = shopifyProductDataSchema.parse(snap.data);
    expect(data.product).toMatchObject({
      id: '8123456789',
      title: 'Classic Tee',
      vendor: 'Northwind',
      product_type: 'T-Shirt',
      tags: ['tee', 'cotton', 'crewneck', 'unisex', 'basics', 'summer'],
      collections: ['Essentials', 'Summer Edit'],
      seo_title: 'Classic Tee | Northwind',
      handle: 'classic-tee',
      options: [
        { name: 'Color', values: ['Black'] },
        { name: 'Size', values: ['M', 'L', 'XL'] },
      ],
    });
    expect(data.product.variants).toEqual([
      {
        title: 'Black / M',
        options: ['Black', 'M'],
        sku: 'TEE-CL-BLK-M',
        barcode: '036000291452',
        price: 25,
        compare_at_price: 30,
        weight: 0.2,
        weight_unit: 'kg',
      },
      {
        title: 'Black / L',
        options: ['Black', 'L'],
        sku: 'TEE-CL-BLK-L',
        barcode: '850012345671',
        price: 25,
        compare_at_price: 30,
        weight: 0.22,
        weight_unit: 'kg',
      },
      {
        title: 'Black / XL',
        options: ['Black', 'XL'],
        sku: 'TEE-CL-BLK-XL',
        barcode: '850012345672',
        price: 27,
        compare_at_price: null,
        weight: 0.24,
        weight_unit: 'kg',
      },
    ]);
    expect(data.inventory).toEqual([
      { location: 'Brooklyn Warehouse', available: 12, on_hand: 14, committed: 2, incoming: 24 },
      { location: 'Reno Fulfillment Center', available: 7, on_hand: 7, committed: 0, incoming: 0 },
    ]);
    expect(data.status).toBe('ACTIVE');
    // The location counts are the Inventory card's: they belong to its SKU field.
    expect(data.inventorySku).toBe('TEE-CL-BLK-M');
    expect(locationCountsSku(data)).toBe('TEE-CL-BLK-M');
  });

  it('reads the collection chips next to the Collections field, not the option or tag chips', () => {
    expect(document.querySelectorAll('.Polaris-Tag')).toHaveLength(6);
    expect(readCollections(document)).toEqual(['Essentials', 'Summer Edit']);
    // A chip without a text part: its text minus the remove button.
    const chip = document.querySelector('[aria-label="Selected collections"] .Polaris-Tag')!;
    chip.querySelector('.Polaris-Tag__Text')!.outerHTML = 'Essentials';
    expect(readCollections(document)).toEqual(['Essentials', 'Summer Edit']);
  });

  it('finds no collections when the product is in none or the field is gone, and still recognises the page', () => {
    document.querySelector('[aria-label="Selected collections"]')!.remove();
    expect(readCollections(document)).toEqual([]);
    document.querySelector('#CollectionsAutocompleteField1')!.remove();
    const snap = extract(document, PRODUCT_URL);
    expect(snap.recognised).toBe(true);
    expect(shopifyProductDataSchema.parse(snap.data).product.collections).toEqual([]);
  });

  it('does not tie the location counts to a SKU when several variants show and the card has no SKU', () => {
    document.querySelector('#InventoryCardSku')!.closest('.Polaris-FormLayout__Item')!.remove();
    const data = shopifyProductDataSchema.parse(extract(document, PRODUCT_URL).data);
    expect(data.inventorySku).toBeNull();
    expect(data.inventory).toHaveLength(2);
    expect(locationCountsSku(data)).toBeNull();
    // One variant only: its SKU is the only one the counts can belong to.
    expect(
      locationCountsSku({ ...data, product: { ...data.product, variants: data.product.variants.slice(0, 1) } }),
    ).toBe('TEE-CL-BLK-M');
  });

  it('accepts a snapshot recorded before the inventory SKU was read', () => {
    const data = shopifyProductDataSchema.parse(extract(document, PRODUCT_URL).data);
    const { inventorySku: _dropped, ...older } = data;
    expect(shopifyProductDataSchema.parse(older).inventorySku).toBeNull();
  });

  it('reads the description HTML from the hidden field when the TinyMCE iframe has not loaded', () => {
    const data = shopifyProductDataSchema.parse(extract(document, PRODUCT_URL).data);
    expect(data.product.description_html).toContain('<li>Soft 180 gsm combed ring-spun cotton</li>');
  });

  it('prefers the TinyMCE iframe body when it is there', () => {
    const frame = document.querySelector('iframe#product-description_ifr') as HTMLIFrameElement;
    const fdoc = frame.contentDocument;
    if (!fdoc) return expect.fail('happy-dom gave the iframe no document');
    fdoc.body.id = 'tinymce';
    fdoc.body.innerHTML = '<p>Edited in the editor</p>';
    const data = shopifyProductDataSchema.parse(extract(document, PRODUCT_URL).data);
    expect(data.product.description_html).toBe('<p>Edited in the editor</p>');
  });

  it('reads image natural sizes only once the image has loaded', () => {
    const [img, notLoaded] = [...document.querySelectorAll('#MediaCard img')] as HTMLImageElement[];
    if (!img || !notLoaded) return expect.fail('fixture has no media');
    Object.defineProperty(notLoaded, 'complete', { value: false });
    Object.defineProperty(img, 'complete', { value: true });
    Object.defineProperty(img, 'naturalWidth', { value: 1200 });
    Object.defineProperty(img, 'naturalHeight', { value: 1200 });
    const data = shopifyProductDataSchema.parse(extract(document, PRODUCT_URL).data);
    expect(data.product.images[0]).toMatchObject({
      alt: 'Classic Tee in black, front',
      format: 'png',
      width: 1200,
      height: 1200,
    });
    expect(data.product.images[1]?.width).toBeUndefined();
  });

  it('flags the invalid GTIN of the XL variant when the captured product is checked', () => {
    const data = shopifyProductDataSchema.parse(extract(document, PRODUCT_URL).data);
    const d = deriveListing('amazon', data.product, { today: '2026-11-27' });
    expect(d.findings.find((f) => f.rule === 'GTIN-CHECK')?.field).toBe('variants[2].gtin');
    expect(d.ready).toBe(false);
    const shop = checkListing('shopify', deriveListing('shopify', data.product, { today: '2026-11-27' }).listing, {
      today: '2026-11-27',
    });
    expect(shop.findings.map((f) => f.rule)).toContain('SHOP-BARCODE');
  });

  it('names what it could not find on a page without the product form', () => {
    document.body.innerHTML = '<h1 class="Polaris-Header-Title">Classic Tee</h1>';
    const snap = extract(document, PRODUCT_URL);
    expect(snap.recognised).toBe(false);
    // Every field the process needs is named, including vendor and tags (no longer silently empty).
    expect(snap.missing).toEqual([
      'Shopify admin: description editor not found on product page',
      'Shopify admin: variants (table or SKU/price fields) not found on product page',
      'Shopify admin: vendor field not found on product page',
      'Shopify admin: tags field not found on product page',
    ]);
  });
});

describe('Shopify inventory extract', () => {
  beforeEach(() => load('inventory.html'));
  it('reads every row with SKU and quantities at the selected location', () => {
    const snap = extract(document, INVENTORY_URL);
    expect(snap.page).toBe('inventory');
    expect(snap.recognised).toBe(true);
    const data = shopifyInventoryDataSchema.parse(snap.data);
    expect(data.location).toBe('Brooklyn Warehouse');
    expect(data.rows).toHaveLength(7);
    expect(data.rows[0]).toEqual({
      sku: 'TEE-CL-BLK-M',
      title: 'Classic Tee — Black / M',
      location: 'Brooklyn Warehouse',
      available: 12,
      on_hand: 14,
      committed: 2,
      incoming: 24,
    });
  });
  it('returns an unknown page for other admin URLs without throwing', () => {
    const snap = extract(document, new URL('https://admin.shopify.com/store/demo-shop/customers'));
    expect(snap).toMatchObject({ page: 'unknown', recognised: false, data: null });
  });
});

describe('parseNumber', () => {
  it('reads money with separators and returns null for blanks', () => {
    expect(parseNumber('$1,234.50')).toBe(1234.5);
    expect(parseNumber('')).toBeNull();
  });
});
