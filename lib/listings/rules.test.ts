import { describe, expect, it } from 'vitest';
import { CHANNEL_TABLES, checkListing, rulesFor } from './check';
import type { AmazonTitlePolicy, Channel, ChannelListing } from './types';
import { CHANNELS } from './types';

const WHITE: [number, number, number][] = [
  [255, 255, 255],
  [255, 255, 255],
  [255, 255, 255],
  [255, 255, 255],
];
const img = (over: Partial<NonNullable<ChannelListing['images']>[number]> = {}) => ({
  role: 'PT01',
  format: 'jpeg',
  width: 2200,
  height: 2200,
  file_mb: 1.2,
  corner_rgb: WHITE,
  product_fill: 0.9,
  url: 'https://cdn.example.net/tee.jpg',
  ...over,
});
const SIX_IMAGES = [img({ role: 'MAIN' }), img(), img(), img(), img(), img()];

/** A listing that passes every rule of every channel (checked below). */
const CLEAN: ChannelListing = {
  title: 'Northwind Classic Tee Cotton T-Shirt, Black, Medium',
  brand: 'Northwind',
  product_type: 'SHIRT',
  item_type_keyword: 't-shirt',
  bullets: [
    'Soft cotton: 180 gsm combed ring-spun cotton that keeps its shape',
    'Relaxed fit: cut straight through the body with a ribbed crew neck',
    'Easy care: machine wash cold with like colours and tumble dry low',
    'Pre-shrunk fabric: stays true to size wash after wash',
    'Tag-free neck label: printed care details for all-day comfort',
  ],
  description: Array.from({ length: 16 }, () => 'The tee is soft and cool to wear all day.').join(' '),
  search_terms: 'crewneck tshirt unisex casual summer top',
  gtin: '036000291452',
  price: 25,
  images: SIX_IMAGES,
  attributes: { mpn: 'TEE-CL', size_chart: 'S|M|L grid' },
};

type Case = {
  channel: Channel;
  policy?: AmazonTitlePolicy;
  breaks: Partial<ChannelListing>;
  respects?: Partial<ChannelListing>;
};
const a = (breaks: Partial<ChannelListing>, respects?: Partial<ChannelListing>, policy?: AmazonTitlePolicy): Case => ({
  channel: 'amazon',
  breaks,
  respects,
  policy,
});
const attrs = (x: Record<string, unknown>) => ({ attributes: { ...CLEAN.attributes, ...x } });
const bullets = (...extra: string[]) => ({ bullets: [...extra, ...(CLEAN.bullets ?? []).slice(extra.length)] });

