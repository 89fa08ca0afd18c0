// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAmazonAdapter } from './amazon/adapter';
import { loadAmazonFixture } from './amazon/fixture-loader';
import { createPageReader } from './content/reader';
import { createShopifyAdapter } from './shopify/adapter';
import { loadShopifyFixture } from './shopify/fixture-loader';
import type { SnapshotEnvelope } from './snapshot';
import { amazonIdentity, shopifyIdentity } from './snapshot-identity';

const shopify = (id: number) => `https://admin.shopify.com/store/demo-shop/products/${id}`;
const offer = (sku: string) =>
  `https://sellercentral.amazon.de/abis/listing/edit/offer?marketplaceID=A1PA6795UKMFR9&sku=${encodeURIComponent(sku)}&asin=B0CXYZ1234&productType=SHIRT`;

afterEach(() => {
  vi.useRealTimers();
});

describe('Shopify page identity: the product the Variants card links name', () => {
  it('matches the address on the product the page shows', () => {
    const { document } = loadShopifyFixture('product-variant-links.html', shopify(8123456795));
    expect(shopifyIdentity.check(document, new URL(shopify(8123456795)))).toEqual({
      urlId: '8123456795',
      domId: '8123456795',
      stale: false,
    });
  });

  it('is stale when the address already names the next product (SPA switch half-way)', () => {
    const { document } = loadShopifyFixture('product-variant-links.html', shopify(8123456796));
    expect(shopifyIdentity.check(document, new URL(shopify(8123456796)))).toMatchObject({
      domId: '8123456795',
      stale: true,
    });
  });

  it('does not check a page without variant links, nor a page that is not a product', () => {
    const { document } = loadShopifyFixture('product-grouped-variants.html', shopify(8123456796));
    expect(shopifyIdentity.check(document, new URL(shopify(8123456796)))).toMatchObject({ domId: null, stale: false });
    const list = 'https://admin.shopify.com/store/demo-shop/products/inventory';
    expect(shopifyIdentity.check(document, new URL(list))).toEqual({ urlId: null, domId: null, stale: false });
  });

  it('a reader publishes nothing for the old product under the new address, then reports the page as not readable', async () => {
    vi.useFakeTimers();
    const { document } = loadShopifyFixture('product-variant-links.html', shopify(8123456796));
    const sent: SnapshotEnvelope[] = [];
    const reader = createPageReader({
      adapter: createShopifyAdapter(),
      identity: shopifyIdentity,
      doc: document,
      href: () => shopify(8123456796),
      send: (s) => {
        sent.push(s);
      },
    });
    reader.readNow();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recognised: false, data: null, page: 'unknown' });
    expect(sent[0]?.missing[0]).toMatch(/still shows record 8123456795, not 8123456796/);
    reader.disconnect();
  });
});

describe('Seller Central page identity: the Offer tab’s Seller SKU field', () => {
  it('matches the SKU of the address', () => {
    const { document } = loadAmazonFixture('offer-tab-de.html', offer('TEE-CL-BLK-M'));
    expect(amazonIdentity.check(document, new URL(offer('TEE-CL-BLK-M')))).toEqual({
      urlId: 'TEE-CL-BLK-M',
      domId: 'TEE-CL-BLK-M',
      stale: false,
    });
  });

  it('is stale when the address names another SKU than the editor holds; the DOM read alone would publish it', () => {
    const url = offer('TEE-CL-BLK-L');
    const { document } = loadAmazonFixture('offer-tab-de.html', url);
    expect(amazonIdentity.check(document, new URL(url))).toMatchObject({ domId: 'TEE-CL-BLK-M', stale: true });
    // Without the check the old record's offer would go out under the new SKU.
    expect(createAmazonAdapter().extract(document, new URL(url))).toMatchObject({
      recognised: true,
      entityId: 'TEE-CL-BLK-L',
    });
  });

  it('does not check tabs without a Seller SKU field', () => {
    const url = `https://sellercentral.amazon.de/abis/listing/edit/product_details?marketplaceID=A1PA6795UKMFR9&sku=OTHER&asin=B0CXYZ1234&productType=SHIRT`;
    const { document } = loadAmazonFixture('product-details-de.html', url);
    expect(amazonIdentity.check(document, new URL(url))).toMatchObject({ urlId: 'OTHER', domId: null, stale: false });
  });
});
