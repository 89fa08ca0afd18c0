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
    const href = { value: shopify(8123456795) };
    const { document } = loadShopifyFixture('product-variant-links.html', href.value);
    const sent: SnapshotEnvelope[] = [];
    const reader = createPageReader({
      adapter: createShopifyAdapter(),
      identity: shopifyIdentity,
      doc: document,
      href: () => href.value,
      send: (s) => {
        sent.push(s);
      },
    });
    reader.readNow();
    expect(sent.map((s) => [s.entityId, s.recognised])).toEqual([['8123456795', true]]);
    // SPA switch: the address names the next product, the content is still this one.
    href.value = shopify(8123456796);
    reader.locationChanged();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4000);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ recognised: false, data: null, page: 'unknown' });
    expect(sent[1]?.missing[0]).toMatch(/still shows record 8123456795, not 8123456796/);
    // A later change of the old content is still not published as the new product.
    document.querySelector('h1')?.append('!');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
    // The new product renders: read at once, under its own id.
    for (const a of document.querySelectorAll('a[href*="/variants/"]'))
      a.setAttribute('href', (a.getAttribute('href') ?? '').replace('8123456795', '8123456796'));
    document.querySelector('h1')?.append(' II'); // the app re-renders the page (attributes alone are not watched)
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map((s) => [s.entityId, s.recognised])).toEqual([
      ['8123456795', true],
      [null, false],
      ['8123456796', true],
    ]);
    reader.disconnect();
  });

  it('a page as loaded is read as it is: only an address change is checked (Shopify, Seller Central)', () => {
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
    expect(sent.map((s) => s.recognised)).toEqual([true]);
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
