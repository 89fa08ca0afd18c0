import { type SiteAdapter, unsupportedWrite } from '../adapter';
import { composedShadowRootOf } from '../shadow-root';
import { hostValue, type ShadowRootOf } from './dom';
import { extract } from './extract';
import { clearViolationMarks, fillField, findFieldHost, focusField, markViolations } from './write';

/**
 * Seller Central adapter. A content script passes a reader that reaches closed shadow roots
 * (`composedShadowRootOf`), so closed Katal roots are read and written too; by default only open roots are reached.
 */
export function createAmazonAdapter(shadowRootOf?: ShadowRootOf): SiteAdapter {
  const adapter: SiteAdapter = {
    app: 'amazon',
    label: 'Seller Central',
    extract: (doc, url) => extract(doc, url, { shadowRootOf }),
    write(doc, action) {
      switch (action.action) {
        case 'fillField':
          return fillField(doc, action.field, action.value, { shadowRootOf });
        case 'markFields': {
          const r = markViolations(doc, action.marks, { shadowRootOf });
          return {
            done: r.marked > 0 || action.marks.length === 0,
            method: 'outline',
            message:
              `Marked ${r.marked} field(s)${r.notFound.length ? `; not on this page: ${[...new Set(r.notFound)].join(', ')}` : ''}`.slice(
                0,
                500,
              ),
          };
        }
        case 'focusField':
          return focusField(doc, action.field, { shadowRootOf });
        case 'clearMarks':
          return {
            done: true,
            method: 'outline',
            message: `Cleared ${clearViolationMarks(doc, { shadowRootOf })} note(s)`,
          };
        case 'readField': {
          const host = findFieldHost(doc, action.field, shadowRootOf);
          return host
            ? {
                done: true,
                method: 'read',
                message: `Read ${host.getAttribute('name') ?? action.field}`,
                value: hostValue(host, shadowRootOf).slice(0, 20_000),
              }
            : {
                done: false,
                method: 'not-found',
                message: `Seller Central: field ${action.field} not found on listing editor`,
              };
        }
        default:
          return unsupportedWrite(adapter, action);
      }
    },
  };
  return adapter;
}

/**
 * In a content script the browser's own reader reaches closed Katal roots too (the legacy editor's
 * brand field): Chrome's `chrome.dom.openOrClosedShadowRoot`, Firefox's `element.openOrClosedShadowRoot`
 * (see `../shadow-root.ts`); elsewhere only open roots are read. Resolved on first use, not at import.
 */
let resolved: ShadowRootOf | null = null;
const composedShadowRoot: ShadowRootOf = (el) => {
  resolved ??= composedShadowRootOf();
  return resolved(el);
};

export const amazonAdapter: SiteAdapter = createAmazonAdapter(composedShadowRoot);
