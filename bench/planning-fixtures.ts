/**
 * Generates the planning fixtures in e2e/fixtures/planning/ (deterministic: seeded PRNG).
 * Run: npx tsx bench/planning-fixtures.ts
 *
 * The story (demo "today" is 2026-11-27, Black Friday): a small apparel-and-home brand selling
 * on its Shopify web shop, a SoHo store (POS) and Amazon, 15 SKUs, history from 2025-09-01.
 * Built in: a winter-seasonal beanie and blanket, a growing tee, a hoodie that was out of stock
 * Sep 10–Oct 4 2026 (zero sales, censored), a new sage tee (5 weeks), a bottle that started on
 * Amazon 20 days ago (first-time market), a gift set bundle (mug + candle), Black Friday 2025,
 * cancelled and refunded orders, a Shopify/3PL disagreement, a stale 3PL line, a negative
 * on-hand, a candle never counted, a supplier line without lead time and one without MOQ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { mulberry32, poisson } from '../lib/util/random';

const OUT = new URL('../e2e/fixtures/planning/', import.meta.url);

const DAY = 86_400_000;
const day = (s: string) => Math.round(Date.parse(`${s}T00:00:00Z`) / DAY);
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

const TODAY = day('2026-11-27');
const START = day('2025-09-01');

interface Sku {
  sku: string;
  title: string;
  handle: string;
  option: string;
  price: number;
  /** Units/day by channel at the start of history. */
  web: number;
  pos: number;
  amazon: number;
  /** Growth per year (0.3 = +30%/yr). */
  growth: number;
  /** Winter seasonality amplitude (peak late December). */
  winter: number;
  firstDay?: number;
  amazonFrom?: number;
  outOfStock?: [number, number];
}

const SKUS: Sku[] = [
  {
    sku: 'TEE-BLK-M',
    title: 'Everyday Tee',
    handle: 'everyday-tee',
    option: 'Black / M',
    price: 28,
    web: 3.2,
    pos: 0.8,
    amazon: 1.4,
    growth: 0.1,
    winter: 0,
  },
  {
    sku: 'TEE-BLK-L',
    title: 'Everyday Tee',
    handle: 'everyday-tee',
    option: 'Black / L',
    price: 28,
    web: 2.6,
    pos: 0.6,
    amazon: 1.1,
    growth: 0.1,
    winter: 0,
  },
  {
    sku: 'TEE-WHT-M',
    title: 'Everyday Tee',
    handle: 'everyday-tee',
    option: 'White / M',
    price: 28,
    web: 1.6,
    pos: 0.5,
    amazon: 0.9,
    growth: 0.6,
    winter: 0,
  },
  {
    sku: 'TEE-SAGE-M',
    title: 'Everyday Tee',
    handle: 'everyday-tee',
    option: 'Sage / M',
    price: 30,
    web: 2.2,
    pos: 0.4,
    amazon: 0,
    growth: 0,
    winter: 0,
    firstDay: TODAY - 35,
  },
  {
    sku: 'HOOD-GRY-M',
    title: 'Fleece Hoodie',
    handle: 'fleece-hoodie',
    option: 'Grey / M',
    price: 68,
    web: 1.3,
    pos: 0.3,
    amazon: 0.5,
    growth: 0.05,
    winter: 0.5,
  },
  {
    sku: 'HOOD-GRY-L',
    title: 'Fleece Hoodie',
    handle: 'fleece-hoodie',
    option: 'Grey / L',
    price: 68,
    web: 1.1,
    pos: 0.2,
    amazon: 0.4,
    growth: 0.05,
    winter: 0.5,
    outOfStock: [day('2026-09-10'), day('2026-10-04')],
  },
  {
    sku: 'BEANIE-RED',
    title: 'Rib Beanie',
    handle: 'rib-beanie',
    option: 'Red',
    price: 24,
    web: 1.0,
    pos: 0.4,
    amazon: 0.6,
    growth: 0,
    winter: 1.1,
  },
  {
    sku: 'SOCK-3PK',
    title: 'Crew Socks 3-Pack',
    handle: 'crew-socks',
    option: 'Default',
    price: 18,
    web: 1.5,
    pos: 0.6,
    amazon: 1.2,
    growth: 0,
    winter: 0.2,
  },
  {
    sku: 'CAP-NVY',
    title: 'Canvas Cap',
    handle: 'canvas-cap',
    option: 'Navy',
    price: 32,
    web: 0.7,
    pos: 0.3,
    amazon: 0.3,
    growth: -0.2,
    winter: -0.3,
  },
  {
    sku: 'MUG-CER-12',
    title: 'Stoneware Mug 12oz',
    handle: 'stoneware-mug',
    option: 'Default',
    price: 22,
    web: 1.2,
    pos: 0.5,
    amazon: 0.7,
    growth: 0.1,
    winter: 0.4,
  },
  {
    sku: 'CANDLE-CED',
    title: 'Cedar Candle',
    handle: 'cedar-candle',
    option: 'Default',
    price: 34,
    web: 0.9,
    pos: 0.4,
    amazon: 0,
    growth: 0.1,
    winter: 0.8,
  },
  {
    sku: 'BOTTLE-SS-20',
    title: 'Steel Bottle 20oz',
    handle: 'steel-bottle',
    option: 'Default',
    price: 36,
    web: 1.1,
    pos: 0.3,
    amazon: 1.6,
    growth: 0.05,
    winter: -0.2,
    amazonFrom: TODAY - 20,
  },
  {
    sku: 'TOTE-CNV',
    title: 'Canvas Tote',
    handle: 'canvas-tote',
    option: 'Default',
    price: 26,
    web: 0.8,
    pos: 0.5,
    amazon: 0.2,
    growth: 0,
    winter: 0,
  },
  {
    sku: 'BLANKET-WOOL',
    title: 'Wool Throw',
    handle: 'wool-throw',
    option: 'Oat',
    price: 148,
    web: 0.35,
    pos: 0.1,
    amazon: 0.1,
    growth: 0.1,
    winter: 1.2,
  },
  {
    sku: 'GIFTSET-HOL',
    title: 'Holiday Gift Set',
    handle: 'holiday-gift-set',
    option: 'Default',
    price: 52,
    web: 0.5,
    pos: 0.2,
    amazon: 0,
    growth: 0,
    winter: 1.5,
  },
];

