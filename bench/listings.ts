/**
 * Listings benchmark: 300 SKUs × 6 channels, each checked as-is (the Shopify content sent
 * untouched) and derived (deterministic transforms + re-check). Reports time, how many variants
 * come out ready, and which rules remain. Writes bench/results/listings.json.
 * Run: npx tsx bench/listings.ts
 *
 * No public catalogue with marketplace content is in ../shared/data, so the 300 SKUs are generated
 * here from a fixed seed: realistic DTC apparel/home titles and descriptions with the faults a
 * Shopify catalogue typically carries (long titles, "!"/"free shipping", ALL-CAPS bullets, eco
 * claims, contact lines, invalid or restricted GTINs, small or off-white images). The fault rates
 * are stated in the result file; the ready rate depends on them, so read it as an illustration of
 * what the transforms fix, not as a measurement of a real catalogue.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type CanonicalProduct, canonicalProductSchema } from '../lib/listings/canonical';
import { checkListing, rulesVersion } from '../lib/listings/check';
import { asIsListing, deriveListing } from '../lib/listings/derive';
import { gs1CheckDigit } from '../lib/listings/gtin';
import { CHANNELS } from '../lib/listings/types';

const SKUS = 300;
const TODAY = '2026-11-27';

// Mulberry32: small deterministic PRNG so every run sees the same catalogue.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261127);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;

const TYPES = [
  { type: 'T-Shirt', noun: 'T-Shirt', material: 'Cotton' },
  { type: 'Hoodie', noun: 'Hoodie', material: 'Fleece' },
  { type: 'Tote Bag', noun: 'Tote Bag', material: 'Canvas' },
  { type: 'Beanie', noun: 'Beanie', material: 'Merino Wool' },
  { type: 'Candle', noun: 'Scented Candle', material: 'Soy Wax' },
  { type: 'Mug', noun: 'Ceramic Mug', material: 'Stoneware' },
  { type: 'Socks', noun: 'Crew Socks', material: 'Organic Cotton' },
  { type: 'Blanket', noun: 'Throw Blanket', material: 'Recycled Wool' },
] as const;
const STYLES = ['Classic', 'Everyday', 'Heritage', 'Coastal', 'Studio', 'Weekend', 'Trail', 'Harbor'];
const COLORS = ['Black', 'Navy', 'Heather Grey', 'Oat', 'Forest Green', 'Rust', 'Ivory'];
const FEATURES = [
  'Soft hand feel that gets better with every wash',
  'Relaxed fit with room to layer',
  'Reinforced seams for everyday wear',
  'Pre-shrunk so it stays true to size',
  'Designed in Brooklyn and made in Portugal',
  'Tag-free label for all-day comfort',
  'Machine wash cold, tumble dry low',
  'Packed in plastic-free packaging',
];

function gtin12(prefix: string, n: number, valid: boolean): string {
  const body = `${prefix}${String(n).padStart(11 - prefix.length, '0')}`;
  const check = gs1CheckDigit(body);
  return `${body}${valid ? check : (check + 1) % 10}`;
}

const FAULT_RATES = {
  longTitle: 0.55,
  bangOrPromo: 0.25,
  allCapsBullet: 0.2,
  ecoClaim: 0.2,
  contactLine: 0.3,
  invalidCheckDigit: 0.06,
  restrictedPrefix: 0.04,
  missingBarcode: 0.05,
  smallImage: 0.1,
  offWhiteMain: 0.1,
  fewImages: 0.3,
};

function product(i: number): CanonicalProduct {
  const t = pick(TYPES);
  const style = pick(STYLES);
  const color = pick(COLORS);
  let title = `${style} ${t.noun}`;
  if (chance(FAULT_RATES.longTitle))
    title += ` - ${t.material} ${t.noun} for Men & Women, ${color}, Soft Breathable Everyday Essential`;
  if (chance(FAULT_RATES.bangOrPromo))
    title += pick([' - Free Shipping!', '! Best Seller', ' (Limited Time Deal)', ' ★ Gift Idea']);
  const feats = [...FEATURES].sort(() => rand() - 0.5).slice(0, 4 + Math.floor(rand() * 3));
  if (chance(FAULT_RATES.allCapsBullet)) feats[0] = (feats[0] ?? '').toUpperCase();
  if (chance(FAULT_RATES.ecoClaim)) feats.push('Eco-friendly and biodegradable materials');
  let html = `<p>Our ${style} ${t.noun.toLowerCase()} is made from ${t.material.toLowerCase()} for everyday use. It is the piece you reach for first.</p><ul>${feats.map((f) => `<li>${f}.</li>`).join('')}</ul>`;
  if (chance(FAULT_RATES.contactLine))
    html += '<p>Questions? Email hello@northwind-apparel.com or visit www.northwind-apparel.com.</p>';
  let barcode = chance(FAULT_RATES.missingBarcode) ? '' : gtin12('85001', i, !chance(FAULT_RATES.invalidCheckDigit));
  if (barcode && chance(FAULT_RATES.restrictedPrefix)) barcode = gtin12('4', i, true);
  const side = chance(FAULT_RATES.smallImage) ? 800 : 2048;
  const nImages = chance(FAULT_RATES.fewImages) ? 3 : 6;
  const white: [number, number, number][] = chance(FAULT_RATES.offWhiteMain) ? [[250, 249, 246]] : [[255, 255, 255]];
  const price = Math.round((15 + rand() * 85) * 100) / 100;
  return canonicalProductSchema.parse({
    id: String(8100000000 + i),
    handle: `${style}-${t.noun}-${i}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    description_html: html,
    vendor: 'Northwind',
    product_type: t.type,
    tags: [t.type.toLowerCase(), t.material.toLowerCase(), color.toLowerCase(), 'new', 'gift', 'bestseller', 'basics'],
    options: [{ name: 'Color', values: [color] }],
    variants: [
      {
        sku: `NW-${String(i).padStart(4, '0')}`,
        barcode,
        price,
        compare_at_price: chance(0.3) ? Math.round(price * 1.25) : null,
        options: [color],
      },
    ],
    images: Array.from({ length: nImages }, (_, k) => ({
      url: `https://cdn.shopify.com/s/files/1/0612/files/nw-${i}-${k}.jpg`,
      alt: `${style} ${t.noun} view ${k + 1}`,
      format: 'jpeg',
      width: side,
      height: side,
      file_mb: 1.4,
      corner_rgb: k === 0 ? white : [[255, 255, 255]],
      product_fill: 0.88,
      on_model: t.type === 'T-Shirt' || t.type === 'Hoodie',
    })),
    seo_title: `${style} ${t.noun} | Northwind`,
    seo_description: `${style} ${t.noun.toLowerCase()} in ${t.material.toLowerCase()}.`,
  });
}

const catalogue = Array.from({ length: SKUS }, (_, i) => product(i + 1));
const protectedSkus = catalogue.slice(0, 15).flatMap((p) => p.variants.map((v) => v.sku)); // top 5% as hero products

type ChannelResult = {
  asIs: { fail: number; warn: number; pass: number; ms: number; findings: number };
  derived: {
    ready: number;
    notReady: number;
    specialistOwned: number;
    ms: number;
    findings: number;
    remainingBlocking: Record<string, number>;
  };
};
const results: Record<string, ChannelResult> = {};
const t0 = performance.now();
for (const channel of CHANNELS) {
  const r: ChannelResult = {
    asIs: { fail: 0, warn: 0, pass: 0, ms: 0, findings: 0 },
    derived: { ready: 0, notReady: 0, specialistOwned: 0, ms: 0, findings: 0, remainingBlocking: {} },
  };
  let s = performance.now();
  for (const p of catalogue) {
    const c = checkListing(channel, asIsListing(p), { today: TODAY });
    r.asIs[c.verdict] += 1;
    r.asIs.findings += c.findings.length;
  }
  r.asIs.ms = performance.now() - s;
  s = performance.now();
  for (const p of catalogue) {
    const d = deriveListing(channel, p, { today: TODAY, protectedSkus });
    if (d.ready) r.derived.ready += 1;
    else r.derived.notReady += 1;
    if (d.specialistOwned) r.derived.specialistOwned += 1;
    r.derived.findings += d.findings.length;
    for (const f of d.findings)
      if (f.severity !== 'recommendation')
        r.derived.remainingBlocking[f.rule] = (r.derived.remainingBlocking[f.rule] ?? 0) + 1;
  }
  r.derived.ms = performance.now() - s;
  results[channel] = r;
}
const totalMs = performance.now() - t0;

const round = (x: number) => Math.round(x * 10) / 10;
const summary = {
  generated: new Date().toISOString(),
  skus: SKUS,
  channels: CHANNELS.length,
  policy: 'amazon-2026-07 (by date)',
  rules: Object.fromEntries(CHANNELS.map((c) => [c, rulesVersion(c)])),
  faultRates: FAULT_RATES,
  protectedSkus: protectedSkus.length,
  totalMs: round(totalMs),
  // Timings depend on machine load (the benchmark machine is shared): recorded alongside.
  machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? 0) },
  perChannel: Object.fromEntries(
    Object.entries(results).map(([c, r]) => [
      c,
      {
        asIs: { ...r.asIs, ms: round(r.asIs.ms), msPerCheck: round((r.asIs.ms / SKUS) * 1000) / 1000 },
        derived: { ...r.derived, ms: round(r.derived.ms), msPerDerive: round((r.derived.ms / SKUS) * 1000) / 1000 },
      },
    ]),
  ),
};
writeFileSync(new URL('./results/listings.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);

console.log(
  `listings benchmark: ${SKUS} SKUs × ${CHANNELS.length} channels in ${round(totalMs)} ms (check as-is + derive + re-check)`,
);
console.log(
  'channel   as-is fail/warn/pass   derived ready/not   check ms/SKU  derive ms/SKU  remaining blocking rules',
);
for (const [c, r] of Object.entries(results)) {
  const top = Object.entries(r.derived.remainingBlocking)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  console.log(
    `${c.padEnd(9)} ${`${r.asIs.fail}/${r.asIs.warn}/${r.asIs.pass}`.padEnd(22)} ${`${r.derived.ready}/${r.derived.notReady}`.padEnd(19)} ${(r.asIs.ms / SKUS).toFixed(3).padEnd(13)} ${(r.derived.ms / SKUS).toFixed(3).padEnd(14)} ${top}`,
  );
}
