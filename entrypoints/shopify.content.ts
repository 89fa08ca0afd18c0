import { runContentScript } from '../lib/sites/content/run';
import { HOST_MATCHES } from '../lib/sites/hosts';
import { shopifyAdapter } from '../lib/sites/shopify/adapter';

// Thin: read, dock, relay. Matches the whole app and routes inside (SPA navigation never re-injects).
export default defineContentScript({
  matches: [...HOST_MATCHES.shopify],
  runAt: 'document_idle',
  main(ctx) {
    return runContentScript(ctx, shopifyAdapter);
  },
});
