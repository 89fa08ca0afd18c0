import { describe, expect, it } from 'vitest';
import { amazonRoute, isInventoryList, isListingEdit, isSellerCentralHost } from './urls';

const u = (s: string) => new URL(s);

describe('Seller Central URL detectors', () => {
  it.each([
    'https://sellercentral.amazon.com/home',
    'https://sellercentral.amazon.co.uk/home',
    'https://sellercentral.amazon.co.jp/home',
    'https://sellercentral.amazon.com.mx/home',
    'https://sellercentral-europe.amazon.com/home',
    'https://sellercentral-japan.amazon.com/home',
    'https://sellercentral.amazon.ae/home',
  ])('accepts the host of %s', (s) => {
    expect(isSellerCentralHost(u(s))).toBe(true);
  });

  it.each([
    'https://www.amazon.com/dp/B0CXYZ1234',
    'https://vendorcentral.amazon.com/abis/listing/edit?asin=B0CXYZ1234',
    'https://sellercentral.amazon.com.evil.example/abis/listing/edit?sku=MA023',
    'http://sellercentral.amazon.com/abis/listing/edit?sku=MA023',
    'https://sellercentral.amazon.cn/home',
  ])('rejects the host of %s', (s) => {
    expect(isSellerCentralHost(u(s))).toBe(false);
  });

  it('reads sku, asin, marketplace and product type from the listing editor URL', () => {
    const r = amazonRoute(
      u(
        'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=MA023&asin=B0CXYZ1234&productType=STATIONERY#product_details',
      ),
    );
    expect(r).toEqual({
      page: 'listing-edit',
      sku: 'MA023',
      asin: 'B0CXYZ1234',
      marketplaceId: 'ATVPDKIKX0DER',
      productType: 'STATIONERY',
      tab: 'product_details',
    });
  });

  it.each([
    'https://sellercentral.amazon.com/abis/listing/edit?marketplaceID=ATVPDKIKX0DER&sku=MA023&asin=B0CXYZ1234&productType=SHIRT&ref=xx_myiedit_cont_myifba',
    'https://sellercentral.amazon.de/abis/listing/edit/offer?marketplaceID=A1PA6795UKMFR9&sku=TEE-CL-BLK-M',
    'https://sellercentral-europe.amazon.com/abis/listing/edit/images?sku=TEE-CL-BLK-M',
  ])('recognises the listing editor %s', (s) => {
    expect(isListingEdit(u(s))).toBe(true);
  });

  it.each([
    'https://sellercentral.amazon.com/abis/listing/create?productType=SHIRT',
    'https://sellercentral.amazon.com/abis/listing/syh?asin=B0CXYZ1234',
    'https://sellercentral.amazon.com/abis/ajax/edit',
    'https://sellercentral.amazon.com/myinventory/inventory?searchTerm=MA023',
  ])('does not treat %s as the listing editor', (s) => {
    expect(isListingEdit(u(s))).toBe(false);
  });

  it('recognises Manage All Inventory and not its issue views or the legacy page', () => {
    expect(
      isInventoryList(
        u(
          'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25&searchField=all&searchTerm=MA023&sort=date_created_desc&status=all',
        ),
      ),
    ).toBe(true);
    expect(amazonRoute(u('https://sellercentral.amazon.co.uk/myinventory/inventory?searchTerm=MA023')).sku).toBe(
      'MA023',
    );
    expect(isInventoryList(u('https://sellercentral.amazon.com/myinventory/inventory/views/optimize-listings'))).toBe(
      false,
    );
    expect(
      isInventoryList(u('https://sellercentral.amazon.com/inventory/ref=xx_invmgr_dnav_xx?tbla_myitable=sort:%7B%7D')),
    ).toBe(false);
  });
});
