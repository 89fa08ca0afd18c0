import type { ShadowRootOf } from '../shadow-root';
import type { DeepScan } from './reader';

/**
 * The page reader's deep scan, for apps whose adapter reads inside shadow roots and same-origin
 * iframes (Shopify admin, Seller Central): finds them under each node the page adds, so changes in
 * them trigger re-reads too. Its own module, so the Gorgias and Loop content scripts, which need
 * none of it, do not carry it (size budget). Only custom elements are asked for a closed root.
 */
export function deepScan(shadowOf: ShadowRootOf): DeepScan {
  const frames = new WeakSet<Node>();
  return function scan(node, hooks) {
    const els: Element[] = [];
    if (node.nodeType === 1) els.push(node as Element);
    if ('querySelectorAll' in node) els.push(...(node as ParentNode).querySelectorAll('*'));
    for (const el of els) {
      if (hooks.ignore?.(el)) continue;
      if (el.shadowRoot || el.localName.includes('-')) {
        const sr = shadowOf(el);
        if (sr) hooks.watch(sr);
      }
      if (el.localName === 'iframe' && !frames.has(el)) {
        frames.add(el);
        const frame = el as HTMLIFrameElement;
        const attach = () => {
          try {
            const d = frame.contentDocument;
            if (d) hooks.watch(d);
          } catch {
            // Cross-origin frame: not ours to read.
          }
        };
        attach();
        frame.addEventListener('load', () => {
          attach();
          hooks.schedule();
        });
      }
    }
  };
}
