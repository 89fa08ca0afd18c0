import { describe, expect, it } from 'vitest';
import { checkListing } from '../../listings/check';
import { listingDrift } from '../../listings/drift';
import { snapshotEnvelopeSchema } from '../snapshot-schema';
import { composedQueryAll } from './dom';
import { extract } from './extract';
import { loadAmazonFixture } from './fixture-loader';
import { marketplaceCode, parseStatus } from './interpret';
import { amazonInventoryDataSchema, amazonListingEditDataSchema } from './schema';

const EDIT_URL =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=MA023&asin=B0CXYZ1234&productType=SHIRT#product_details';
const MYI_URL =
  'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25&searchField=all&searchTerm=MA023&sort=date_created_desc&status=all';

describe('Seller Central selectors on the listing-editor fixture', () => {
  it('finds the field hosts through the composed tree and one alert', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    expect(composedQueryAll(document, 'fieldHosts')).toHaveLength(14);
    expect(composedQueryAll(document, 'alerts')).toHaveLength(1);
    expect(composedQueryAll(document, 'marketplaceSwitcher')).toHaveLength(1);
    expect(composedQueryAll(document, 'saveButton')).toHaveLength(1);
  });
});

describe('Seller Central listing editor extract', () => {
  it('reads every field, the marketplace and the suppression alert from shadow roots', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    const snap = snapshotEnvelopeSchema.parse(extract(document, new URL(EDIT_URL)));
    expect(snap).toMatchObject({
      app: 'amazon',
      page: 'listing-edit',
      entityId: 'MA023',
      recognised: true,
      missing: [],
    });
    const data = amazonListingEditDataSchema.parse(snap.data);
    expect(data).toMatchObject({
      marketplace: 'Demo Store | United States',
      marketplaceCode: 'US',
      marketplaceId: 'ATVPDKIKX0DER',
      asin: 'B0CXYZ1234',
      naming: 'new',
    });
    expect(data.listing.title).toBe(
      'Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women - Soft Breathable Everyday Top! Free Shipping',
    );
    expect(data.listing.brand).toBe('Northwind');
    expect(data.listing.bullets).toHaveLength(5);
    expect(data.listing.search_terms).toContain('nike');
    expect(data.listing.price).toBe(27);
    expect(data.listing.list_price).toBe(30);
    expect(data.listing.gtin).toBe('036000291452');
    expect(data.status).toEqual({
      status: 'suppressed',
      reason: 'main image missing',
      text: expect.stringContaining('Search suppressed'),
    });
  });

  it('reads the Images tab slots with their role and format; the checker flags a measured off-white MAIN', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    const data = amazonListingEditDataSchema.parse(extract(document, new URL(EDIT_URL)).data);
    expect(data.listing.images).toEqual([
      expect.objectContaining({ role: 'MAIN', format: 'png', alt: 'Northwind Classic Tee, front' }),
      expect.objectContaining({ role: 'PT01', format: 'png' }),
    ]);
    expect(data.listing.images?.[0]?.url).toMatch(/^data:image\/png;base64,…\(\d+ chars inline\)$/);
    // happy-dom cannot rasterise: give the MAIN image what the browser measures (e2e/images.spec.ts).
    const [main, ...rest] = data.listing.images ?? [];
    const measured = {
      ...main,
      width: 1000,
      height: 1000,
      corner_rgb: [[244, 243, 239]] as [number, number, number][],
    };
    const ids = checkListing(
      'amazon',
      { ...data.listing, images: [measured, ...rest] },
      { today: '2026-11-27' },
    ).findings.map((f) => f.rule);
    expect(ids).toContain('AMZ-IMG-MAIN-BG');
    expect(ids).not.toContain('AMZ-IMG-MAIN-PRESENT');
  });

  it('feeds the checker: the live title breaks the 2026 title rules', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    const data = amazonListingEditDataSchema.parse(extract(document, new URL(EDIT_URL)).data);
    const rules = checkListing('amazon', data.listing, { today: '2026-11-27' }).findings.map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'AMZ-TITLE-LEN',
        'AMZ-TITLE-CHAR-BANNED',
        'AMZ-TITLE-PROMO',
        'AMZ-BULLET-CHARS',
        'AMZ-BULLET-EXTERNAL',
        'AMZ-BULLET-CLAIMS',
        'AMZ-KW-PROHIBITED',
      ]),
    );
  });

  it('reports drift against a canonical variant field by field', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    const live = amazonListingEditDataSchema.parse(extract(document, new URL(EDIT_URL)).data).listing;
    const drift = listingDrift({ ...live, title: 'Northwind Classic Tee Cotton Crew Neck T-Shirt', price: 25 }, live);
    expect(drift.filter((d) => d.status !== 'same').map((d) => d.field)).toEqual(['title', 'price']);
  });

  it('reads the old field naming, and a closed shadow root only with the extension hook', () => {
    const { document, closedRoots } = loadAmazonFixture('listing-edit-legacy.html', EDIT_URL);
    const plain = amazonListingEditDataSchema.parse(extract(document, new URL(EDIT_URL)).data);
    expect(plain.naming).toBe('old');
    expect(plain.listing.title).toMatch(/^Northwind Classic Tee/);
    expect(plain.listing.bullets).toHaveLength(5);
    expect(plain.listing.brand).toBe('Northwind'); // from the host's value attribute: the closed root hides the input
    const hooked = amazonListingEditDataSchema.parse(
      extract(document, new URL(EDIT_URL), { shadowRootOf: (el) => closedRoots.get(el) ?? null }).data,
    );
    expect(hooked.listing.brand).toBe('Northwind');
    expect(Object.keys(hooked.fields)).toContain('brand');
  });

  it('names what it could not find on an editor page without fields', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    document.body.innerHTML = '<h1>Edit Product Info</h1>';
    const snap = extract(document, new URL(EDIT_URL));
    expect(snap.recognised).toBe(false);
    expect(snap.missing).toEqual([
      'Seller Central: listing editor fields (kat-* hosts) not found on listing editor',
      'Seller Central: marketplace switcher not found on listing editor',
    ]);
  });
});

