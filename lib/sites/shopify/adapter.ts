import type { SiteAdapter } from '../adapter';
import { extract } from './extract';

/** Shopify admin: reads product pages (canonical product + inventory per location) and the inventory list. */
export const shopifyAdapter: SiteAdapter = {
  app: 'shopify',
  label: 'Shopify admin',
  extract: (doc, url) => extract(doc, url),
};
