import { openShadowRoot, type ShadowRootOf } from '../shadow-root';
import { SELECTORS, type SelectorName } from './selectors';

// How to get an element's shadow root: one definition for every adapter (../shadow-root.ts).
export { openShadowRoot, type ShadowRootOf } from '../shadow-root';

/** Every element of the composed tree under `root`: light DOM plus every reachable shadow root, in document order. */
export function* composedElements(root: ParentNode, shadowOf: ShadowRootOf = openShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    const sr = shadowOf(el);
    if (sr) yield* composedElements(sr, shadowOf);
  }
}

/** Elements of the composed tree matching any alternative of a named selector (first alternative that matches). */
export function composedQueryAll(
  root: ParentNode,
  name: SelectorName,
  shadowOf: ShadowRootOf = openShadowRoot,
): Element[] {
  const all = [...composedElements(root, shadowOf)];
  for (const selector of SELECTORS[name]) {
    const hits = all.filter((el) => el.matches(selector));
    if (hits.length) return hits;
  }
  return [];
}

/** Text of an element including the text inside its (and its descendants') shadow roots. */
export function composedText(el: Element, shadowOf: ShadowRootOf = openShadowRoot): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'STYLE' || tag === 'SCRIPT') return;
      const sr = shadowOf(node as Element);
      if (sr) visit(sr);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The native control a field host edits: itself when it is a plain control, else the control in its shadow root. */
export function innerControl(host: Element, shadowOf: ShadowRootOf = openShadowRoot): Element | null {
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(host.tagName)) return host;
  const sr = shadowOf(host);
  if (!sr) return null;
  for (const s of SELECTORS.innerControl) {
    const el = sr.querySelector(s);
    if (el) return el;
  }
  return null;
}

/**
 * Current value of a field host. The inner control is read first because it is live DOM state
 * that an isolated-world content script shares with the page, whereas a custom element's `.value`
 * accessor lives in the page's JavaScript world; then `.value`, then the `value` attribute.
 */
export function hostValue(host: Element, shadowOf: ShadowRootOf = openShadowRoot): string {
  const inner = innerControl(host, shadowOf);
  if (inner && 'value' in inner && typeof (inner as HTMLInputElement).value === 'string')
    return (inner as HTMLInputElement).value;
  if (inner) return (inner.textContent ?? '').trim();
  const v: unknown = Reflect.get(host, 'value');
  if (typeof v === 'string') return v;
  return host.getAttribute('value') ?? '';
}
