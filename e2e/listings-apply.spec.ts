import type { Page } from '@playwright/test';
import type { PanelObject } from './support/pages';
import { expect, test } from './support/test';

const SHOPIFY_PRODUCT = 'https://admin.shopify.com/store/demo-shop/products/8123456789';
// The Seller Central editor of the Shopify product's first variant (TEE-CL-BLK-M): matched by SKU.
const AMAZON_EDIT =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT';
const LIVE_TITLE =
  'Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women - Soft Breathable Everyday Top! Free Shipping';
const FIXED_TITLE = 'Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women';
const LIVE_BULLET_2 = 'Relaxed fit with a ribbed crew neck and double-stitched hems';
const LIVE_BULLET_3 = 'Eco-friendly dyes on pre-shrunk fabric, true to size';

async function captureCanonical(page: Page, panel: PanelObject) {
  await page.goto(SHOPIFY_PRODUCT);
  await expect(panel.region('Captured as canonical')).toContainText('v1');
}

/** What the page's own form last saw for a field (the fixture's framework stand-in). */
const formValue = (page: Page, name: string) =>
  page.evaluate((f) => (window as unknown as { __formState: Record<string, string> }).__formState?.[f], name);
/** The value a Katal field host holds now. */
const hostValue = (page: Page, name: string) =>
  page
    .locator(`[name="${name}"]`)
    .evaluate((el) => (el as HTMLElement & { value?: string }).value ?? el.getAttribute('value'));

