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
  const dom = (scope as { chrome?: ChromeDom }).chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function') {
    // Each `chrome.dom` call goes through the extension runtime (it showed in host-page profiles):
    // an open root is taken directly, and a root once found is remembered (an element keeps its
    // shadow root for good; one without may get one later, so "none" is asked again).
    const found = new WeakMap<Element, ShadowRoot>();
    return (el) => {
      const root = el.shadowRoot ?? found.get(el) ?? dom.openOrClosedShadowRoot?.(el) ?? null;
      if (root) found.set(el, root);
      return root;
    };
  }
  return (el) => {
    const ff: unknown = Reflect.get(el, 'openOrClosedShadowRoot');
    return ((typeof ff === 'function' ? ff.call(el) : ff) as ShadowRoot | null) ?? openShadowRoot(el);
  };
}
