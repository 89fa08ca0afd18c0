import { expect, test } from '@playwright/test';
import { launchExtension } from './support/launch';

// Its own browser: reloading the extension replaces the service worker the shared session holds.
test('an extension update mid-session leaves one “reload the page” notice, not an error flood', async () => {
  const session = await launchExtension();
  try {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://acme.gorgias.com/app/views/123/4101');
    const panel = page.frameLocator('counterpart-dock iframe[src*="/panel.html"]');
    await expect(panel.getByTestId('panel-record')).toContainText('4101');

    await session.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
    );

    const notice = page.locator('counterpart-dock').getByRole('alert');
    await expect(notice).toContainText('Counterpart needs a page reload');
    await expect(notice).toContainText('Reload this page to continue');
    // Navigating in the app afterwards does not stack more notices or throw on the page.
    await page.locator('.ticket-list a[href$="/4102"]').click();
    await expect(page.locator('counterpart-dock').getByRole('alert')).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    await session.close();
  }
});
