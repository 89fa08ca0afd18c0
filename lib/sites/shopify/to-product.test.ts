// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { extract } from './extract';
import { toProductRead } from './to-product';

const PRODUCT_URL = 'https://admin.shopify.com/store/demo-shop/products/8123456789';

function productSnapshot() {
  document.open();
  document.write(readFileSync(resolve(process.cwd(), 'e2e/fixtures/shopify/product.html'), 'utf8'));
  document.close();
  return checkPageData(extract(document, new URL(PRODUCT_URL)));
}

describe('Shopify product snapshot to canonical product', () => {
  it('reads the Classic Tee with its status badge and the page it came from', () => {
    const read = toProductRead(productSnapshot());
    expect(read?.product).toMatchObject({ id: '8123456789', title: 'Classic Tee' });
    expect(read?.product.variants.map((v) => v.sku)).toEqual(['TEE-CL-BLK-M', 'TEE-CL-BLK-L', 'TEE-CL-BLK-XL']);
    expect(read?.shopifyStatus).toBe('ACTIVE');
    expect(read?.source).toBe(PRODUCT_URL);
  });

  it('is null for an unrecognised page, another page kind or no snapshot', () => {
    const snap = productSnapshot();
    expect(toProductRead(checkPageData({ ...snap, recognised: false }))).toBeNull();
    expect(toProductRead(checkPageData({ ...snap, page: 'inventory', recognised: false }))).toBeNull();
    expect(toProductRead(null)).toBeNull();
  });
});
