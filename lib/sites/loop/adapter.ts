import type { SiteAdapter } from '../adapter';
import { extract } from './extract';
import { refineLoop } from './refine';

/** Loop Returns admin: read-only (the panel copies drafts; it never acts on a return). */
export const loopAdapter: SiteAdapter = {
  app: 'loop',
  label: 'Loop',
  extract: (doc, url) => extract(doc, url),
  refine: (snapshot) => refineLoop(snapshot),
};