const CASES: Record<string, Case> = {
  // Amazon title
  'AMZ-TITLE-LEN': a({ title: `${CLEAN.title} with Reinforced Shoulder Seams and Side Vents` }),
  'AMZ-TITLE-CHAR-BANNED': a(
    { title: 'Northwind Classic Tee Cotton T-Shirt!' },
    { brand: 'Yo!', title: 'Yo! Classic Tee Cotton T-Shirt' },
    'amazon-2025-01',
  ),
  'AMZ-TITLE-CHAR-CONTEXT': a(
    { title: 'Northwind <<Classic>> Tee T-Shirt' },
    { title: 'Northwind Classic Tee T-Shirt Style #4301' },
  ),
  'AMZ-TITLE-REPEAT': a({ title: 'Northwind Tee T-Shirt Tee Shirt Tee' }),
  'AMZ-TITLE-PROMO': a({ title: 'Northwind Classic Tee T-Shirt Free Shipping' }),
  'AMZ-TITLE-RESTRICTED-PHRASE': a({ title: 'Northwind Classic T-Shirt FSA/HSA Eligible' }),
  'AMZ-TITLE-SUBJECTIVE': a({ title: 'Northwind Classic T-Shirt Best Seller' }),
  'AMZ-TITLE-MININFO': a({ title: 'Northwind Classic Tee Cotton Crewneck' }),
  'AMZ-TITLE-CAPS': a({ title: 'NORTHWIND CLASSIC TEE COTTON T-SHIRT BLACK' }),
  'AMZ-TITLE-NUMERALS': a(
    { title: 'Northwind Classic T-Shirt Two Pack' },
    { title: 'Northwind Classic T-Shirt 2-Pack' },
  ),
  'AMZ-TITLE-NONLANG': a({ title: 'Northwind Classic T-Shirt ★ Black' }),
  'AMZ-TITLE-VARIATION': a({ title: 'Northwind Classic T-Shirt Available in 6 Colors' }),
  'AMZ-TITLE-ORDER': a({ title: 'Classic Cotton T-Shirt by Northwind' }),
  'AMZ-HIGHLIGHTS-LEN': a({ highlights: 'x'.repeat(126) }, { highlights: 'Combed cotton, relaxed fit, tag-free' }),
  // Amazon bullets
  'AMZ-BULLET-COUNT': a({ bullets: [...(CLEAN.bullets ?? []), 'Sixth bullet with more detail here'] }),
  'AMZ-BULLET-LEN': a(bullets('x'.repeat(256))),
  'AMZ-BULLET-TOTAL': a({ bullets: Array.from({ length: 5 }, (_, i) => `Detail ${i}: ${'word '.repeat(45)}`.trim()) }),
  'AMZ-BULLET-FORMAT': a(bullets('soft cotton that keeps its shape.')),
  'AMZ-BULLET-CHARS': a(bullets('Soft cotton™ that keeps its shape')),
  'AMZ-BULLET-PLACEHOLDER': a(bullets('Care: N/A for this product')),
  'AMZ-BULLET-ASIN': a(bullets('Pairs with our hoodie B0CXYZ1234')),
  'AMZ-BULLET-CLAIMS': a(bullets('Eco-friendly dye on soft cotton')),
  'AMZ-BULLET-GUARANTEE': a(bullets('Full refund if it ever shrinks')),
  'AMZ-BULLET-EXTERNAL': a(bullets('Questions: write to help@northwind.com')),
  'AMZ-BULLET-DUPLICATE': a({
    bullets: [
      'Soft cotton that keeps its shape',
      'Soft cotton that keeps its shape',
      'Relaxed fit with a ribbed crew neck',
    ],
  }),
  'AMZ-BULLET-COMPARE': a(bullets('Softer and better than other brands')),
  // Amazon description, page-wide, search terms
  'AMZ-DESC-HTML': a({ description: '<p>Soft cotton</p>' }, { description: 'Soft cotton<br>Relaxed fit' }),
  'AMZ-DESC-LEN': a({ description: 'word '.repeat(401) }),
  'AMZ-DESC-APLUS': a(attrs({ aplus_live: true })),
  'AMZ-PDP-PROHIBITED': a({ description: 'Soft cotton. Visit www.northwind.com for more.' }),
  'AMZ-PDP-LANGUAGE': a({ title: 'Северный ветер футболка хлопок' }),
  'AMZ-KW-BYTES': a({ search_terms: 'tshirtä '.repeat(28).trim() }),
  'AMZ-KW-PROHIBITED': a({ search_terms: 'crewneck nike tshirt' }),
  'AMZ-KW-FORMAT': a({ search_terms: 'Crewneck, tshirt, tshirt' }),
  'AMZ-KW-REQUIRED': a({ product_type: 'BLANKET', search_terms: '' }, { product_type: 'BLANKET' }),
  // Amazon images
  'AMZ-IMG-MAIN-PRESENT': a({ images: [] }),
  'AMZ-IMG-FORMAT': a({ images: [img({ role: 'MAIN', format: 'webp' }), ...SIX_IMAGES.slice(1)] }),
  'AMZ-IMG-SIZE': a({ images: [img({ role: 'MAIN', width: 450, height: 450 }), ...SIX_IMAGES.slice(1)] }),
  'AMZ-IMG-MAIN-BG': a({ images: [img({ role: 'MAIN', corner_rgb: [[254, 254, 253]] }), ...SIX_IMAGES.slice(1)] }),
  'AMZ-IMG-MAIN-FILL': a({ images: [img({ role: 'MAIN', product_fill: 0.8 }), ...SIX_IMAGES.slice(1)] }),
  'AMZ-IMG-MAIN-CONTENT': a({ images: [img({ role: 'MAIN', has_overlay: true }), ...SIX_IMAGES.slice(1)] }),
  'AMZ-IMG-COUNT': a({ images: SIX_IMAGES.slice(0, 3) }),
  'AMZ-IMG-CATEGORY': a(
    { images: [img({ role: 'MAIN', on_model: false }), ...SIX_IMAGES.slice(1)] },
    { images: [img({ role: 'MAIN', on_model: true }), ...SIX_IMAGES.slice(1)] },
  ),
  // Amazon claims, price, identifiers
  'AMZ-CLAIM-DISEASE': a({ description: 'This tea helps prevent cancer and keeps you calm.' }),
  'AMZ-CLAIM-PESTICIDE': a({ description: 'Fabric kills 99.9% of germs on contact.' }),
  'AMZ-CLAIM-ENVIRONMENTAL': a(
    { description: 'A biodegradable tee.' },
    { description: 'Made of cotton grown in Texas.' },
  ),
  'AMZ-PRICE-FAIR': a(
    { price: 60, ...attrs({ pack_qty: 2, single_unit_price: 25 }) },
    { price: 45, ...attrs({ pack_qty: 2, single_unit_price: 25 }) },
  ),
  'AMZ-GTIN': a({ gtin: undefined }, { gtin: undefined, ...attrs({ gtin_exemption: true }) }),
  'AMZ-BRAND': a({ brand: undefined, title: 'Classic Tee Cotton T-Shirt' }),
  // Shared GTIN rules
  'GTIN-FORMAT': a({ gtin: '03600029145' }),
  'GTIN-CHECK': a({ gtin: '850012345672' }, { gtin: '850012345671' }),
  'GTIN-PREFIX': a({ gtin: '400123456782' }, { gtin: '4006381333931' }),
  'GTIN-LEVEL': a({ gtin: '10036000291459' }, { gtin: '00036000291452' }),
  'GTIN-REGISTRY': a(
    attrs({ gs1_company_name: 'Acme Barcodes Ltd' }),
    attrs({ gs1_company_name: 'Northwind Apparel Inc' }),
  ),
  'GTIN-UNIQUE': a({
    variants: [
      { sku: 'TEE-BLK-M', gtin: '036000291452', options: ['Black', 'M'] },
      { sku: 'TEE-BLK-L', gtin: '036000291452', options: ['Black', 'L'] },
    ],
  }),
  // Walmart
  'WMT-TITLE-LEN': { channel: 'walmart', breaks: { title: `Northwind ${'Cotton T-Shirt '.repeat(12)}`.trim() } },
  'WMT-TITLE-CHARS': { channel: 'walmart', breaks: { title: 'Northwind Classic T-Shirt *Black*' } },
  'WMT-TITLE-PROMO': { channel: 'walmart', breaks: { title: 'Northwind Classic T-Shirt Top Rated' } },
  'WMT-RETAILER-REF': {
    channel: 'walmart',
    breaks: { description: 'The same tee we sell on Amazon.' },
    respects: { description: 'Our target customer loves cotton.' },
  },
  'WMT-TITLE-IRRELEVANT': { channel: 'walmart', breaks: { title: 'Northwind Classic T-Shirt Coming Soon' } },
  'WMT-URL': {
    channel: 'walmart',
    breaks: { bullets: ['See northwind.shop for sizes', ...(CLEAN.bullets ?? []).slice(1)] },
  },
  'WMT-LANG': { channel: 'walmart', breaks: { title: 'ノースウィンド クラシック Tシャツ' } },
  'WMT-TITLE-YEAR': {
    channel: 'walmart',
    breaks: { title: 'Northwind Classic T-Shirt 2026' },
    respects: { title: 'Northwind Power Bank 2000 mAh' },
  },
  'WMT-TITLE-REPEAT': { channel: 'walmart', breaks: { title: 'Northwind Shirt Tee Shirt Cotton Shirt' } },
  'WMT-AUTHENTICITY': { channel: 'walmart', breaks: { title: 'Northwind Classic T-Shirt Genuine' } },
  'WMT-KF-COUNT': { channel: 'walmart', breaks: { bullets: ['Soft cotton that keeps its shape'] } },
  'WMT-KF-CONTENT': { channel: 'walmart', breaks: bullets('Soft cotton, free shipping') },
  'WMT-DESC': { channel: 'walmart', breaks: { description: '' } },
  'WMT-IMG-FILE': {
    channel: 'walmart',
    breaks: { images: [img({ role: 'MAIN', format: 'gif' }), ...SIX_IMAGES.slice(1)] },
  },
  'WMT-IMG-MAIN': {
    channel: 'walmart',
    breaks: { images: [img({ role: 'MAIN', corner_rgb: [[250, 250, 250]] }), ...SIX_IMAGES.slice(1)] },
  },
  'WMT-IMG-URL': {
    channel: 'walmart',
    breaks: { images: [img({ role: 'MAIN', url: 'https://cdn.example.net/tee.jpg?v=3' }), ...SIX_IMAGES.slice(1)] },
  },
  'WMT-IMG-COUNT': { channel: 'walmart', breaks: { images: SIX_IMAGES.slice(0, 2) } },
  'WMT-GTIN': { channel: 'walmart', breaks: { gtin: undefined } },
  'WMT-PRICE': {
    channel: 'walmart',
    breaks: { price: 40, ...attrs({ reference_price: 25 }) },
    respects: { price: 27, ...attrs({ reference_price: 25 }) },
  },
  // eBay
  'EBAY-TITLE-LEN': { channel: 'ebay', breaks: { title: `${CLEAN.title} with Reinforced Seams and Side Vents` } },
  'EBAY-SUBTITLE-LEN': {
    channel: 'ebay',
    breaks: { subtitle: 'x'.repeat(56) },
    respects: { subtitle: 'Combed cotton, relaxed fit' },
  },
  'EBAY-CHARS': { channel: 'ebay', breaks: { title: 'Northwind Classic T-Shirt ♥ Black' } },
  'EBAY-KEYWORD-SPAM': { channel: 'ebay', breaks: { title: 'Northwind Tee like Nike Dri-Fit Shirt' } },
  'EBAY-ASPECTS': {
    channel: 'ebay',
    breaks: attrs({ required_aspects: ['Size', 'Color'], aspects: { Size: 'M' } }),
    respects: attrs({ required_aspects: ['Size'], aspects: { Size: 'M' } }),
  },
  'EBAY-PRODUCT-ID': {
    channel: 'ebay',
    breaks: { gtin: undefined },
    respects: { gtin: undefined, ...attrs({ condition: 'used' }) },
  },
  'EBAY-DESC-LEN': { channel: 'ebay', breaks: { description: 'x'.repeat(4001), ...attrs({ api: 'inventory' }) } },
  'EBAY-DESC-ACTIVE': {
    channel: 'ebay',
    breaks: { description: '<p onclick="go()">Soft cotton</p>' },
    respects: { description: '<p><b>Soft</b> cotton</p>' },
  },
  'EBAY-LINKS-CONTACT': {
    channel: 'ebay',
    breaks: { description: 'Sizes at http://northwind.com/sizes' },
    respects: { description: 'Video: https://www.ebay.com/itm/123' },
  },
  'EBAY-DESC-MOBILE': {
    channel: 'ebay',
    breaks: { description: 'word '.repeat(200) },
    respects: { description: `<div itemprop="description">Short</div>${'word '.repeat(200)}` },
  },
  'EBAY-PHOTO': { channel: 'ebay', breaks: { images: [] } },
  'EBAY-PHOTO-COUNT': { channel: 'ebay', breaks: { images: Array.from({ length: 25 }, () => img()) } },
  // Target Plus
  'TGT-UPC': { channel: 'target', breaks: { gtin: '00036000291452' }, respects: { gtin: '036000291452' } },
  'TGT-TITLE-RECIPE': { channel: 'target', breaks: { title: 'Classic Cotton Crewneck by Northwind' } },
  'TGT-VARIATION-TITLE': {
    channel: 'target',
    breaks: { ...attrs({ parentage: 'child', color: 'Navy' }) },
    respects: { title: 'Northwind Classic Tee Cotton T-Shirt Navy', ...attrs({ parentage: 'child', color: 'Navy' }) },
  },
  'TGT-TITLE-QUALITY': { channel: 'target', breaks: { title: 'Northwind Classic Tee Cotton T-Shirt Shirt shirt' } },
  'TGT-COLOR': { channel: 'target', breaks: { title: 'Northwind Classic T-Shirt Black White Red' } },
  'TGT-INCLUSIVE': { channel: 'target', breaks: { description: 'A gypsy-inspired print.' } },
  'TGT-COMPLIANCE': { channel: 'target', breaks: { description: 'Antimicrobial fabric.' } },
  'TGT-SIZECHART': { channel: 'target', breaks: { attributes: {} } },
  // Faire
  'FAI-PRICE-PARITY': {
    channel: 'faire',
    breaks: { price: 13, ...attrs({ retail_price: 26, other_wholesale_prices: [12.5] }) },
    respects: { price: 12, ...attrs({ retail_price: 26, other_wholesale_prices: [12.5] }) },
  },
  'FAI-PRICE-RATIO': {
    channel: 'faire',
    breaks: { price: 22, ...attrs({ retail_price: 25 }) },
    respects: { price: 12.5, ...attrs({ retail_price: 25 }) },
  },
  'FAI-PRICE-KEYSTONE': {
    channel: 'faire',
    breaks: { price: 17, ...attrs({ retail_price: 25 }) },
    respects: { price: 12.5, ...attrs({ retail_price: 25 }) },
  },
  'FAI-CASE-MOQ': {
    channel: 'faire',
    breaks: attrs({ sell_by_case: true, case_size: 6, moq: 4 }),
    respects: attrs({ sell_by_case: true, case_size: 6, moq: 6 }),
  },
  'FAI-BUNDLE': { channel: 'faire', breaks: { title: 'Northwind Tee and Socks Bundle' } },
  'FAI-DESC-HTML': { channel: 'faire', breaks: { description: '<p>Soft cotton</p>' } },
  // Shopify
  'SHOP-TITLE-LEN': { channel: 'shopify', breaks: { title: 'x'.repeat(256) } },
  'SHOP-SEO-TITLE': {
    channel: 'shopify',
    breaks: { seo_title: 'x'.repeat(71) },
    respects: { seo_title: 'Classic Tee | Northwind' },
  },
  'SHOP-SEO-DESC': {
    channel: 'shopify',
    breaks: { seo_description: 'x'.repeat(321) },
    respects: { seo_description: 'Soft combed cotton tee.' },
  },
  'SHOP-OPTIONS': {
    channel: 'shopify',
    breaks: { options: ['Color', 'Size', 'Fit', 'Sleeve'].map((name) => ({ name, values: ['A'] })) },
  },
  'SHOP-VARIANTS': {
    channel: 'shopify',
    breaks: { variants: Array.from({ length: 2049 }, (_, i) => ({ sku: `S${i}`, options: [] })) },
  },
  'SHOP-PRICE': { channel: 'shopify', breaks: { price: -1 } },
  'SHOP-COMPARE-AT': {
    channel: 'shopify',
    breaks: { variants: [{ sku: 'T', price: 25, compare_at_price: 25, options: [] }] },
    respects: { variants: [{ sku: 'T', price: 25, compare_at_price: 30, options: [] }] },
  },
  'SHOP-BARCODE': { channel: 'shopify', breaks: { gtin: '850012345672' } },
  'SHOP-TAGS': { channel: 'shopify', breaks: { tags: Array.from({ length: 251 }, (_, i) => `t${i}`) } },
  'SHOP-HANDLE': { channel: 'shopify', breaks: { handle: 'classic tee' }, respects: { handle: 'classic-tee' } },
};

