/** Checker paths of a listing (`title`, `bullets[2]`, `search_terms`…): read, write and label them. */
import { htmlToText, norm } from './text';
import type { ChannelListing } from './types';

const VARIANT_PARTS: Record<string, string> = {
  gtin: 'barcode (GTIN)',
  price: 'price',
  compare_at_price: 'compare-at price',
  sku: 'SKU',
};

/**
 * Where a field sits on Seller Central's listing editor, top to bottom (Product details: item name,
 * highlights, brand, item type, product ID; Description: bullets, description; Keywords: search
 * terms; Offer: price, list price; then images and variants, which the text tabs do not show).
 */
const PAGE_ORDER = [
  'title',
  'highlights',
  'brand',
  'item_type_keyword',
  'gtin',
  'bullets',
  'description',
  'search_terms',
  'price',
  'list_price',
  'images',
  'variants',
];

/** Sort key of a checker path in page order (`bullets[2]` after `bullets[1]`, unknown fields last). */
export function pageOrder(field: string): number {
  const m = field.match(/^([a-z_]+)(?:\[(\d+)\])?/);
  const base = m?.[1] ?? field;
  const i = PAGE_ORDER.indexOf(base);
  return (i < 0 ? PAGE_ORDER.length : i) * 1000 + Number(m?.[2] ?? 0);
}

/** Items sorted by their field in page order; items of one field keep their order. */
export function inPageOrder<T extends { field: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => pageOrder(a.item.field) - pageOrder(b.item.field) || a.i - b.i)
    .map((x) => x.item);
}

const POLICY_WORDS: Record<string, string> = {
  'amazon-2026-07': "Amazon's rules from July 2026",
  'amazon-2025-01': "Amazon's rules from January 2025",
};

/**
 * A finding's message in plain words: the "uncertain:" marker becomes `review` (the rule is a
 * heuristic or its number is disputed), policy ids become words.
 */
export function plainMessage(message: string): { text: string; review: boolean } {
  let text = message;
  let review = false;
  if (text.startsWith('uncertain:')) {
    review = true;
    text = text.slice('uncertain:'.length).trim();
    text = text.replace(/^\([^)]*\):?\s*/, '');
  }
  for (const [id, words] of Object.entries(POLICY_WORDS)) text = text.split(id).join(words);
  text = text.replace(/\s*\(heuristic\)/g, '');
  return { text: text.charAt(0).toUpperCase() + text.slice(1), review };
}

/** Field label for the panel (`bullets[2]` → "Bullet 3"). */
export function fieldLabel(field: string): string {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) return `Bullet ${Number(m[1]) + 1}`;
  const v = field.match(/^variants\[(\d+)\]\.(\w+)$/);
  if (v) return `Variant ${Number(v[1]) + 1} ${VARIANT_PARTS[v[2] ?? ''] ?? v[2]}`;
  const img = field.match(/^images\[(\d+)\]/);
  if (img) return `Image ${Number(img[1]) + 1}`;
  const names: Record<string, string> = {
    title: 'Item name',
    brand: 'Brand',
    description: 'Description',
    search_terms: 'Search terms',
    item_type_keyword: 'Item type keyword',
    gtin: 'Product ID (GTIN)',
    price: 'Your price',
    list_price: 'List price',
    highlights: 'Item highlights',
    images: 'Images',
    bullets: 'Bullets',
    seo_title: 'Page title (SEO)',
    seo_description: 'Meta description (SEO)',
    handle: 'URL handle',
    tags: 'Tags',
    options: 'Options',
    variants: 'Variants',
    product_type: 'Product type',
  };
  const a = field.match(/^attributes\.(\w+)$/);
  if (a) {
    const words = (a[1] ?? '').replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return names[field] ?? field;
}

/** The value at a checker path as the editor shows it (prices with two decimals; '' when absent). */
export function fieldValue(l: ChannelListing, field: string): string {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) return l.bullets?.[Number(m[1])] ?? '';
  const v = (l as Record<string, unknown>)[field];
  return typeof v === 'number' ? v.toFixed(2) : typeof v === 'string' ? v : '';
}

/** Sets a checker path on a listing (title, bullets[i], search_terms…). */
export function setValue(l: ChannelListing, field: string, value: string): void {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) {
    const bs = [...(l.bullets ?? [])];
    bs[Number(m[1])] = value;
    l.bullets = bs;
    return;
  }
  if (field === 'price' || field === 'list_price') {
    const n = Number(value);
    if (Number.isFinite(n)) l[field] = n;
    return;
  }
  (l as Record<string, unknown>)[field] = value;
}

/** Same text once HTML, entities and whitespace are set aside. */
export function sameText(a: string, b: string): boolean {
  const t = (s: string) => htmlToText(norm(s)).replace(/\s+/g, ' ').trim();
  return t(a) === t(b);
}
