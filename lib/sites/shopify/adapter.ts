import type { SiteAdapter } from '../adapter';

// TEMPORARY stub until the adapter's extract.ts lands.
export const shopifyAdapter: SiteAdapter = {
  app: 'shopify',
  label: 'shopify',
  extract(doc, url) {
    const recognised = doc.querySelector('h1') !== null;
    return {
      app: 'shopify',
      page: recognised ? 'ticket' : 'unknown',
      entityId: url.pathname.split('/').pop() ?? null,
      url: url.href,
      title: doc.querySelector('h1')?.textContent ?? doc.title,
      capturedAt: new Date().toISOString(),
      recognised,
      missing: recognised ? [] : ['stub: no h1 found on page'],
      data: { heading: doc.querySelector('h1')?.textContent ?? '' },
    };
  },
};
