import type { SiteAdapter } from '../adapter';

// TEMPORARY stub until the adapter's extract.ts lands.
export const amazonAdapter: SiteAdapter = {
  app: 'amazon',
  label: 'amazon',
  extract(doc, url) {
    const recognised = doc.querySelector('h1') !== null;
    return {
      app: 'amazon',
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
