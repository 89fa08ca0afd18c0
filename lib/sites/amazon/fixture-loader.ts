import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/** Folder of the Seller Central fixture pages, resolved from the repo root. */
export const AMAZON_FIXTURES = resolve(process.cwd(), 'e2e/fixtures/amazon');

/**
 * Test-only helper (Node): loads a Seller Central fixture at `url` in happy-dom with its inline
 * scripts running (they define the test-only kat-* elements). `closedRoots` receives every shadow
 * root, open or closed, the way `chrome.dom.openOrClosedShadowRoot` would give them to a content script.
 */
export function loadAmazonFixture(
  file: string,
  url: string,
): { window: Window; document: Document; closedRoots: WeakMap<Element, ShadowRoot> } {
  const html = readFileSync(resolve(AMAZON_FIXTURES, file), 'utf8');
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
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
