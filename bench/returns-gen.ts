/**
 * Generates Loop returns CSV exports (deterministic: seeded PRNG).
 *
 *   npx tsx bench/returns-gen.ts --fixture        → e2e/fixtures/loop/returns-export.csv (400 rows:
 *                                                   planted defect spike, broken rows, a duplicate)
 *   npx tsx bench/returns-gen.ts [rows] [path]    → a benchmark file (default 10,000 rows) in the OS
 *                                                   temp directory; prints its path
 *
 * Columns are the Loop export names written down in e2e/fixtures/loop/README.md. Comments come from
 * templates written for this generator (not from the labelled benchmark set).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { mulberry32 } from '../lib/util/random';

export const EXPORT_COLUMNS = [
  'Return ID',
  'Order Name',
  'Created At',
  'State',
  'Outcome',
  'Return Method',
  'Customer Email',
  'Customer Name',
  'Customer Country',
  'Product Title',
  'Variant Title',
  'SKU',
  'Product Type',
  'Price',
  'Currency',
  'Quantity',
  'Parent Return Reason',
  'Return Reason',
  'Return Comment',
] as const;

type Row = Record<(typeof EXPORT_COLUMNS)[number], string>;

const CATALOGUE = [
  ['TEE-CLS-BLK-M', 'Classic Tee', 'Black / M', 'Apparel', 25],
  ['TEE-CLS-WHT-S', 'Classic Tee', 'White / S', 'Apparel', 25],
  ['TEE-CLS-NVY-L', 'Classic Tee', 'Navy / L', 'Apparel', 25],
  ['TNK-CLS-WHT-M', 'Classic Tank', 'White / M', 'Apparel', 22],
  ['CHN-EVD-KHK-3232', 'Everyday Chino', 'Khaki / 32x32', 'Apparel', 68],
  ['CHN-EVD-OLV-3430', 'Everyday Chino', 'Olive / 34x30', 'Apparel', 68],
  ['JNS-SLM-IND-32', 'Slim Jean', 'Indigo / 32', 'Apparel', 88],
  ['HOD-FLC-GRY-M', 'Fleece Hoodie', 'Heather Grey / M', 'Apparel', 72],
  ['HOD-FLC-BLK-L', 'Fleece Hoodie', 'Black / L', 'Apparel', 72],
  ['SWT-MER-OAT-M', 'Merino Sweater', 'Oat / M', 'Knitwear', 110],
  ['SWT-MER-CHR-L', 'Merino Sweater', 'Charcoal / L', 'Knitwear', 110],
  ['DRS-LIN-SGE-S', 'Linen Midi Dress', 'Sage / S', 'Apparel', 95],
  ['DRS-LIN-BLK-M', 'Linen Midi Dress', 'Black / M', 'Apparel', 95],
  ['SHT-LNC-SND-M', 'Linen Camp Shirt', 'Sand / M', 'Apparel', 39],
  ['JKT-RAIN-NVY-M', 'Storm Rain Jacket', 'Navy / M', 'Outerwear', 145],
  ['JKT-RAIN-YLW-S', 'Storm Rain Jacket', 'Yellow / S', 'Outerwear', 145],
  ['JKT-WXF-OLV-L', 'Waxed Field Jacket', 'Olive / L', 'Outerwear', 480],
  ['SNK-CNV-WHT-9', 'Canvas Sneaker', 'White / 9', 'Footwear', 75],
  ['SNK-CNV-BLK-10', 'Canvas Sneaker', 'Black / 10', 'Footwear', 75],
  ['BLT-LTH-BRN-M', 'Leather Belt', 'Brown / M', 'Accessories', 48],
  ['SCK-MER-CHR-L', 'Merino Crew Socks 3-Pack', 'Charcoal / L', 'Accessories', 36],
  ['BAG-TOT-NAT', 'Canvas Tote', 'Natural', 'Accessories', 32],
  ['CAP-BSB-NVY', 'Baseball Cap', 'Navy', 'Accessories', 28],
  ['HOM-POS-SPK', 'Stoneware Pour-Over Set', 'Speckled White', 'Home', 54],
] as const;

const SPIKE_SKU = 'JKT-RAIN-NVY-M';

/** [weight, parent, child, comments] per true reason; '' = no comment left. */
const REASONS: [number, string, string, readonly string[]][] = [
  [
    18,
    'Size',
    'Too small',
    ['Runs a size small for me', 'Too tight in the shoulders', 'Snug across the chest, need a bigger size', '', ''],
  ],
  [
    14,
    'Size',
    'Too large',
    ['Too big overall', 'Runs large, I should have sized down', 'Loose and baggy on me', '', ''],
  ],
  [8, 'Size', 'Other', ['Sleeves too long', 'Too short in the body', 'Odd fit through the hips', '']],
  [15, 'Changed my mind', '', ["Don't need it anymore", 'Changed my mind', 'Not my style after all', '', '']],
  [
    6,
    'Damaged/Defective',
    'Defective',
    ['Stitching came undone at the hem', 'Button fell off after one wear', 'Zip broke within a week'],
  ],
  [6, 'Quality', '', ['Fabric pilled after two washes', 'Feels cheap and thin', 'Colour faded in the first wash']],
  [
    3,
    'Damaged/Defective',
    'Arrived damaged',
    ['Parcel arrived crushed and the item was dirty', 'Box was torn open in transit'],
  ],
  [4, 'Wrong item received', '', ['Received the wrong size', 'Got a different colour than I ordered']],
  [2, 'Other', '', ['The belt was missing from the package', 'Only one of the pair was in the box']],
  [
    8,
    'Not as described',
    '',
    ['Colour looks different from the photos', 'Material is not as described on the website'],
  ],
  [3, 'Other', '', ['Arrived too late for my trip', 'Delivery took three weeks']],
  [6, 'Ordered multiple sizes', '', ['Ordered two sizes, keeping the other one', '', '']],
  [1, 'Other', '', ['Accidentally ordered it twice']],
  [2, 'Other', '', ['Found it cheaper elsewhere']],
  [2, 'Other', '', ['It was a gift and they already have one']],
  [2, 'Other', '', ['', 'see previous email']],
];

