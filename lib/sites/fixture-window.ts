import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/** A fixture page loaded in happy-dom, and every shadow root it attached (open or closed). */
export interface FixtureWindow {
  window: Window;
  document: Document;
  closedRoots: WeakMap<Element, ShadowRoot>;
}

/**
 * Test-only helper (Node): loads the fixture page `file` of `dir` at `url` in happy-dom with its
 * inline scripts running (they define the test-only web components). `closedRoots` receives every
 * shadow root, open or closed, the way a content script's `openOrClosedShadowRoot` would give them.
 */
export function loadFixtureWindow(
  dir: string,
  file: string,
  url: string,
  options: { iframes?: boolean } = {},
): FixtureWindow {
  const html = readFileSync(resolve(dir, file), 'utf8');
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      ...(options.iframes === false ? { disableIframePageLoading: true } : {}),
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
