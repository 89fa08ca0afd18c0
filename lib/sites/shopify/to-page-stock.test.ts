// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { extract } from './extract';
import { toPageStock } from './to-page-stock';

function snapshot(file: string, url: string) {
  document.open();
  document.write(readFileSync(resolve(process.cwd(), 'e2e/fixtures/shopify', file), 'utf8'));
  document.close();
  return checkPageData(extract(document, new URL(url)));
}

describe('Shopify snapshot to page stock', () => {
  it('ties the product page’s two location counts to the Inventory card’s SKU and lists the 3 variants', () => {
    const stock = toPageStock(
      snapshot('product.html', 'https://admin.shopify.com/store/demo-shop/products/8123456789'),
    );
    expect(stock.skus).toEqual(['TEE-CL-BLK-M', 'TEE-CL-BLK-L', 'TEE-CL-BLK-XL']);
    expect(stock.countsSku).toBe('TEE-CL-BLK-M');
    expect(stock.untied).toBe(0);
    expect(stock.rows.map((r) => [r.sku, r.location, r.on_hand])).toEqual([
      ['TEE-CL-BLK-M', 'Brooklyn Warehouse', 14],
      ['TEE-CL-BLK-M', 'Reno Fulfillment Center', 7],
    ]);
  });

  it('reads every row of the inventory list, 7 SKUs at one location, with no counts SKU', () => {
    const stock = toPageStock(
      snapshot('inventory.html', 'https://admin.shopify.com/store/demo-shop/products/inventory'),
    );
    expect(stock.skus).toHaveLength(7);
    expect(stock.skus[6]).toBe('BEANIE-WL-CHR');
    expect(stock.countsSku).toBeNull();
    expect(stock.rows.reduce((a, r) => a + (r.on_hand ?? 0), 0)).toBe(105);
  });

  it('shows nothing for an unrecognised page or no snapshot', () => {
    const snap = snapshot('product.html', 'https://admin.shopify.com/store/demo-shop/products/8123456789');
    const none = { skus: [], rows: [], countsSku: null, untied: 0 };
    expect(toPageStock(checkPageData({ ...snap, recognised: false }))).toEqual(none);
    expect(toPageStock(null)).toEqual(none);
  });
});
