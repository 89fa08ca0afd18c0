import { browser } from 'wxt/browser';
import { createRouter, type Handlers } from '../../lib/messaging/router';
import { aiHandlers } from './ai';
import { pageWriteHandlers } from './page-write';
import { snapshotHandlers } from './snapshots';
import { trustEnv } from './trust-env';

const handlers: Handlers = {
  ...snapshotHandlers,
  ...pageWriteHandlers,
  ...aiHandlers,
};

/** One listener for every message: the router validates sender and payload before any handler runs. */
export function setupMessaging(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const route = createRouter(handlers, trustEnv());
    return route(message, sender);
  });
}