/** Demand multiplier: growth, winter season (cosine peaking Dec 24), weekday pattern, Black Friday. */
function rateOf(s: Sku, channel: 'web' | 'pos' | 'amazon', d: number): number {
  const years = (d - START) / 365;
  const doy = (d - day('2025-12-24') + 3650) % 365;
  const season = Math.max(0.05, 1 + s.winter * Math.cos((2 * Math.PI * doy) / 365));
  const wd = new Date(d * DAY).getUTCDay(); // 0 Sunday
  const weekday =
    channel === 'pos' ? [1.5, 0.6, 0.7, 0.8, 0.9, 1.2, 1.8][wd]! : [1.1, 1.05, 1, 0.95, 0.9, 0.95, 1.05][wd]!;
  const bf = d >= day('2025-11-28') && d <= day('2025-12-01') ? 1.6 : 1;
  // Shopify channels scaled so the export stays under ~1.5 MB.
  const scale = channel === 'amazon' ? 1 : 0.68;
  return scale * s[channel] * (1 + s.growth * years) * season * weekday * bf;
}

const rand = mulberry32(20261127);
const COUNTRIES = ['US', 'US', 'US', 'US', 'US', 'US', 'CA', 'CA', 'GB', 'AU'];
const FIRST = [
  'ava',
  'ben',
  'chloe',
  'dev',
  'ella',
  'finn',
  'grace',
  'hugo',
  'isla',
  'jon',
  'kai',
  'lena',
  'mia',
  'noah',
];

interface Sale {
  d: number;
  sku: Sku;
  qty: number;
}

