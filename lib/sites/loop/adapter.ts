import type { SiteAdapter } from '../adapter';
import { extract } from './extract';

/** Loop Returns admin: read-only (the panel drafts the customer reply; nothing is written into Loop). */
export const loopAdapter: SiteAdapter = {
  app: 'loop',
  label: 'Loop',
  extract: (doc, url) => extract(doc, url),
};
