import { expect, test } from './support/test';

const GORGIAS_TICKET = 'https://acme.gorgias.com/app/views/123/4101';
const LOOP_RETURN = 'https://admin.loopreturns.com/returns/48213577';
const SHOPIFY_PRODUCT = 'https://admin.shopify.com/store/demo-shop/products/8123456789';
const AMAZON_LISTING =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT';

test.describe('the docked panel', () => {
  for (const [app, url, record] of [
    ['Gorgias', GORGIAS_TICKET, /Ticket · 4101/],
    ['Loop Returns', LOOP_RETURN, /Return · 48213577/],
    ['Shopify admin', SHOPIFY_PRODUCT, /Product · 8123456789/],
    ['Seller Central', AMAZON_LISTING, /Listing · TEE-CL-BLK-M/],
  ] as const) {
    test(`docks on the ${app} fixture beside the page, not over it`, async ({ page, dock, panel }) => {
      await page.goto(url);
      await dock.expectDocked();
      await expect(panel.record).toContainText(record);
      await expect(panel.header).toContainText(app);
      // The page is pushed left by the panel's width, so its own right-hand controls stay clickable.
      const width = await dock.host.locator('.dock').evaluate((el) => el.getBoundingClientRect().width);
      expect(await dock.pushedBy()).toBe(width);
      const pageRight = await page.evaluate(() => document.body.getBoundingClientRect().right);
      const viewport = page.viewportSize()?.width ?? 0;
      expect(pageRight).toBeLessThanOrEqual(viewport - width + 1);
    });
  }

  test('without the test handle the dock’s shadow root is closed to the page, and the panel still works', async ({
    page,
    session,
  }) => {
    await session.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }
      ).chrome.storage.local.remove('test.dockShadowOpen'),
    );
    await page.goto(GORGIAS_TICKET);
    await expect(page.locator('counterpart-dock')).toBeAttached();
    // The page's own scripts get no shadow root, so no handle on the controls or the frame.
    expect(await page.evaluate(() => document.querySelector('counterpart-dock')?.shadowRoot ?? null)).toBeNull();
    await expect(page.locator('counterpart-dock iframe')).toHaveCount(0);
    // The panel frame is still there (found by its URL, as a person's browser shows it).
    await expect.poll(() => page.frames().some((f) => f.url().includes('/panel.html'))).toBe(true);
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    await expect(frame!.getByTestId('panel-record')).toContainText('4101');
  });

  test('collapses to a tab and restores, and remembers the state per app', async ({ page, dock, panel }) => {
    await page.goto(GORGIAS_TICKET);
    await dock.expectDocked();
    await dock.collapseButton.click();
    await expect(dock.openTab).toBeVisible();
    await expect(dock.host.locator('.dock')).toBeHidden();
    expect(await dock.pushedBy()).toBe(0);

    await page.reload();
    await expect(dock.openTab).toBeVisible();
    await page.goto(LOOP_RETURN);
    await dock.expectDocked();

    await page.goto(GORGIAS_TICKET);
    await dock.openTab.click();
    await dock.expectDocked();
    await expect(panel.record).toContainText('4101');
  });

  test('resizes from the keyboard and keeps the width', async ({ page, dock }) => {
    await page.goto(GORGIAS_TICKET);
    await dock.expectDocked();
    const before = await dock.pushedBy();
    await dock.rail.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => dock.pushedBy()).toBe(before + 40);
    await page.reload();
    await dock.expectDocked();
    await expect.poll(() => dock.pushedBy()).toBe(before + 40);
  });

  test('follows SPA navigation to the next ticket', async ({ page, panel }) => {
    await page.goto(GORGIAS_TICKET);
    await expect(panel.record).toContainText('4101');
    await page.locator('.ticket-list a[href$="/4102"]').click();
    await expect(page).toHaveURL(/\/4102$/);
    await expect(panel.record).toContainText('4102');
    await page.goBack();
    await expect(panel.record).toContainText('4101');
  });

  test('says it could not read an unknown page and takes pasted text instead', async ({ page, panel }) => {
    await page.goto('https://acme.gorgias.com/app/views/123/9999');
    await expect(panel.text('Could not read this page')).toBeVisible();
    const box = panel.frame.getByRole('textbox', { name: 'Pasted page text' });
    await box.fill('Hi, where is my order #1047? Jane');
    await panel.frame.getByRole('button', { name: 'Use this text' }).click();
    await expect(panel.text('Saved for this tab.')).toBeVisible();
  });

  test('keeps keys typed in the panel away from the host app’s shortcuts', async ({ page, panel }) => {
    await page.goto('https://acme.gorgias.com/app/views/123/9999');
    await page.evaluate(() => {
      (window as unknown as { keysSeen: string[] }).keysSeen = [];
      document.addEventListener('keydown', (e) => (window as unknown as { keysSeen: string[] }).keysSeen.push(e.key));
    });
    await panel.frame.getByRole('textbox', { name: 'Pasted page text' }).pressSequentially('rrr');
    expect(await page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen)).toEqual([]);
  });
});
