import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/** Folder of the Shopify admin fixture pages, resolved from the repo root. */
export const SHOPIFY_FIXTURES = resolve(process.cwd(), 'e2e/fixtures/shopify');

/**
 * Test-only helper (Node): loads a Shopify fixture at `url` in happy-dom with its inline scripts
 * running (they define the test-only web components). `closedRoots` receives every shadow root, open
 * or closed, the way a content script's `openOrClosedShadowRoot` would give them.
 */
export function loadShopifyFixture(
  file: string,
  url: string,
): { window: Window; document: Document; closedRoots: WeakMap<Element, ShadowRoot> } {
  const html = readFileSync(resolve(SHOPIFY_FIXTURES, file), 'utf8');
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableIframePageLoading: true,
    },
  });
  const closedRoots = new WeakMap<Element, ShadowRoot>();
  const proto = window.Element.prototype as unknown as { attachShadow(init: ShadowRootInit): ShadowRoot };
  const original = proto.attachShadow;
  proto.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    closedRoots.set(this, root);
    return root;
  };
  window.document.write(html);
  return { window, document: window.document as unknown as Document, closedRoots };
}
