import { describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { extract } from './extract';
import { loadAmazonFixture } from './fixture-loader';
import { toEditorPage, toInventoryPage } from './to-listing';

const EDIT_URL =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=MA023&asin=B0CXYZ1234&productType=SHIRT#product_details';
const MYI_URL = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';

const snapshotOf = (file: string, url: string) =>
  checkPageData(extract(loadAmazonFixture(file, url).document, new URL(url)));

describe('Seller Central snapshots to the listings engine’s pages', () => {
  it('reads the editor’s SKU, live listing and suppression alert', () => {
    const page = toEditorPage(snapshotOf('listing-edit.html', EDIT_URL));
    expect(page).toMatchObject({ sku: 'MA023', asin: 'B0CXYZ1234', marketplace: 'Demo Store | United States' });
    expect(page?.live.title).toMatch(/^Northwind Classic Tee/);
    expect(page?.status?.status).toBe('suppressed');
  });

  it('reads every inventory row with its status, and nothing from the wrong page', () => {
    const inventory = snapshotOf('inventory.html', MYI_URL);
    const page = toInventoryPage(inventory);
    expect(page?.rows.slice(0, 3)).toEqual([
      {
        sku: 'MA023',
        asin: 'B0CXYZ1234',
        title: expect.any(String),
        status: 'suppressed',
        reason: 'Main image missing',
      },
      { sku: 'TEE-CL-BLK-M', asin: expect.anything(), title: expect.any(String), status: 'active', reason: null },
      {
        sku: 'TEE-CL-BLK-L',
        asin: expect.anything(),
        title: expect.any(String),
        status: 'inactive',
        reason: 'Out of stock',
      },
    ]);
    expect(toEditorPage(inventory)).toBeNull();
    expect(toInventoryPage(null)).toBeNull();
  });
});
