/**
 * cyrb53: a fast, well-mixed 53-bit string hash. Not cryptographic — it only has to give the same
 * id for the same natural key so that re-importing a file upserts instead of duplicating.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Stable row id from the source and the row's natural key, e.g. `shopify-orders:1k3f9x0a2b`. */
export function stableId(source: string, ...naturalKey: (string | number)[]): string {
  // \u001f (unit separator) cannot appear in a CSV cell we keep, so keys never run together.
  return `${source}:${hash53(`${source}\u001f${naturalKey.join('\u001f')}`).toString(36)}`;
}
