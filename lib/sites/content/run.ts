import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { call } from '../../messaging/client';
import type { WriteResult } from '../../messaging/contract/core';
import { parseWriteAction } from '../../messaging/contract/write-guard';
import { readDockShadowMode, readDockState, writeDockState } from '../../settings/dock';
import { fnv1a } from '../../util/hash';
import { readPage, type SiteAdapter, unsupportedWrite } from '../adapter';
import { canFramePanel } from '../hosts';
import { TOGGLE_DOCK_MESSAGE } from './commands';
import { detachedDock, mountDock } from './dock';

const DEBOUNCE_MS = 400;

/**
 * The whole life of a content script: dock the panel, publish a snapshot of the page, re-publish
 * on SPA navigation or DOM change (debounced, only when the snapshot changed), and carry out write
 * actions the background relays from the panel. Everything is tied to `ctx`, so an extension
 * update leaves one "reload" notice and no stray listeners.
 */
export async function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const dock = !canFramePanel(location.href)
    ? detachedDock(document)
    : mountDock(document, {
        src: `${browser.runtime.getURL('/panel.html')}?app=${adapter.app}`,
        appLabel: adapter.label,
        state: await readDockState(adapter.app),
        shadowMode: await readDockShadowMode(),
        onStateChange: (state) => {
          if (!ctx.isInvalid) void writeDockState(adapter.app, state);
        },
      });
  ctx.onInvalidated(() => dock.showNotice('Counterpart was updated or reloaded. Reload this page to continue.'));
  // An update orphans this script silently; reading `ctx.isInvalid` notices it (runtime.id is gone)
  // and fires onInvalidated once. Checked when the person reaches for the panel and every few seconds.
  const checkAlive = () => void ctx.isInvalid;
  dock.host.addEventListener('pointerenter', checkAlive);
  ctx.setInterval(checkAlive, 3000);

  let lastHash = '';
  const publish = async () => {
    if (ctx.isInvalid) return;
    const snapshot = await readPage(adapter, document, new URL(location.href));
    if (ctx.isInvalid) return;
    const hash = fnv1a(JSON.stringify({ ...snapshot, capturedAt: '' }));
    if (hash === lastHash) return;
    lastHash = hash;
    const result = await call('snapshot.publish', snapshot);
    if (!result.ok) {
      if (result.error.code === 'unavailable') dock.showNotice(result.error.message);
      else console.warn(`[counterpart] snapshot refused: ${result.error.message}`);
    }
  };

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      void publish();
    }, DEBOUNCE_MS);
  };
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'popstate', schedule);
  // An image finishing loading changes what can be measured (size, colours) but not the DOM.
  ctx.addEventListener(document, 'load', (e) => (e.target as Element | null)?.tagName === 'IMG' && schedule(), {
    capture: true,
  });
  const observer = new MutationObserver((records) => {
    if (records.every((r) => r.target === dock.host || dock.host.contains(r.target))) return;
    schedule();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

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
        schedule();
        sendResponse(result);
      },
      (error: unknown) =>
        sendResponse({ done: false, message: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as never));

  await publish();
}
