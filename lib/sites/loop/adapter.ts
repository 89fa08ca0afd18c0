import { call } from '../../messaging/client';
import type { SiteAdapter } from '../adapter';
import { extract } from './extract';
import { refineLoop } from './refine';
import { installLabels } from './selectors';

let labelsReady: Promise<void> | undefined;

/** Loop Returns admin: read-only (the panel copies drafts; it never acts on a return). */
export const loopAdapter: SiteAdapter = {
  app: 'loop',
  label: 'Loop',
  extract: (doc, url) => extract(doc, url),
  refine: (snapshot) => refineLoop(snapshot),
  // The five-language labels come from the background once (English is built in meanwhile).
  prepare: () =>
    (labelsReady ??= call('sites.labels', { app: 'loop' }).then((answer) => {
      if (answer.ok) installLabels(answer.data.labels);
    })),
};
