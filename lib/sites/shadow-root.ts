/**
 * How a content script reaches an element's shadow root, open or closed, in each browser:
 * Chrome gives `chrome.dom.openOrClosedShadowRoot(el)`; Firefox has no `dom` namespace but exposes
 * `element.openOrClosedShadowRoot` to content scripts (host-evidence §0: uBlock Origin uses it).
 * Elsewhere (tests, a page world) only open roots are reachable.
 */
export type ShadowRootOf = (el: Element) => ShadowRoot | null;

/** The open root only: browsers already hide closed roots here; the check keeps non-browser DOMs honest. */
export const openShadowRoot: ShadowRootOf = (el) => {
  const root = el.shadowRoot;
  return root && root.mode !== 'closed' ? root : null;
};

type ChromeDom = { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } };

/**
 * The best shadow-root reader the environment offers: Chrome's `chrome.dom`, else Firefox's
 * `element.openOrClosedShadowRoot` (a property in Firefox; a method is accepted too), else open roots.
 * `scope` is the global object to look in (a parameter so tests can stub either browser).
 */
export function composedShadowRootOf(scope: unknown = globalThis): ShadowRootOf {
  const chromeDom = (scope as { chrome?: ChromeDom }).chrome?.dom;
  if (typeof chromeDom?.openOrClosedShadowRoot === 'function') {
    const read = chromeDom.openOrClosedShadowRoot.bind(chromeDom);
    return (el) => read(el) ?? null;
  }
  return (el) => {
    const ff: unknown = Reflect.get(el, 'openOrClosedShadowRoot');
    if (typeof ff === 'function') return (ff.call(el) as ShadowRoot | null) ?? null;
    if (ff && typeof ff === 'object') return ff as ShadowRoot;
    return openShadowRoot(el);
  };
}