const SPIKE_DEFECTS = [
  'Seam tape peeling off inside the hood after one rain',
  'Zip split at the bottom on the second wear',
  'Leaks at the shoulder seam, soaked through in light rain',
  'The seam tape came unstuck and it leaks',
  'Zipper broke the first week',
];
const SPIKE_DROPDOWNS: [string, string][] = [
  ['Damaged/Defective', 'Defective'],
  ['Quality', ''],
  ['Changed my mind', ''],
  ['Other', ''],
];

const FIRST = [
  'Dana',
  'Marcus',
  'Priya',
  'Elena',
  'Tom',
  'Grace',
  'Sam',
  'Aisha',
  'Luca',
  'Mei',
  'Jonas',
  'Zoe',
  'Omar',
  'Nina',
];
const LAST = [
  'Whitfield',
  'Bell',
  'Natarajan',
  'Vasquez',
  'Okafor',
  'Lindqvist',
  'Rivera',
  'Khan',
  'Rossi',
  'Chen',
  'Berg',
  'Hart',
];
const COUNTRIES = ['US', 'US', 'US', 'US', 'US', 'US', 'US', 'CA', 'CA', 'GB', 'DE'];
const METHODS = ['Pre-paid label (USPS)', 'Pre-paid label (UPS)', 'Drop-off at Happy Returns', 'Ship with any carrier'];
const OUTCOMES = ['refund', 'refund', 'refund', 'exchange', 'exchange', 'gift card'];

const DAY = 86_400_000;