// Draw the unit sales of every SKU, day and channel.
const sales: Record<'web' | 'pos' | 'amazon', Sale[]> = { web: [], pos: [], amazon: [] };
for (let d = START; d < TODAY; d++) {
  for (const s of SKUS) {
    if (s.firstDay !== undefined && d < s.firstDay) continue;
    if (s.outOfStock && d >= s.outOfStock[0] && d <= s.outOfStock[1]) continue;
    for (const ch of ['web', 'pos', 'amazon'] as const) {
      if (ch === 'amazon' && s.amazonFrom !== undefined && d < s.amazonFrom) continue;
      let n = poisson(rand, rateOf(s, ch, d));
      while (n > 0) {
        const q = n >= 2 && rand() < 0.15 ? 2 : 1;
        sales[ch].push({ d, sku: s, qty: q });
        n -= q;
      }
    }
  }
}

const time = () => {
  const h = 8 + Math.floor(rand() * 14);
  const m = Math.floor(rand() * 60);
  const sec = Math.floor(rand() * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
};

// Shopify orders export: group each day's sales into orders of 1–3 lines; order fields on the first row only.
const SHOPIFY_COLUMNS = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Currency',
  'Subtotal',
  'Shipping',
  'Total',
  'Discount Code',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem sku',
  'Shipping Country',
  'Cancelled at',
  'Refunded Amount',
  'Source',
];
const shopifyRows: string[][] = [];
let orderNo = 1001;
const shopifySales = [
  ...sales.web.map((s) => ({ ...s, src: 'web' })),
  ...sales.pos.map((s) => ({ ...s, src: 'pos' })),
].sort((a, b) => a.d - b.d || a.src.localeCompare(b.src));
for (let i = 0; i < shopifySales.length; ) {
  const first = shopifySales[i]!;
  const size = 1 + (rand() < 0.25 ? 1 : 0) + (rand() < 0.08 ? 1 : 0);
  const group = [first];
  for (let j = i + 1; j < shopifySales.length && group.length < size; j++) {
    const s = shopifySales[j]!;
    if (s.d !== first.d || s.src !== first.src) break;
    if (group.some((g) => g.sku === s.sku)) break;
    group.push(s);
  }
  i += group.length;
  const name = `#${orderNo++}`;
  const created = `${iso(first.d)} ${time()} -0500`;
  const subtotal = group.reduce((a, g) => a + g.qty * g.sku.price, 0);
  const shipping = first.src === 'pos' || subtotal >= 75 ? 0 : 6.95;
  const r = rand();
  const cancelled = r < 0.02;
  const refunded = !cancelled && r < 0.035;
  const fin = cancelled ? 'voided' : refunded ? 'refunded' : 'paid';
  const country = first.src === 'pos' ? 'US' : COUNTRIES[Math.floor(rand() * COUNTRIES.length)]!;
  const email = first.src === 'pos' ? '' : `${FIRST[Math.floor(rand() * FIRST.length)]}${orderNo % 997}@example.com`;
  group.forEach((g, k) => {
    const lineName = `${g.sku.title} - ${g.sku.option}`;
    const orderFields = k === 0;
    shopifyRows.push([
      name,
      orderFields ? email : '',
      orderFields ? fin : '',
      orderFields && !cancelled ? created : '',
      orderFields ? (cancelled ? 'unfulfilled' : 'fulfilled') : '',
      orderFields && !cancelled ? `${iso(first.d + 1)} 10:12:00 -0500` : '',
      orderFields ? 'USD' : '',
      orderFields ? subtotal.toFixed(2) : '',
      orderFields ? shipping.toFixed(2) : '',
      orderFields ? (subtotal + shipping).toFixed(2) : '',
      orderFields && first.d >= day('2025-11-28') && first.d <= day('2025-12-01') ? 'BF25' : '',
      orderFields ? created : '',
      String(g.qty),
      lineName,
      g.sku.price.toFixed(2),
      g.sku.sku,
      orderFields ? country : '',
      orderFields && cancelled ? `${iso(first.d)} 18:40:00 -0500` : '',
      orderFields ? (refunded ? (subtotal + shipping).toFixed(2) : '0.00') : '',
      orderFields ? first.src : '',
    ]);
  });
}

