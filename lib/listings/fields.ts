/** Checker paths of a listing (`title`, `bullets[2]`, `search_terms`…): read, write and label them. */
import { htmlToText, norm } from './text';
import type { ChannelListing } from './types';

/** Field label for the panel (`bullets[2]` → "Bullet 3"). */
export function fieldLabel(field: string): string {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) return `Bullet ${Number(m[1]) + 1}`;
  const v = field.match(/^variants\[(\d+)\]\.(\w+)$/);
  if (v) return `Variant ${Number(v[1]) + 1} ${v[2]}`;
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
  };
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