function stamp(t: number): string {
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

export interface GenOptions {
  rows: number;
  seed?: number;
  /** First and last day of `Created At` (UTC, inclusive). */
  from?: string;
  to?: string;
  /** Plant the defect spike on JKT-RAIN-NVY-M in the last 28 days (24 returns, 14 defects). */
  spike?: boolean;
  /** Append broken rows and one duplicate (the fixture's import errors). */
  broken?: boolean;
}

/** Builds a Loop returns export CSV; `rows` counts data rows including planted and broken ones. */
export function generateLoopReturnsCsv(opts: GenOptions): string {
  const rand = mulberry32(opts.seed ?? 20261120);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const from = Date.parse(`${opts.from ?? '2026-07-06'}T08:00:00Z`);
  const to = Date.parse(`${opts.to ?? '2026-11-16'}T20:00:00Z`);
  const spikeFrom = to - 27 * DAY;
  const totalWeight = REASONS.reduce((s, r) => s + r[0], 0);
  const reasonPick = () => {
    let x = rand() * totalWeight;
    for (const r of REASONS) {
      x -= r[0];
      if (x <= 0) return r;
    }
    return REASONS[0] as (typeof REASONS)[number];
  };

  const brokenCount = opts.broken ? 7 : 0;
  const spikeCount = opts.spike ? 24 : 0;
  const normalCount = opts.rows - brokenCount - spikeCount;
  const drafts: { t: number; sku: (typeof CATALOGUE)[number]; parent: string; child: string; comment: string }[] = [];
  for (let i = 0; i < normalCount; i += 1) {
    const [, parent, child, comments] = reasonPick();
    let sku = pick(CATALOGUE);
    // Keep the spike SKU's normal share in its last four weeks small, so the spike is what shows.
    if (opts.spike && sku[0] === SPIKE_SKU) sku = CATALOGUE[14 + 1] as (typeof CATALOGUE)[number];
    drafts.push({ t: from + rand() * (to - from), sku, parent, child, comment: pick(comments) });
  }
  if (opts.spike) {
    const spikeSku = CATALOGUE.find((c) => c[0] === SPIKE_SKU) as (typeof CATALOGUE)[number];
    for (let i = 0; i < spikeCount; i += 1) {
      const defect = i < 14;
      const [parent, child] = defect
        ? pick(SPIKE_DROPDOWNS)
        : (['Size', pick(['Too small', 'Too large'])] as [string, string]);
      const comment = defect ? pick(SPIKE_DEFECTS) : pick(['Runs small', 'A bit big', '', 'Too tight over a jumper']);
      drafts.push({ t: spikeFrom + rand() * (to - spikeFrom), sku: spikeSku, parent, child, comment });
    }
    // Before the spike it returns like any other SKU: a handful of ordinary returns.
    for (let i = 0; i < 6 && drafts.length > 0; i += 1) {
      const d = drafts[i * 7] as (typeof drafts)[number];
      if (d.t < spikeFrom) d.sku = spikeSku;
    }
  }
  drafts.sort((a, b) => a.t - b.t);

  const rows: Row[] = [];
  let returnId = 47_100_000;
  let orderNo = 1000;
  const skusInReturn = new Set<string>();
  for (let i = 0; i < drafts.length; i += 1) {
    const d = drafts[i] as (typeof drafts)[number];
    // About one return in ten carries a second line item: same Return ID, next row.
    const prevRow = rows[rows.length - 1];
    const sameReturn = rand() < 0.1 && prevRow !== undefined && !skusInReturn.has(d.sku[0]);
    if (!sameReturn) {
      skusInReturn.clear();
      returnId += 1 + Math.floor(rand() * 40);
      orderNo += 1 + Math.floor(rand() * 6);
    }
    const prev = rows[rows.length - 1];
    const first = pick(FIRST);
    const last = pick(LAST);
    const base: Row =
      sameReturn && prev
        ? { ...prev }
        : {
            'Return ID': String(returnId),
            'Order Name': `#${orderNo}`,
            'Created At': stamp(d.t),
            State: d.t > to - 10 * DAY ? 'open' : 'closed',
            Outcome: pick(OUTCOMES),
            'Return Method': pick(METHODS),
            'Customer Email': `${first}.${last}${Math.floor(rand() * 90 + 10)}@example.com`.toLowerCase(),
            'Customer Name': `${first} ${last}`,
            'Customer Country': pick(COUNTRIES),
            'Product Title': '',
            'Variant Title': '',
            SKU: '',
            'Product Type': '',
            Price: '',
            Currency: 'USD',
            Quantity: '1',
            'Parent Return Reason': '',
            'Return Reason': '',
            'Return Comment': '',
          };
    skusInReturn.add(d.sku[0]);
    rows.push({
      ...base,
      'Product Title': d.sku[1],
      'Variant Title': d.sku[2],
      SKU: d.sku[0],
      'Product Type': d.sku[3],
      Price: d.sku[4].toFixed(2),
      Quantity: rand() < 0.05 ? '2' : '1',
      'Parent Return Reason': d.parent,
      'Return Reason': d.child,
      'Return Comment': d.comment,
    });
  }

  let csv = Papa.unparse(
    { fields: [...EXPORT_COLUMNS], data: rows.map((r) => EXPORT_COLUMNS.map((c) => r[c])) },
    { newline: '\n' },
  );
  if (opts.broken) {
    const good = rows[Math.floor(rows.length / 2)] as Row;
    const line = (r: Partial<Row>) =>
      Papa.unparse([EXPORT_COLUMNS.map((c) => ({ ...good, ...r })[c] ?? '')], { newline: '\n' });
    csv += `\n${[
      line({ 'Return ID': '' }),
      line({ 'Return ID': '47999001', SKU: '' }),
      line({ 'Return ID': '47999002', 'Created At': '2026-13-45 99:00:00' }),
      line({ 'Return ID': '47999003', Price: '-12.00' }),
      line({ 'Return ID': '47999004', Quantity: 'two' }),
      '47999005,#2999,2026-11-02 10:00:00,open,refund',
      line({}), // exact duplicate of an earlier row: same Return ID + SKU
    ].join('\n')}`;
  }
  return `${csv}\n`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === '--fixture') {
    const out = fileURLToPath(new URL('../e2e/fixtures/loop/returns-export.csv', import.meta.url));
    writeFileSync(out, generateLoopReturnsCsv({ rows: 400, spike: true, broken: true }));
    console.log(`wrote ${out}`);
  } else {
    const rows = Number(args[0] ?? 10_000);
    const out = args[1] ?? join(tmpdir(), `loop-returns-${rows}.csv`);
    writeFileSync(out, generateLoopReturnsCsv({ rows, seed: 7, from: '2025-11-17', to: '2026-11-16' }));
    console.log(out);
  }
}
