import { test as base, type Page } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { DEMO_BRAND_STORAGE } from '../fixtures/demo-brand';
import { type ExtensionSession, launchExtension } from './launch';
import { DockObject, PanelObject } from './pages';

/**
 * One Chromium with the built extension per worker (launching is the slow part); every test gets
 * a fresh page and starts from empty extension storage and an empty database.
 */
export const test = base.extend<{ page: Page; dock: DockObject; panel: PanelObject }, { session: ExtensionSession }>({
  session: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this destructuring.
    async ({}, use) => {
      const session = await launchExtension();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ session }, use) => {
    await resetExtension(session);
    const page = await session.context.newPage();
    await use(page);
    for (const p of session.context.pages()) await p.close();
  },
  dock: async ({ page }, use) => use(new DockObject(page)),
  panel: async ({ page }, use) => use(new PanelObject(page)),
});

/**
 * Empties the extension's storage areas and every object store of its databases, then sets the
 * test-only key that opens the dock's shadow root (closed for everyone else) and the demo brand
 * (name, signature, policies: a fresh install has none; `noBrand` leaves it out).
 */
export async function resetExtension(session: ExtensionSession, { noBrand = false } = {}): Promise<void> {
  await session.worker.evaluate(async () => {
    // Runs inside the service worker, where the extension API is the `chrome` global.
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    await api.storage.local.clear();
    await api.storage.session.clear();
    for (const name of ['counterpart', 'counterpart-secrets']) {
      await new Promise<void>((resolve) => {
        const req = indexedDB.open(name);
        req.onerror = () => resolve();
        req.onsuccess = () => {
          const idb = req.result;
          const stores = [...idb.objectStoreNames];
          if (!stores.length) {
            idb.close();
            return resolve();
          }
          const tx = idb.transaction(stores, 'readwrite');
          for (const s of stores) tx.objectStore(s).clear();
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => {
            idb.close();
            resolve();
          };
        };
      });
    }
    // The test-only handle that opens the dock's shadow root for Playwright (lib/settings/dock.ts).
    await api.storage.local.set({ 'test.dockShadowOpen': true });
  });
  if (noBrand) return;
  await session.worker.evaluate(
    (brand) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set(brand),
    DEMO_BRAND_STORAGE,
  );
}

export { expect } from '@playwright/test';
