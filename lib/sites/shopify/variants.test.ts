import { describe, expect, it } from 'vitest';
import { composedShadowRootOf } from '../shadow-root';
import { snapshotEnvelopeSchema } from '../snapshot-schema';
import { createShopifyAdapter } from './adapter';
import { loadShopifyFixture } from './fixture-loader';
import { columnKey } from './labels';
import { type ShopifyProductData, shopifyProductDataSchema } from './schema';

// The evidence-built Shopify admin variants (e2e/fixtures/shopify/README.md), each at its real address.
const url = (id: number) => `https://admin.shopify.com/store/demo-shop/products/${id}`;

function read(file: string, id: number, adapter = createShopifyAdapter()) {
  const { document } = loadShopifyFixture(file, url(id));
  const snap = snapshotEnvelopeSchema.parse(adapter.extract(document, new URL(url(id))));
  return { snap, data: shopifyProductDataSchema.parse(snap.data) as ShopifyProductData };
}

describe('Shopify admin variants', () => {
  it('grouped variants: child rows are the variants, group rows are not; thumbnails are not product images', () => {
    const { snap, data } = read('product-grouped-variants.html', 8123456790);
    expect(snap).toMatchObject({ recognised: true, missing: [] });
    expect(data.product.variants.map((v) => [v.title, v.sku, v.price])).toEqual([
      ['Black / M', 'HD-BLK-M', 54],
      ['Black / L', 'HD-BLK-L', 56],
      ['Sand / M', 'HD-SND-M', 54],
      ['Sand / L', 'HD-SND-L', 56],
    ]);
    expect(data.product.variants[0]?.options).toEqual(['Black', 'M']);
    expect(data.product.images.map((i) => i.alt)).toEqual([
      'Everyday Hoodie in black, front',
      'Everyday Hoodie in black, back',
    ]);
    expect(data.product.vendor).toBe('Northwind');
    expect(data.product.tags).toEqual(['fleece', 'winter', 'unisex']);
  });

  it('Spanish admin: title, vendor and tags by their labels (no name), Spanish headers, decimal commas', () => {
    const { snap, data } = read('product-es-combobox.html', 8123456791);
    expect(snap).toMatchObject({ recognised: true, missing: [] });
    expect(data.product).toMatchObject({
      title: 'Camiseta Básica',
      vendor: 'Northwind España',
      tags: ['algodón', 'verano'],
      collections: ['Básicos'],
      product_type: 'Camiseta',
    });
    expect(data.product.variants.map((v) => [v.title, v.sku, v.price, v.barcode, v.weight, v.weight_unit])).toEqual([
      ['S', 'CB-S', 19.9, '8410000000017', 0.18, 'kg'],
      ['M', 'CB-M', 1019.9, '8410000000024', 0.2, 'kg'],
    ]);
    expect(data.product.images).toHaveLength(1);
  });

  it('German admin: single variant from the cards, "1.299,00", location table with German headers', () => {
    const { snap, data } = read('product-de-single.html', 8123456792);
    expect(snap).toMatchObject({ recognised: true, missing: [] });
    expect(data.product.vendor).toBe('Northwind Deutschland');
    expect(data.product.tags).toEqual(['wolle', 'winter']);
    expect(data.product.variants).toEqual([
      expect.objectContaining({ sku: 'COAT-WOOL-L', price: 1299, compare_at_price: 1499, weight: 1.4 }),
    ]);
    expect(data.inventory).toEqual([
      { location: 'Lager Berlin', available: 1204, on_hand: 1210, committed: 6, incoming: 0 },
      { location: 'Lager Wien', available: 3, on_hand: 3, committed: 0, incoming: 20 },
    ]);
  });

  it('French admin: web-component fields read from their shadow roots, French headers', () => {
    const { snap, data } = read('product-fr-webcomponents.html', 8123456793);
    expect(snap).toMatchObject({ recognised: true, missing: [] });
    expect(data.product).toMatchObject({ title: 'Écharpe en laine', vendor: 'Atelier Nord', tags: ['laine', 'hiver'] });
    expect(data.product.variants.map((v) => [v.title, v.price, v.compare_at_price])).toEqual([
      ['Gris', 39, 49],
      ['Bleu', 39, null],
    ]);
  });

  it('Japanese admin without a vendor field: the page counts, the vendor is named as not found', () => {
    const { snap, data } = read('product-ja-no-vendor.html', 8123456794);
    expect(snap.recognised).toBe(true);
    expect(snap.missing).toEqual(['Shopify admin: vendor field not found on product page']);
    expect(data.product.tags).toEqual(['リネン', '夏']);
    expect(data.product.variants.map((v) => [v.sku, v.price])).toEqual([
      ['LS-M', 6980],
      ['LS-L', 6980],
    ]);
  });
});

describe('closed shadow roots in Chrome and in Firefox (the French vendor field)', () => {
  const TYPED = 'Atelier Nord SARL';
  const load = () => {
    const loaded = loadShopifyFixture('product-fr-webcomponents.html', url(8123456793));
    const host = loaded.document.querySelector('s-internal-text-field[label="Fournisseur"]') as Element;
    // Typed into the field after render: only a reader of the closed root sees it (the attribute still says the old value).
    (loaded.closedRoots.get(host)?.querySelector('input') as HTMLInputElement).value = TYPED;
    return loaded;
  };
  const vendor = (document: Document, shadowOf: ReturnType<typeof composedShadowRootOf>) =>
    (createShopifyAdapter(shadowOf).extract(document, new URL(url(8123456793))).data as ShopifyProductData).product
      .vendor;

  it('Chrome: chrome.dom.openOrClosedShadowRoot', () => {
    const { document, closedRoots } = load();
    const chromeLike = { chrome: { dom: { openOrClosedShadowRoot: (el: Element) => closedRoots.get(el) ?? null } } };
    expect(vendor(document, composedShadowRootOf(chromeLike))).toBe(TYPED);
  });

  it('Firefox: element.openOrClosedShadowRoot', () => {
    const { window, document, closedRoots } = load();
    Object.defineProperty(window.Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return closedRoots.get(this) ?? null;
      },
    });
    try {
      expect(vendor(document, composedShadowRootOf({}))).toBe(TYPED);
    } finally {
      Reflect.deleteProperty(window.Element.prototype, 'openOrClosedShadowRoot');
    }
  });

  it('neither: only what the page rendered into the attribute', () => {
    const { document } = load();
    expect(vendor(document, composedShadowRootOf({}))).toBe('Atelier Nord');
  });
});

describe('table headers in five languages', () => {
  it.each([
    ['Price', 'price'],
    ['Preis', 'price'],
    ['Prix', 'price'],
    ['Precio', 'price'],
    ['価格', 'price'],
    ['Barcode (ISBN, UPC, GTIN, etc.)', 'barcode'],
    ['Código de barras', 'barcode'],
    ['Vorrätig', 'on_hand'],
    ['Compare-at price', 'compare_at_price'],
    ['Something else', null],
  ])('"%s" is %s', (header, key) => {
    expect(columnKey(header)).toBe(key);
  });
});
