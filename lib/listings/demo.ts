import { type CanonicalProduct, canonicalProductSchema } from './canonical';

const WHITE: [number, number, number][] = [
  [255, 255, 255],
  [255, 255, 255],
  [255, 255, 255],
  [255, 255, 255],
];
const image = (i: number) => ({
  url: `https://cdn.shopify.com/s/files/1/demo/tee-${i}.jpg`,
  alt: `Classic Tee view ${i}`,
  format: 'jpeg',
  width: 2200,
  height: 2200,
  file_mb: 1.1,
  corner_rgb: WHITE,
  product_fill: 0.9,
  on_model: true,
});

/** The "Classic Tee" of the Shopify fixture, as canonical: used by tests, the CLI examples and the demo. */
export const DEMO_TEE: CanonicalProduct = canonicalProductSchema.parse({
  id: '8123456789',
  handle: 'classic-tee',
  title: 'Classic Tee - 100% Cotton Crew Neck T-Shirt for Men & Women, Soft Breathable Everyday Top! Free Shipping',
  description_html:
    '<p>Our Classic Tee is the shirt you reach for first. Cut from combed cotton, it keeps its shape wash after wash.</p>' +
    '<ul><li>Soft 180 gsm combed ring-spun cotton</li><li>Relaxed fit with a ribbed crew neck</li>' +
    '<li>Eco-friendly dyes, pre-shrunk fabric</li><li>Tag-free neck label for all-day comfort</li>' +
    '<li>Machine wash cold, tumble dry low</li></ul><p>Questions? Email hello@northwind.com.</p>',
  vendor: 'Northwind',
  product_type: 'T-Shirt',
  tags: ['tee', 'cotton', 'crewneck', 'unisex', 'New', 'basics', 'summer'],
  options: [
    { name: 'Color', values: ['Black'] },
    { name: 'Size', values: ['M', 'L'] },
  ],
  variants: [
    { sku: 'TEE-CL-BLK-M', barcode: '036000291452', price: 25, compare_at_price: 30, options: ['Black', 'M'] },
    { sku: 'TEE-CL-BLK-L', barcode: '850012345671', price: 25, options: ['Black', 'L'] },
  ],
  images: [1, 2, 3, 4, 5, 6].map(image),
  seo_title: 'Classic Tee | Northwind',
  seo_description: 'Soft combed-cotton crew neck tee.',
});

/** The demo tee's capture from the Shopify fixture page (what `captureCanonical` is given). */
export const DEMO_TEE_CAPTURE = {
  at: '2026-11-27T04:00:00.000Z',
  source: 'https://admin.shopify.com/store/demo/products/8123456789',
  shopifyStatus: 'Active',
} as const;