describe('Seller Central Manage All Inventory extract', () => {
  const expectRows = (rows: unknown) =>
    expect(rows).toEqual([
      expect.objectContaining({
        sku: 'MA023',
        asin: 'B0CXYZ1234',
        status: 'suppressed',
        reason: 'Main image missing',
        price: 27,
        available: 14,
      }),
      expect.objectContaining({ sku: 'TEE-CL-BLK-M', status: 'active', reason: null, price: 25, available: 12 }),
      expect.objectContaining({ sku: 'TEE-CL-BLK-L', status: 'inactive', reason: 'Out of stock', available: 0 }),
      expect.objectContaining({ sku: 'HD-EV-GRY-M', status: 'active' }),
      expect.objectContaining({ sku: 'TOTE-CNV-NAT', status: 'inactive', reason: 'Provide missing information' }),
    ]);

  it('reads status and reason from the table variant', () => {
    const { document } = loadAmazonFixture('inventory.html', MYI_URL);
    const data = amazonInventoryDataSchema.parse(extract(document, new URL(MYI_URL)).data);
    expect(data.layout).toBe('table');
    expectRows(data.rows);
  });

  it('reads the same rows from the card variant', () => {
    const { document } = loadAmazonFixture('inventory-cards.html', MYI_URL);
    const data = amazonInventoryDataSchema.parse(extract(document, new URL(MYI_URL)).data);
    expect(data.layout).toBe('cards');
    expectRows(data.rows);
  });
});

describe('status vocabulary', () => {
  it.each([
    ['Active', 'active', null],
    ['Inactive: Out of stock', 'inactive', 'Out of stock'],
    ['Search suppressed: No image available', 'suppressed', 'No image available'],
    ['Detail page removed', 'suppressed', null],
    ['Incomplete', 'incomplete', 'Provide missing information'],
  ])('reads "%s" as %s', (text, status, reason) => {
    expect(parseStatus(text)).toMatchObject({ status, reason });
  });
  it('maps switcher labels to store codes', () => {
    expect(marketplaceCode('Demo Store | Japan')).toBe('JP');
    expect(marketplaceCode('Demo Store')).toBeNull();
  });
});
