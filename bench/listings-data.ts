/**
 * The listings benchmark's catalogue: 300 generated SKUs from a fixed seed (see bench/listings.ts),
 * shared with the test that pins the findings on it (lib/listings/bench-findings.test.ts).
 */
import { type CanonicalProduct, canonicalProductSchema } from '../lib/listings/canonical';
import { gs1CheckDigit } from '../lib/listings/gtin';

export const SKUS = 300;
export const TODAY = '2026-11-27';

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
let rand = rng(20261127);
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

export const FAULT_RATES = {
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

/** The 300 products (the same every call) and the hero SKUs (top 5%) that derive must not touch. */
export function listingsCatalogue(): { catalogue: CanonicalProduct[]; protectedSkus: string[] } {
  rand = rng(20261127);
  const catalogue = Array.from({ length: SKUS }, (_, i) => product(i + 1));
  const protectedSkus = catalogue.slice(0, 15).flatMap((p) => p.variants.map((v) => v.sku));
  return { catalogue, protectedSkus };
}