test.describe('Seller Central: fix only what breaks a rule, preview first, undo after (issue 17)', () => {
  test('the preview lists only violating fields; applying keeps the good copy; Undo restores the page', async ({
    page,
    panel,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await captureCanonical(page, panel);
    await page.goto(AMAZON_EDIT);
    const check = panel.region('Listing check');
    // The image findings come once the pictures are measured in the background (after the first read).
    await expect(check.getByTestId('listing-counts')).toHaveText('Not ready to submit: 13 must fix · 4 advice.', {
      timeout: 30_000,
    });
    await check.getByRole('button', { name: 'Review 7 fixes' }).click();

    const preview = check.getByRole('group', { name: 'Changes to apply' });
    const changes = preview.locator('[data-testid^="change-"]');
    await expect(changes).toHaveCount(7);
    expect(await changes.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'change-title',
      'change-bullets[0]',
      'change-bullets[2]',
      'change-bullets[3]',
      'change-bullets[4]',
      'change-description',
      'change-search_terms',
    ]);
    // Never a field that breaks no rule: the good bullet 2, the item type "t-shirts", the price.
    await expect(preview.getByTestId('change-bullets[1]')).toHaveCount(0);
    await expect(preview.getByTestId('change-item_type_keyword')).toHaveCount(0);
    await expect(preview.getByTestId('change-price')).toHaveCount(0);
    // Before → after per field, in plain words.
    const title = preview.getByTestId('change-title');
    await expect(title.locator('.ls-before')).toContainText(LIVE_TITLE);
    await expect(title.locator('.ls-after')).toHaveText(`After ${FIXED_TITLE}`);
    await expect(title).toContainText('Takes out “- Soft Breathable Everyday Top! Free Shipping”');
    await expect(title).toContainText('113 → 67 characters');
    const bullet3 = preview.getByTestId('change-bullets[2]');
    await expect(bullet3.locator('.ls-after')).toHaveText('After Dyes on pre-shrunk fabric, true to size');
    await expect(bullet3).toContainText('name that instead');
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/listings-apply-preview.png' });

    await preview.getByRole('button', { name: 'Apply 7 changes' }).click();
    await expect(check.getByTestId('applied')).toContainText('Filled 7 fields');
    await expect.poll(() => formValue(page, 'item_name-0-value')).toBe(FIXED_TITLE);
    await expect.poll(() => formValue(page, 'bullet_point-2-value')).toBe('Dyes on pre-shrunk fabric, true to size');
    // The good copy is untouched, and nothing was submitted.
    expect(await hostValue(page, 'bullet_point-1-value')).toBe(LIVE_BULLET_2);
    expect(await formValue(page, 'bullet_point-1-value')).toBeUndefined();
    expect(await hostValue(page, 'item_type_keyword-0-value')).toBe('t-shirts');
    expect(await page.evaluate(() => (window as unknown as { __submitted: boolean }).__submitted)).toBe(false);
    // The re-read listing: only the MAIN image's 2 must-fix findings (background, fill) are left: no text fix helps.
    await expect(check.getByTestId('listing-counts')).toHaveText('Not ready to submit: 2 must fix · 2 advice.');
    await expect(panel.region('Must fix').locator('.ls-card')).toHaveCount(1);
    await expect(panel.region('Must fix').getByTestId('violation-images[0]')).toBeVisible();
    await page.screenshot({ path: '/tmp/listings-apply-after.png' });

    await check.getByRole('button', { name: 'Undo' }).click();
    await expect(check).toContainText('Restored 7 fields');
    await expect.poll(() => formValue(page, 'item_name-0-value')).toBe(LIVE_TITLE);
    await expect.poll(() => formValue(page, 'bullet_point-2-value')).toBe(LIVE_BULLET_3);
    expect(await hostValue(page, 'bullet_point-1-value')).toBe(LIVE_BULLET_2);
    await expect(check.getByTestId('listing-counts')).toHaveText('Not ready to submit: 13 must fix · 4 advice.');
    expect(await page.evaluate(() => (window as unknown as { __submitted: boolean }).__submitted)).toBe(false);
  });

  test('a violation card shows its field on the page', async ({ page, panel }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(AMAZON_EDIT);
    const card = panel.region('Must fix').getByTestId('violation-search_terms');
    await expect(card).toContainText('Prohibited search terms');
    const host = page.locator('[name="generic_keyword-0-value"]');
    await expect(host).not.toBeInViewport();
    await card.getByRole('button', { name: 'Search terms', exact: true }).click();
    await expect(host).toHaveAttribute('data-counterpart-focus', '');
    await expect(host).toBeInViewport();
    await page.screenshot({ path: '/tmp/listings-card-focus.png' });
  });

  test('one count between the Seller Central panel and the catalogue; a catalogue cell opens its findings', async ({
    page,
    panel,
    session,
  }) => {
    await captureCanonical(page, panel);
    // The Shopify panel's Amazon readiness, summed over the product's 3 SKUs.
    const readiness = panel.region('Channel readiness').getByTestId('readiness-amazon');
    await expect(readiness).toContainText('1 must fix · 8 advice');
    await page.goto(AMAZON_EDIT);
    await expect(panel.region('Listing check').getByTestId('listing-counts')).toHaveText(
      'Not ready to submit: 13 must fix · 4 advice.',
      { timeout: 30_000 },
    );
    await expect(panel.region('Must fix').getByTestId('violations').locator('.ls-card')).toHaveCount(7);

    const catalogue = await page.context().newPage();
    await catalogue.setViewportSize({ width: 1366, height: 768 });
    await catalogue.goto(`chrome-extension://${session.extensionId}/catalogue.html`);
    await catalogue.getByRole('button', { name: 'Check 1 product' }).click();
    await expect(catalogue.getByRole('status').filter({ hasText: '1 of 1 products checked' })).toBeVisible();
    const row = catalogue.getByTestId('catalogue-row-8123456789-TEE-CL-BLK-M');
    // The live listing's count is the panel's count.
    await expect(row.locator('td[data-channel="amazon"]').getByTestId('cell-live')).toHaveText(
      'live listing: 13 must fix',
    );

    // The catalogue's Amazon cells (one per SKU) add up to the Shopify panel's count.
    const cellCounts = await catalogue
      .locator('td[data-channel="amazon"] [data-testid="cell-counts"]')
      .allTextContents();
    const sum = (re: RegExp) => cellCounts.reduce((n, t) => n + Number(t.match(re)?.[1] ?? 0), 0);
    expect(cellCounts).toHaveLength(3);
    expect([sum(/(\d+) must fix/), sum(/(\d+) advice/)]).toEqual([1, 8]);

    // The XL's barcode fails its check digit: its Amazon cell opens what must be fixed, with the same count.
    const xl = catalogue.getByTestId('catalogue-row-8123456789-TEE-CL-BLK-XL').locator('td[data-channel="amazon"]');
    const counts = (await xl.getByTestId('cell-counts').textContent()) ?? '';
    expect(counts).toBe('1 must fix · 2 advice');
    await xl.getByRole('button').click();
    const drawer = catalogue.getByRole('region', { name: 'Cell findings' });
    await expect(drawer.getByRole('heading')).toHaveText('Amazon · Classic Tee · TEE-CL-BLK-XL');
    await expect(drawer.getByRole('heading')).toBeFocused();
    await expect(drawer).toContainText(`Not ready: ${counts.trim()}`);
    await expect(drawer).toContainText('Product ID (GTIN)');
    await expect(drawer).toContainText('Check digit of');
    await catalogue.screenshot({ path: '/tmp/listings-catalogue-cell.png' });
  });
});
