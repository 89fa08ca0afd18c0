import { amazonAdapter } from '../lib/sites/amazon/adapter';
import { deepScan } from '../lib/sites/content/deep-scan';
import { runContentScript } from '../lib/sites/content/run';
import { HOST_MATCHES } from '../lib/sites/hosts';
import { composedShadowRootOf } from '../lib/sites/shadow-root';
import { amazonIdentity } from '../lib/sites/snapshot-identity';

// Thin: read, dock, relay. Matches the whole app and routes inside (SPA navigation never re-injects).
// From document start: the dock and its panel frame load while the host page does (see runContentScript).
export default defineContentScript({
  matches: [...HOST_MATCHES.amazon],
  runAt: 'document_start',
  main(ctx) {
    // Its adapter reads inside shadow roots (and iframes): the reader watches them too.
    return runContentScript(ctx, amazonAdapter, amazonIdentity, deepScan(composedShadowRootOf()));
  },
});