// Amazon All Orders report (tab-separated).
const AMAZON_COLUMNS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'ship-city',
  'ship-state',
  'ship-country',
];
const amazonRows: string[][] = [];
const asinOf = (s: Sku) => `B0${(Math.abs(hashStr(s.sku)) % 1e8).toString(36).toUpperCase().padStart(8, '0')}`;
function hashStr(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
const CITIES = [
  ['SEATTLE', 'WA'],
  ['AUSTIN', 'TX'],
  ['BROOKLYN', 'NY'],
  ['DENVER', 'CO'],
  ['CHICAGO', 'IL'],
];
for (const s of sales.amazon) {
  const id = `11${Math.floor(rand() * 8) + 1}-${String(Math.floor(rand() * 1e7)).padStart(7, '0')}-${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
  const cancelled = rand() < 0.015;
  const [city, state] = CITIES[Math.floor(rand() * CITIES.length)]!;
  const ts = `${iso(s.d)}T${time()}+00:00`;
  amazonRows.push([
    id,
    id,
    ts,
    ts,
    cancelled ? 'Cancelled' : 'Shipped',
    'Amazon',
    'Amazon.com',
    `${s.sku.title} ${s.sku.option}`,
    s.sku.sku,
    asinOf(s.sku),
    cancelled ? 'Cancelled' : 'Shipped',
    cancelled ? '0' : String(s.qty),
    'USD',
    cancelled ? '' : (s.qty * s.sku.price * 1.05).toFixed(2),
    city!,
    state!,
    'US',
  ]);
}

const csv = (columns: string[], rows: string[][], delimiter = ',') =>
  Papa.unparse({ fields: columns, data: rows }, { delimiter, newline: '\n' });

// Stock counts. Warehouse is the 3PL (ShipBob NJ); SoHo is the store.
const ON_HAND: Record<
  string,
  { wh: number; store: number; incoming?: number; tpl?: number; fba?: number; inbound?: number }
> = {
  'TEE-BLK-M': { wh: 120, store: 24, fba: 60, inbound: 0 },
  'TEE-BLK-L': { wh: 140, store: 18, tpl: 96, fba: 45 },
  'TEE-WHT-M': { wh: 90, store: 10, fba: 20, inbound: 40 },
  'TEE-SAGE-M': { wh: 55, store: 8 },
  'HOOD-GRY-M': { wh: 70, store: 12, fba: 30 },
  'HOOD-GRY-L': { wh: 48, store: 4, incoming: 120, fba: 12 },
  'BEANIE-RED': { wh: 40, store: 15, fba: 25 },
  'SOCK-3PK': { wh: 420, store: 40, fba: 110 },
  'CAP-NVY': { wh: 610, store: 30, fba: 80 },
  'MUG-CER-12': { wh: 60, store: -3, fba: 20 },
  'BOTTLE-SS-20': { wh: 70, store: 10, fba: 24 },
  'TOTE-CNV': { wh: 150, store: 20, fba: 10 },
  'BLANKET-WOOL': { wh: 9, store: 3, fba: 4 },
};
const invRows: string[][] = [];
for (const s of SKUS) {
  const c = ON_HAND[s.sku];
  if (!c) continue;
  for (const [loc, units, incoming] of [
    ['ShipBob Warehouse NJ', c.wh, c.incoming ?? 0],
    ['SoHo Store', c.store, 0],
  ] as const) {
    const committed =
      loc === 'SoHo Store' ? 0 : Math.min(Math.max(0, units), Math.round(rateOf(s, 'web', TODAY) * 1.5));
    invRows.push([
      s.handle,
      s.title,
      'Option',
      s.option,
      s.sku,
      '6109.10',
      s.sku.startsWith('MUG') ? 'PT' : 'CN',
      loc,
      String(incoming),
      '0',
      String(committed),
      String(units - committed),
      String(units),
    ]);
  }
}
const tplRows: string[][] = [];
for (const s of SKUS) {
  const c = ON_HAND[s.sku];
  if (!c) continue;
  tplRows.push([s.sku, 'NJ1', String(c.tpl ?? c.wh), s.sku === 'CAP-NVY' ? '2026-11-10' : '2026-11-26']);
}
const fbaRows: string[][] = [];
for (const s of SKUS) {
  const c = ON_HAND[s.sku];
  if (!c || c.fba === undefined) continue;
  fbaRows.push([
    s.sku,
    `X00${(Math.abs(hashStr(`${s.sku}fn`)) % 1e7).toString(36).toUpperCase().padStart(7, '0')}`,
    asinOf(s),
    `${s.title} ${s.option}`,
    'New',
    (s.price * 1.05).toFixed(2),
    '0',
    String(c.fba + 3),
    String(c.fba),
    '1',
    '2',
    String(c.fba + 3),
    '0',
    String(c.inbound ?? 0),
    '0',
  ]);
}

const files: Record<string, string> = {
  'shopify-orders.csv': csv(SHOPIFY_COLUMNS, shopifyRows),
  'amazon-all-orders.txt': csv(AMAZON_COLUMNS, amazonRows, '\t'),
  'shopify-inventory.csv': csv(
    [
      'Handle',
      'Title',
      'Option1 Name',
      'Option1 Value',
      'SKU',
      'HS Code',
      'COO',
      'Location',
      'Incoming',
      'Unavailable',
      'Committed',
      'Available',
      'On hand',
    ],
    invRows,
  ),
  'fba-inventory.txt': csv(
    [
      'sku',
      'fnsku',
      'asin',
      'product-name',
      'condition',
      'your-price',
      'mfn-fulfillable-quantity',
      'afn-warehouse-quantity',
      'afn-fulfillable-quantity',
      'afn-unsellable-quantity',
      'afn-reserved-quantity',
      'afn-total-quantity',
      'afn-inbound-working-quantity',
      'afn-inbound-shipped-quantity',
      'afn-inbound-receiving-quantity',
    ],
    fbaRows,
    '\t',
  ),
  '3pl-onhand.csv': csv(['sku', 'warehouse', 'on_hand', 'as_of'], tplRows),
  'suppliers.csv': csv(
    ['sku', 'supplier', 'lead_time_days', 'lead_time_sd_days', 'moq', 'case_pack', 'unit_cost', 'currency'],
    [
      ['TEE-BLK-M', 'Lotus Apparel Co.', '35', '6', '300', '24', '7.80', 'USD'],
      ['TEE-BLK-L', 'Lotus Apparel Co.', '35', '6', '300', '24', '7.80', 'USD'],
      ['TEE-WHT-M', 'Lotus Apparel Co.', '35', '6', '300', '24', '7.80', 'USD'],
      ['TEE-SAGE-M', 'Lotus Apparel Co.', '35', '6', '300', '24', '8.10', 'USD'],
      ['HOOD-GRY-M', 'Lotus Apparel Co.', '42', '7', '200', '12', '21.50', 'USD'],
      ['HOOD-GRY-L', 'Lotus Apparel Co.', '42', '7', '200', '12', '21.50', 'USD'],
      ['BEANIE-RED', 'Lotus Apparel Co.', '30', '5', '', '24', '5.40', 'USD'],
      ['SOCK-3PK', 'Lotus Apparel Co.', '30', '5', '500', '50', '4.10', 'USD'],
      ['CAP-NVY', 'Lotus Apparel Co.', '30', '5', '300', '25', '8.90', 'USD'],
      ['MUG-CER-12', 'Kiln & Co Ceramics', '21', '3', '144', '12', '6.20', 'USD'],
      ['CANDLE-CED', 'Kiln & Co Ceramics', '21', '3', '96', '12', '9.75', 'USD'],
      ['BOTTLE-SS-20', 'Everfill Drinkware', '49', '10', '500', '25', '9.40', 'USD'],
      ['TOTE-CNV', 'Everfill Drinkware', '', '', '250', '50', '5.10', 'USD'],
      ['BLANKET-WOOL', 'Everfill Drinkware', '56', '12', '60', '6', '52.00', 'USD'],
    ],
  ),
  'calendar.csv': csv(
    ['name', 'start', 'end', 'skus', 'collection', 'tag', 'uplift_pct'],
    [
      ['Black Friday 2025', '2025-11-28', '2025-12-01', 'all', '', '', '60'],
      ['Black Friday', '2026-11-27', '2026-11-30', 'all', '', '', '60'],
      ['Holiday gift guide', '2026-12-01', '2026-12-20', 'MUG-CER-12;CANDLE-CED;BLANKET-WOOL', '', '', '25'],
      ['Winter launch email', '2027-01-08', '2027-01-10', '', '', 'winter', '30'],
    ],
  ),
  'budget.csv': csv(
    ['period_start', 'period_end', 'amount', 'currency'],
    [
      ['2026-11-01', '2026-11-30', '12000', 'USD'],
      ['2026-12-01', '2026-12-31', '25000', 'USD'],
    ],
  ),
  'bundles.csv': csv(
    ['bundle_sku', 'component_sku', 'qty'],
    [
      ['GIFTSET-HOL', 'MUG-CER-12', '1'],
      ['GIFTSET-HOL', 'CANDLE-CED', '1'],
    ],
  ),
};

// A short export with broken rows, for the rejected-rows report (line numbers count the header as line 1).
let headStart = shopifyRows.length - 12;
while (headStart > 0 && shopifyRows[headStart]![11] === '') headStart -= 1; // start at an order's first row
const brokenHead = shopifyRows.slice(headStart);
const broken = [
  ...brokenHead,
  [
    '#9001',
    'zoe@example.com',
    'paid',
    '',
    'fulfilled',
    '',
    'USD',
    '28.00',
    '0.00',
    '28.00',
    '',
    'not a date',
    '1',
    'Everyday Tee - Black / M',
    '28.00',
    'TEE-BLK-M',
    'US',
    '',
    '0.00',
    'web',
  ],
  [
    '#9002',
    'yan@example.com',
    'paid',
    '',
    'fulfilled',
    '',
    'USD',
    '56.00',
    '0.00',
    '56.00',
    '',
    '2026-11-20 10:00:00 -0500',
    'two',
    'Everyday Tee - Black / L',
    '28.00',
    'TEE-BLK-L',
    'US',
    '',
    '0.00',
    'web',
  ],
  [
    '#9003',
    'xi@example.com',
    'paid',
    '',
    'fulfilled',
    '',
    'USD',
    '28.00',
    '0.00',
    '28.00',
    '',
    '2026-11-21 11:00:00 -0500',
    '1',
    'Everyday Tee',
    '28.00',
    '',
    'US',
    '',
    '0.00',
    'web',
  ],
  [
    '#9004',
    'wes@example.com',
    'paid',
    '',
    'fulfilled',
    '',
    'USD',
    '22.00',
    '0.00',
    '22.00',
    '',
    '2026-11-22 12:00:00 -0500',
    '-1',
    'Stoneware Mug 12oz - Default',
    '22.00',
    'MUG-CER-12',
    'US',
    '',
    '0.00',
    'web',
  ],
  [
    '#9005',
    'val@example.com',
    'paid',
    '',
    'fulfilled',
    '',
    'USD',
    '36.00',
    '0.00',
    '36.00',
    '',
    '2026-02-30 09:00:00 -0500',
    '1',
    'Steel Bottle 20oz - Default',
    '36.00',
    'BOTTLE-SS-20',
    'US',
    '',
    '0.00',
    'web',
  ],
  [
    '#9006',
    'uma@example.com',
    'voided',
    '',
    'unfulfilled',
    '',
    'USD',
    '24.00',
    '0.00',
    '24.00',
    '',
    '2026-11-23 13:00:00 -0500',
    '1',
    'Rib Beanie - Red',
    '24.00',
    'BEANIE-RED',
    'US',
    '2026-11-23 15:00:00 -0500',
    '0.00',
    'web',
  ],
  [
    '#9007',
    'tom@example.com',
    'refunded',
    '',
    'fulfilled',
    '',
    'USD',
    '68.00',
    '0.00',
    '68.00',
    '',
    '2026-11-24 14:00:00 -0500',
    '1',
    'Fleece Hoodie - Grey / L',
    '68.00',
    'HOOD-GRY-L',
    'US',
    '',
    '68.00',
    'web',
  ],
];
files['shopify-orders-broken.csv'] = csv(SHOPIFY_COLUMNS, broken);

mkdirSync(OUT, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  writeFileSync(new URL(name, OUT), `${content}\n`);
  console.log(`${name.padEnd(28)} ${String(content.length).padStart(9)} bytes`);
}
