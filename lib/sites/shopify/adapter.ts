import type { SiteAdapter } from '../adapter';
import { composedShadowRootOf, type ShadowRootOf } from '../shadow-root';
import { extract } from './extract';

/**
 * Shopify admin: reads product pages (canonical product + inventory per location) and the inventory
 * list. `shadowRootOf` reaches web-component fields (`s-internal-text-field`); open roots by default.
 */
export function createShopifyAdapter(shadowRootOf?: ShadowRootOf): SiteAdapter {
  return {
    app: 'shopify',
    label: 'Shopify admin',
    extract: (doc, url) => extract(doc, url, undefined, { shadowRootOf }),
  };
}

// Chrome's `chrome.dom` or Firefox's `element.openOrClosedShadowRoot`, resolved on first use, not at import.
let resolved: ShadowRootOf | null = null;
export const shopifyAdapter: SiteAdapter = createShopifyAdapter((el) => {
  resolved ??= composedShadowRootOf();
  return resolved(el);
});
