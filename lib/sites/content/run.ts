import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { call } from '../../messaging/client';
import type { WriteResult } from '../../messaging/contract/core';
import { parseWriteAction } from '../../messaging/contract/write-guard';
import { DOCK_DEFAULTS, readDockShadowMode, readDockState, writeDockState } from '../../settings/dock';
import { readPage, type SiteAdapter, unsupportedWrite } from '../adapter';
import { setImageMeasuredListener, setMeasureSource } from '../images';
import type { PageIdentityCheck } from '../snapshot-identity';
import { TOGGLE_DOCK_MESSAGE } from './commands';
import { detachedDock, mountDock, pushPage } from './dock';
import { createPageReader } from './reader';

/**
 * Whether this page may frame the panel: every host the content scripts run on may, except the
 * legacy `{shop}.myshopify.com` admin (see `PANEL_FRAME_ORIGINS`; a test holds the two to agree).
 * Not `canFramePanel` itself: its pattern matcher would ship in every content script (size budget).
 */
export const mayFramePanel = (hostname: string): boolean => !/\.myshopify\.com$/i.test(hostname);

/**
 * The whole life of a content script: dock the panel, publish a snapshot of the page, re-publish
 * on SPA navigation or DOM change (only when the snapshot changed; see `createPageReader`), and
 * carry out write actions the background relays from the panel. Everything is tied to `ctx`, so an
 * extension update leaves one "reload" notice and no stray listeners.
 *
 * Runs from document start: the dock (and so the panel frame, which then boots while the host page
 * is still loading) is mounted first, its push in place before the host's first layout; the page
 * is read once its DOM is parsed.
 */
export async function runContentScript(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  identity?: PageIdentityCheck,
): Promise<void> {
  const framed = mayFramePanel(location.hostname);
  // Pushed by the usual width at once, before the host lays out its page; the stored state follows.
  if (framed) pushPage(document, DOCK_DEFAULTS.width);
  const [state, shadowMode] = framed
    ? await Promise.all([readDockState(adapter.app), readDockShadowMode()])
    : [null, undefined];
  const dock = !state
    ? detachedDock(document)
    : mountDock(document, {
        src: `${browser.runtime.getURL('/panel.html')}?app=${adapter.app}`,
        appLabel: adapter.label,
        state,
        shadowMode,
        onStateChange: (next) => {
          if (!ctx.isInvalid) void writeDockState(adapter.app, next);
        },
      });
  ctx.onInvalidated(() => dock.showNotice('Counterpart was updated or reloaded. Reload this page to continue.'));
  // An update orphans this script silently; reading `ctx.isInvalid` notices it (runtime.id is gone)
  // and fires onInvalidated once. Checked when the person reaches for the panel and every few seconds.
  const checkAlive = () => void ctx.isInvalid;
  dock.host.addEventListener('pointerenter', checkAlive);
  ctx.setInterval(checkAlive, 3000);

  if (document.readyState === 'loading')
    await new Promise<void>((resolve) =>
      document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
    );
  if (ctx.isInvalid) return;

  const reader = createPageReader({
    adapter,
    identity,
    doc: document,
    href: () => location.href,
    read: readPage,
    ignore: (node) => dock.owns(node),
    send: async (snapshot) => {
      if (ctx.isInvalid) return;
      const result = await call('snapshot.publish', snapshot);
      // A refused snapshot is the background's to report; a closed channel means the script is orphaned.
      if (!result.ok && result.error.code === 'unavailable') dock.showNotice(result.error.message);
    },
  });
  ctx.onInvalidated(() => reader.disconnect());
  // WXT raises this from the Navigation API's `navigate` event, which fires before the address
  // changes: read the address on the next task, once it names the new record.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => reader.locationChanged(), 0));
  ctx.addEventListener(window, 'popstate', () => reader.locationChanged());
  // An image finishing loading, or measured off the main thread, changes what is read but not the DOM.
  ctx.addEventListener(document, 'load', (e) => (e.target as Element | null)?.tagName === 'IMG' && reader.schedule(), {
    capture: true,
  });
  // Pictures are measured in the background from their URL, off this page's main thread.
  setMeasureSource(async (src, width, height) => {
    const r = await call('image.measure', { src, width, height });
    return r.ok ? r.data : null;
  });
  setImageMeasuredListener(() => reader.schedule());

  // Answers with sendResponse (+ `return true`), which works with the browsers' native API in both
  // Chrome and Firefox; content scripts do not load the polyfill (size budget).
  const onMessage = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (answer: WriteResult) => void,
  ): true | undefined => {
    // Only the background may ask for writes: our id, and no tab (a page or frame would have one).
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    // The keyboard command (entrypoints/background/commands.ts): open or close the panel.
    if ((message as { type?: unknown } | null)?.type === TOGGLE_DOCK_MESSAGE) {
      dock.toggle();
      sendResponse({ done: true, message: 'Toggled the panel.' });
      return undefined;
    }
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== 'content.write')
      return undefined;
    const action = parseWriteAction((message as { payload?: unknown }).payload);
    if (!action) {
      sendResponse({ done: false, message: 'Invalid write request.' });
      return undefined;
    }
    Promise.resolve(adapter.write ? adapter.write(document, action) : unsupportedWrite(adapter, action)).then(
      (result) => {
        reader.schedule();
        sendResponse(result);
      },
      (error: unknown) =>
        sendResponse({ done: false, message: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as never));

  reader.readNow();
}