const TODAY = '2026-11-27';
const ruleIds = (c: Channel, l: ChannelListing, policy?: AmazonTitlePolicy) =>
  checkListing(c, l, { today: TODAY, policy }).findings.map((f) => f.rule);

describe('channel rule tables', () => {
  it('have a break/respect case for every rule of every table', () => {
    const ids = new Set(Object.values(CHANNEL_TABLES).flatMap((ts) => ts.flatMap((t) => t.rules.map((r) => r.id))));
    expect([...ids].filter((id) => !(id in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('use only the reference severities and say "uncertain:" in uncertain rules', () => {
    for (const c of CHANNELS)
      for (const r of rulesFor(c)) {
        expect(['blocks_submission', 'suppresses_listing', 'recommendation']).toContain(r.severity);
        expect(r.message.startsWith('uncertain:')).toBe(r.uncertain === true);
      }
  });

  it.each(CHANNELS)('passes the clean listing on %s', (c) => {
    expect(checkListing(c, CLEAN, { today: TODAY })).toEqual({ verdict: 'pass', findings: [] });
  });

  for (const [id, k] of Object.entries(CASES)) {
    it(`${id}: reports a listing that breaks it`, () => {
      expect(ruleIds(k.channel, { ...CLEAN, ...k.breaks }, k.policy)).toContain(id);
    });
    it(`${id}: accepts a listing that respects it`, () => {
      expect(ruleIds(k.channel, { ...CLEAN, ...(k.respects ?? {}) }, k.policy)).not.toContain(id);
    });
  }
});

describe('rule state', () => {
  it('gives the same findings when the same listing is checked twice (no regex state carried over)', () => {
    const l: ChannelListing = {
      ...CLEAN,
      brand: 'Yo!',
      title: 'Yo! Classic Tee T-Shirt!',
      bullets: [
        'Antibacterial finish on soft cotton',
        'Antimicrobial and eco-friendly dye',
        'Soft cotton that keeps its shape',
      ],
    };
    const first = checkListing('amazon', l, { today: TODAY });
    expect(checkListing('amazon', l, { today: TODAY })).toEqual(first);
  });
});
