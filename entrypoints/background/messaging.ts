import { browser } from 'wxt/browser';
import { createRouter, type Handlers } from '../../lib/messaging/router';
import { aiHandlers, aiStatus } from './ai';
import { brandModelHandlers } from './brand-model';
import { csHandlers } from './cs';
import { fieldFixHandlers } from './field-fixes';
import { listingsHandlers } from './listings';
import { pageWriteHandlers } from './page-write';
import { panelFirstAnswerHandler } from './panel-open';
import { planningHandlers } from './planning';
import { returnsHandlers } from './returns';
import { siteReadHandlers } from './site-reads';
import { snapshotHandlers } from './snapshots';
import { readTabSnapshot } from './tab-state';
import { trustEnv } from './trust-env';

const handlers: Handlers = {
  ...snapshotHandlers,
  ...pageWriteHandlers,
  ...aiHandlers,
  ...csHandlers,
  ...returnsHandlers,
  ...planningHandlers,
  ...listingsHandlers,
  ...brandModelHandlers,
  ...siteReadHandlers,
  ...fieldFixHandlers,
};
// The panel's boot: its sections' first answers, from the handlers above, for the page its tab shows.
handlers['panel.firstAnswer'] = panelFirstAnswerHandler(handlers, async (tabId) => {
  const [snapshot, ai] = await Promise.all([readTabSnapshot(tabId), aiStatus()]);
  return { snapshot, remote: ai.settings.mode === 'remote' };
});

/** One listener for every message: the router validates sender and payload before any handler runs. */
export function setupMessaging(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const route = createRouter(handlers, trustEnv());
    return route(message, sender);
  });
}
