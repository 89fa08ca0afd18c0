/**
 * Collections and tags per SKU, for promos aimed at a collection or a tag: merged from the products
 * import (Dexie `skuCatalog`) and the products the listings process captured off Shopify pages.
 */
import type { CatalogEntry, Promo } from './types';

/** What the planner needs to know about a SKU to resolve collection and tag promos. */
export interface SkuMembership {
  collections: string[];
  tags: string[];
}

/** The part of a captured canonical product the merge reads (stored rows may predate `collections`). */
export interface CapturedProduct {
  tags?: readonly string[];
  collections?: readonly string[];
  variants?: readonly { sku?: string }[];
}

function addAll(into: string[], values: readonly string[] | undefined) {
  for (const raw of values ?? []) {
    const v = raw.trim();
    if (v && !into.some((x) => x.toLowerCase() === v.toLowerCase())) into.push(v);
  }
}

/**
 * Merges catalogue rows and captured products into collections and tags per SKU. Either source
 * saying a SKU is in a collection (or has a tag) is enough: the import may be older than the page,
 * and a page read may miss the collection chips, so neither can overrule the other.
 * Returns null when neither source names any SKU (the plan then says product data is missing).
 */
export function mergeMemberships(
  catalog: readonly Pick<CatalogEntry, 'sku' | 'tags' | 'collections'>[],
  captured: readonly CapturedProduct[],
  onlySkus?: readonly string[],
): Record<string, SkuMembership> | null {
  const want = onlySkus ? new Set(onlySkus) : null;
  const out: Record<string, SkuMembership> = {};
  let any = false;
  const entry = (sku: string) => {
    any = true;
    if (want && !want.has(sku)) return null;
    out[sku] ??= { collections: [], tags: [] };
    return out[sku];
  };
  for (const row of catalog) {
    const sku = row.sku.trim();
    if (!sku) continue;
    const e = entry(sku);
    if (!e) continue;
    addAll(e.collections, row.collections);
    addAll(e.tags, row.tags);
  }
  for (const product of captured) {
    for (const v of product.variants ?? []) {
      const sku = (v.sku ?? '').trim();
      if (!sku) continue;
      const e = entry(sku);
      if (!e) continue;
      addAll(e.collections, product.collections);
      addAll(e.tags, product.tags);
    }
  }
  return any ? out : null;
}

/**
 * Spells each promo's collection and tag the way the catalogue does when they differ only in case or
 * spaces ("cold weather " → "Cold Weather"): Shopify matches collections and tags regardless of case,
 * and the plan compares them exactly.
 */
export function alignPromoTargets<P extends Pick<Promo, 'collection' | 'tag'>>(
  promos: readonly P[],
  products: Record<string, SkuMembership> | null | undefined,
): P[] {
  if (!products) return [...promos];
  const collections = new Map<string, string>();
  const tags = new Map<string, string>();
  for (const m of Object.values(products)) {
    for (const c of m.collections) if (!collections.has(c.toLowerCase())) collections.set(c.toLowerCase(), c);
    for (const t of m.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
  }
  return promos.map((p) => {
    const collection =
      p.collection === null ? null : (collections.get(p.collection.trim().toLowerCase()) ?? p.collection);
    const tag = p.tag === null ? null : (tags.get(p.tag.trim().toLowerCase()) ?? p.tag);
    return collection === p.collection && tag === p.tag ? p : { ...p, collection, tag };
  });
}
