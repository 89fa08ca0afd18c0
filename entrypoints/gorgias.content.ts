import { runContentScript } from '../lib/sites/content/run';
import { gorgiasAdapter } from '../lib/sites/gorgias/adapter';
import { HOST_MATCHES } from '../lib/sites/hosts';

// Thin: read, dock, relay. Matches the whole app and routes inside (SPA navigation never re-injects).
export default defineContentScript({
  matches: [...HOST_MATCHES.gorgias],
  runAt: 'document_idle',
  main(ctx) {
    return runContentScript(ctx, gorgiasAdapter);
  },
});
