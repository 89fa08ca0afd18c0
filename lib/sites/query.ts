/**
 * Selector lookups shared by every adapter: each named selector is a list of alternatives, one per
 * page variant, tried in order (STYLE.md: selectors kept apart, several fallbacks each).
 */
export type SelectorTable = Record<string, readonly string[]>;

/** First element matching any alternative of `name`, with the alternative that matched (for provenance). */
export function queryFirstIn<T extends SelectorTable>(
  table: T,
  root: ParentNode,
  name: keyof T,
): { el: Element; selector: string } | null {
  for (const selector of table[name] ?? []) {
    const el = root.querySelector(selector);
    if (el) return { el, selector };
  }
  return null;
}

/** All elements matching the first alternative of `name` that matches anything. */
export function queryAllIn<T extends SelectorTable>(table: T, root: ParentNode, name: keyof T): Element[] {
  for (const selector of table[name] ?? []) {
    const els = root.querySelectorAll(selector);
    if (els.length > 0) return [...els];
  }
  return [];
}
