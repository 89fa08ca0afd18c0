import { test as base, type Page } from '@playwright/test';
import { type ExtensionSession, launchExtension } from './launch';
import { DockObject, PanelObject } from './pages';

/** Each test gets its own Chromium with the built extension and a fresh profile. */
export const test = base.extend<{ session: ExtensionSession; page: Page; dock: DockObject; panel: PanelObject }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this destructuring.
  session: async ({}, use) => {
    const session = await launchExtension();
    await use(session);
    await session.close();
  },
  page: async ({ session }, use) => {
    const page = await session.context.newPage();
    await use(page);
  },
  dock: async ({ page }, use) => use(new DockObject(page)),
  panel: async ({ page }, use) => use(new PanelObject(page)),
});

export { expect } from '@playwright/test';
