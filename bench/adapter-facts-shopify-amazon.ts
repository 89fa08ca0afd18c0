/**
 * Facts read / facts expected, per Shopify admin and Seller Central fixture variant (issue 13).
 * A fact counts only when the page is recognised (the panel and the engines see nothing of an
 * unrecognised page) and the value read, after the background's schema check, equals the value the
 * fixture shows. Expected values are
 * written from the fixture pages by hand.
 * Run: npx tsx bench/adapter-facts-shopify-amazon.ts [label]   → bench/results/adapter-facts-shopify-amazon[-label].json
 * The same file runs against an older tree (copy it there) to get the "before" column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { safeExtract } from '../lib/sites/adapter';
import { amazonAdapter } from '../lib/sites/amazon/adapter';
import { checkPageData } from '../lib/sites/data-schemas';
import { shopifyAdapter } from '../lib/sites/shopify/adapter';

type Facts = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the data shapes differ between the two trees compared.
type Get = (data: Record<string, any>) => unknown;
interface Case {
  app: 'shopify' | 'amazon';
  file: string;
  url: string;
  expected: Facts;
}

const SHOP = (id: number) => `https://admin.shopify.com/store/demo-shop/products/${id}`;
const SC = (host: string, tab: string, sku: string, asin: string, mkt: string) =>
  `https://${host}/abis/listing/edit/${tab}?marketplaceID=${mkt}&sku=${sku}&asin=${asin}&productType=SHIRT`;

const CASES: Case[] = [
  {
    app: 'shopify',
    file: 'product.html',
    url: SHOP(8123456789),
    expected: {
      title: 'Classic Tee',
      vendor: 'Northwind',
      tags: 'tee,cotton,crewneck,unisex,basics,summer',
      variants: 'TEE-CL-BLK-M:25,TEE-CL-BLK-L:25,TEE-CL-BLK-XL:27',
      images: 3,
      inventory: 'Brooklyn Warehouse:12,Reno Fulfillment Center:7',
    },
  },
  {
    app: 'shopify',
    file: 'product-grouped-variants.html',
    url: SHOP(8123456790),
    expected: {
      title: 'Everyday Hoodie',
      vendor: 'Northwind',
      tags: 'fleece,winter,unisex',
      variants: 'HD-BLK-M:54,HD-BLK-L:56,HD-SND-M:54,HD-SND-L:56',
      variantTitles: 'Black / M,Black / L,Sand / M,Sand / L',
      images: 2,
    },
  },
  {
    app: 'shopify',
    file: 'product-es-combobox.html',
    url: SHOP(8123456791),
    expected: {
      title: 'Camiseta Básica',
      vendor: 'Northwind España',
      tags: 'algodón,verano',
      variants: 'CB-S:19.9,CB-M:1019.9',
      barcodes: '8410000000017,8410000000024',
      images: 1,
    },
  },
  {
    app: 'shopify',
    file: 'product-de-single.html',
    url: SHOP(8123456792),
    expected: {
      title: 'Wollmantel',
      vendor: 'Northwind Deutschland',
      tags: 'wolle,winter',
      variants: 'COAT-WOOL-L:1299',
      inventory: 'Lager Berlin:1204,Lager Wien:3',
    },
  },
  {
    app: 'shopify',
    file: 'product-fr-webcomponents.html',
    url: SHOP(8123456793),
    expected: {
      title: 'Écharpe en laine',
      vendor: 'Atelier Nord',
      tags: 'laine,hiver',
      variants: 'SC-GRIS:39,SC-BLEU:39',
    },
  },
  {
    app: 'shopify',
    file: 'product-ja-no-vendor.html',
    url: SHOP(8123456794),
    expected: { title: 'リネンシャツ', tags: 'リネン,夏', variants: 'LS-M:6980,LS-L:6980' },
  },
  {
    app: 'amazon',
    file: 'listing-edit.html',
    url: `${SC('sellercentral.amazon.com', 'product_details', 'MA023', 'B0CXYZ1234', 'ATVPDKIKX0DER')}#product_details`,
    expected: { sku: 'MA023', brand: 'Northwind', bullets: 5, price: 27, status: 'suppressed' },
  },
  {
    app: 'amazon',
    file: 'offer-tab-de.html',
    url: SC('sellercentral.amazon.de', 'offer', 'TEE-CL-BLK-M', 'B0CXYZ1234', 'A1PA6795UKMFR9'),
    expected: { sku: 'TEE-CL-BLK-M', price: 27.9, list_price: 34.9, quantity: 12, status: 'inactive' },
  },
  {
    app: 'amazon',
    file: 'product-details-de.html',
    url: SC('sellercentral.amazon.de', 'product_details', 'TEE-CL-BLK-M', 'B0CXYZ1234', 'A1PA6795UKMFR9'),
    expected: { sku: 'TEE-CL-BLK-M', brand: 'Northwind', bullets: 3, marketplaceCode: 'DE' },
  },
  {
    app: 'amazon',
    file: 'images-tab-fr.html',
    url: SC('sellercentral.amazon.fr', 'images', 'TEE-CL-BLK-L', 'B0CXYZ1235', 'A13V1IB3VIYZZH'),
    expected: { sku: 'TEE-CL-BLK-L', imageRoles: 'MAIN,PT01', status: 'suppressed' },
  },
  {
    app: 'amazon',
    file: 'offer-tab-ja.html',
    url: SC('sellercentral.amazon.co.jp', 'offer', 'TEE-CL-BLK-M-JP', 'B0CXYZ1299', 'A1VC38T7YXB528'),
    expected: { sku: 'TEE-CL-BLK-M-JP', price: 2980, quantity: 5, status: 'inactive' },
  },
  {
    app: 'amazon',
    file: 'offer-tab-it.html',
    url: SC('sellercentral.amazon.it', 'offer', 'COAT-WOOL-L', 'B0CXYZ1400', 'APJ6JRA9NG5V4'),
    expected: { sku: 'COAT-WOOL-L', price: 1299, quantity: 1200, status: 'incomplete', marketplaceCode: 'IT' },
  },
  {
    app: 'amazon',
    file: 'product-details-es.html',
    url: SC('sellercentral.amazon.es', 'product_details', 'TEE-CL-BLK-XL', 'B0CXYZ1236', 'A1RKKUPIHCS9HS'),
    expected: { sku: 'TEE-CL-BLK-XL', brand: 'Northwind', status: 'suppressed', marketplaceCode: 'ES' },
  },
];

const join = (xs: unknown[] | undefined) => (xs ?? []).join(',');
const SHOPIFY_FACTS: Record<string, Get> = {
  title: (d) => d.product?.title,
  vendor: (d) => d.product?.vendor,
  tags: (d) => join(d.product?.tags),
  variants: (d) => join(d.product?.variants?.map((v: { sku: string; price: number }) => `${v.sku}:${v.price}`)),
  variantTitles: (d) => join(d.product?.variants?.map((v: { title: string }) => v.title)),
  barcodes: (d) => join(d.product?.variants?.map((v: { barcode: string }) => v.barcode)),
  images: (d) => d.product?.images?.length,
  inventory: (d) =>
    join(d.inventory?.map((r: { location: string; available: number }) => `${r.location}:${r.available}`)),
};
const AMAZON_FACTS: Record<string, Get> = {
  sku: (d) => d.sku,
  brand: (d) => d.listing?.brand,
  bullets: (d) => d.listing?.bullets?.length,
  price: (d) => d.listing?.price,
  list_price: (d) => d.listing?.list_price,
  quantity: (d) => d.quantity,
  status: (d) => d.status?.status,
  marketplaceCode: (d) => d.marketplaceCode,
  imageRoles: (d) => join(d.listing?.images?.map((i: { role?: string }) => i.role)),
};

function load(app: string, file: string, url: string): Document {
  const html = readFileSync(resolve(process.cwd(), 'e2e/fixtures', app, file), 'utf8');
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  // A content script sees the page's DOM classes as globals (`instanceof Element`): so does the bench.
  Object.assign(globalThis, { Element: window.Element, HTMLElement: window.HTMLElement, Node: window.Node });
  return window.document as unknown as Document;
}

const rows = CASES.map((c) => {
  const adapter = c.app === 'shopify' ? shopifyAdapter : amazonAdapter;
  // As the background stores it: the page data checked (and, for Seller Central, interpreted) by its schema.
  const snap = checkPageData(safeExtract(adapter, load(c.app, c.file, c.url), new URL(c.url)));
  const facts = c.app === 'shopify' ? SHOPIFY_FACTS : AMAZON_FACTS;
  const data = (snap.data ?? {}) as Record<string, unknown>;
  const wrong: string[] = [];
  let read = 0;
  for (const [name, want] of Object.entries(c.expected)) {
    const got = facts[name]?.(data);
    if (snap.recognised && got === want) read++;
    else wrong.push(`${name}: ${JSON.stringify(got)}${snap.recognised ? '' : ' (page not recognised)'}`);
  }
  return {
    app: c.app,
    file: c.file,
    recognised: snap.recognised,
    read,
    expected: Object.keys(c.expected).length,
    missing: snap.missing,
    wrong,
  };
});

const total = rows.reduce((a, r) => ({ read: a.read + r.read, expected: a.expected + r.expected }), {
  read: 0,
  expected: 0,
});
for (const r of rows)
  console.log(
    `${r.app.padEnd(8)} ${r.file.padEnd(32)} ${r.read}/${r.expected}${r.wrong.length ? `  ✗ ${r.wrong.join('; ')}` : ''}`,
  );
console.log(`total ${total.read}/${total.expected}`);
const label = process.argv[2] ? `-${process.argv[2]}` : '';
writeFileSync(
  resolve(process.cwd(), `bench/results/adapter-facts-shopify-amazon${label}.json`),
  `${JSON.stringify({ loadavg: loadavg(), cpus: cpus().length, total, rows }, null, 2)}\n`,
);
