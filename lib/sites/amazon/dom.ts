import { openShadowRoot, type ShadowRootOf } from '../shadow-root';
import { SELECTORS, type SelectorName } from './selectors';

// How to get an element's shadow root: one definition for every adapter (../shadow-root.ts).
export { openShadowRoot, type ShadowRootOf } from '../shadow-root';

/**
 * Whether an element may host a shadow root the lookups should enter: one that shows an open root,
 * or a custom element (a closed root, e.g. Katal's, is only reachable through `shadowOf` and hides
 * behind custom elements). Checked before `shadowOf`, so `chrome.dom.openOrClosedShadowRoot` is not
 * called for every element of the page.
 */
const mayHostShadow = (el: Element): boolean => el.shadowRoot !== null || el.localName.includes('-');

/**
 * Shadow hosts found per tree, kept for one synchronous read (an extract or a write makes many
 * lookups over the same page; `chrome.dom.openOrClosedShadowRoot` costs a call into the extension
 * runtime per element). Dropped at the next microtask, so a later read sees the page as it is then.
 */
let hostCache: Map<ShadowRootOf, WeakMap<ParentNode, Array<[Element, ShadowRoot]>>> | null = null;

/** Elements of `root`'s own tree (not entering shadow roots) that host a reachable shadow root, with it, in document order. */
function shadowHosts(root: ParentNode, shadowOf: ShadowRootOf): Array<[Element, ShadowRoot]> {
  if (!hostCache) {
    hostCache = new Map();
    queueMicrotask(() => {
      hostCache = null;
    });
  }
  const byRoot = hostCache.get(shadowOf) ?? new WeakMap();
  hostCache.set(shadowOf, byRoot);
  let out = byRoot.get(root);
  if (!out) {
    out = [];
    for (const el of root.querySelectorAll('*')) {
      const sr = mayHostShadow(el) && shadowOf(el);
      if (sr) out.push([el, sr]);
    }
    byRoot.set(root, out);
  }
  return out;
}

/** Every element of the composed tree under `root`: light DOM plus every reachable shadow root, in document order. */
export function* composedElements(root: ParentNode, shadowOf: ShadowRootOf = openShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    const sr = mayHostShadow(el) ? shadowOf(el) : null;
    if (sr) yield* composedElements(sr, shadowOf);
  }
}

/**
 * Elements matching `selector` in the composed tree under `root`, in composed document order (a
 * host's shadow content right after the host). The browser's selector engine runs once per tree
 * (document, each shadow root); no element is copied or matched one by one.
 */
function composedMatches(root: ParentNode, selector: string, shadowOf: ShadowRootOf): Element[] {
  const hits = root.querySelectorAll(selector);
  const hosts = shadowHosts(root, shadowOf);
  if (hosts.length === 0) return [...hits];
  const out: Element[] = [];
  let i = 0;
  for (const [host, sr] of hosts) {
    // Hits up to and including the host come first; its shadow content goes before its light descendants.
    while (i < hits.length) {
      const hit = hits[i] as Element;
      if (hit !== host && !((host.compareDocumentPosition(hit) & 2) /* DOCUMENT_POSITION_PRECEDING */)) break;
      out.push(hit);
      i++;
    }
    out.push(...composedMatches(sr, selector, shadowOf));
  }
  for (; i < hits.length; i++) out.push(hits[i] as Element);
  return out;
}

/** Elements of the composed tree matching any alternative of a named selector (first alternative that matches). */
export function composedQueryAll(
  root: ParentNode,
  name: SelectorName,
  shadowOf: ShadowRootOf = openShadowRoot,
): Element[] {
  for (const selector of SELECTORS[name]) {
    const hits = composedMatches(root, selector, shadowOf);
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
