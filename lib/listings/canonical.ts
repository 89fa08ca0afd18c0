import { z } from 'zod';

/** Image metadata the extension measures itself (from the page's pictures) or reads from a feed. */
export const imageMetaSchema = z.object({
  url: z.string().max(4000).default(''),
  alt: z.string().max(1000).default(''),
  /** MAIN, PT01…PT08, SWATCH for Amazon; `main` or `other` elsewhere. */
  role: z.string().max(20).optional(),
  width: z.number().int().nonnegative().optional(),
  height: z.number().int().nonnegative().optional(),
  /** Lower-case file type: jpeg, png, gif, tiff, webp, heic, bmp, psd; `gif-animated` for animated GIFs. */
  format: z.string().max(20).optional(),
  file_mb: z.number().nonnegative().optional(),
  /** RGB samples of the four corners (and border band where measured). */
  corner_rgb: z
    .array(z.tuple([z.number(), z.number(), z.number()]))
    .max(64)
    .optional(),
  /** max(bbox_w/img_w, bbox_h/img_h) of the non-white product box, 0–1. */
  product_fill: z.number().min(0).max(1).optional(),
  /** Optional detector outputs (text/logo/border overlays, watermark, model wearing the item). */
  has_overlay: z.boolean().optional(),
  has_watermark: z.boolean().optional(),
  on_model: z.boolean().optional(),
});
export type ImageMeta = z.infer<typeof imageMetaSchema>;

export const canonicalVariantSchema = z.object({
  sku: z.string().max(200).default(''),
  barcode: z.string().max(64).default(''),
  price: z.number().nullable().default(null),
  compare_at_price: z.number().nullable().default(null),
  weight: z.number().nullable().default(null),
  weight_unit: z.string().max(10).default(''),
  /** Option values in the order of the product's options, e.g. ["Black", "M"]. */
  options: z.array(z.string().max(300)).max(3).default([]),
  title: z.string().max(500).default(''),
});
export type CanonicalVariant = z.infer<typeof canonicalVariantSchema>;

/** The brand's canonical product, as Shopify holds it. */
export const canonicalProductSchema = z.object({
  id: z.string().max(100).default(''),
  handle: z.string().max(300).default(''),
  title: z.string().max(1000),
  description_html: z.string().max(200_000).default(''),
  vendor: z.string().max(300).default(''),
  product_type: z.string().max(300).default(''),
  tags: z.array(z.string().max(300)).max(1000).default([]),
  /** Collections the product is in (as the admin lists them); promos can aim at a collection. */
  collections: z.array(z.string().max(300)).max(1000).default([]),
  options: z
    .array(z.object({ name: z.string().max(300), values: z.array(z.string().max(300)).max(2100) }))
    .max(10)
    .default([]),
  variants: z.array(canonicalVariantSchema).max(3000).default([]),
  images: z.array(imageMetaSchema).max(300).default([]),
  seo_title: z.string().max(1000).default(''),
  seo_description: z.string().max(5000).default(''),
});
export type CanonicalProduct = z.infer<typeof canonicalProductSchema>;

export interface CanonicalChange {
  /** Dotted path: `title`, `variants[TEE-CL-BLK].price`, `images[0].alt`, `tags`. */
  field: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-level changes between two versions of a canonical product, for the history log. */
export function diffCanonical(prev: CanonicalProduct | null, next: CanonicalProduct): CanonicalChange[] {
  const changes: CanonicalChange[] = [];
  const scalar = [
    'title',
    'handle',
    'description_html',
    'vendor',
    'product_type',
    'seo_title',
    'seo_description',
  ] as const;
  for (const key of scalar) {
    const before = prev ? prev[key] : null;
    if (!same(before, next[key])) changes.push({ field: key, before, after: next[key] });
  }
  // Tags and options are sets from the merchant's point of view: compare sorted.
  const tagsBefore = prev ? [...prev.tags].sort() : null;
  const tagsAfter = [...next.tags].sort();
  if (!same(tagsBefore, tagsAfter)) changes.push({ field: 'tags', before: prev?.tags ?? null, after: next.tags });
  // Collections likewise; a record stored before collections were read counts as none.
  const collectionsBefore = prev ? [...(prev.collections ?? [])].sort() : null;
  const collectionsAfter = [...(next.collections ?? [])].sort();
  if (!same(collectionsBefore, collectionsAfter))
    changes.push({
      field: 'collections',
      before: prev ? (prev.collections ?? []) : null,
      after: next.collections ?? [],
    });
  if (!same(prev?.options ?? null, next.options))
    changes.push({ field: 'options', before: prev?.options ?? null, after: next.options });

  // Variants are matched by SKU (falling back to position) so a reordering is not a change.
  const key = (v: CanonicalVariant, i: number) => v.sku || `#${i}`;
  const before = new Map((prev?.variants ?? []).map((v, i) => [key(v, i), v]));
  const after = new Map(next.variants.map((v, i) => [key(v, i), v]));
  for (const [k, v] of after) {
    const old = before.get(k);
    if (!old) {
      changes.push({ field: `variants[${k}]`, before: null, after: v });
      continue;
    }
    for (const f of Object.keys(v) as (keyof CanonicalVariant)[]) {
      if (!same(old[f], v[f])) changes.push({ field: `variants[${k}].${f}`, before: old[f], after: v[f] });
    }
  }
  for (const [k, v] of before) if (!after.has(k)) changes.push({ field: `variants[${k}]`, before: v, after: null });

  const imgs = Math.max(prev?.images.length ?? 0, next.images.length);
  for (let i = 0; i < imgs; i++) {
    const a = prev?.images[i] ?? null;
    const b = next.images[i] ?? null;
    if (!same(a?.url ?? null, b?.url ?? null))
      changes.push({ field: `images[${i}].url`, before: a?.url ?? null, after: b?.url ?? null });
    else if (a && b && a.alt !== b.alt) changes.push({ field: `images[${i}].alt`, before: a.alt, after: b.alt });
  }
  return changes;
}
