import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { type ChatRequestBody, startOpenAiTestServer } from './support/openai-test-server';
import type { PanelObject } from './support/pages';
import { expect, test } from './support/test';

const SHOPIFY_PRODUCT = 'https://admin.shopify.com/store/demo-shop/products/8123456789';
// The Seller Central editor of the Shopify product's first variant (TEE-CL-BLK-M): matched by SKU.
const AMAZON_EDIT =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT';
const AMAZON_INVENTORY =
  'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25&searchField=all&searchTerm=&sort=date_created_desc&status=all';
const TITLE_FIELD = 'item_name-0-value';

async function captureCanonical(page: Page, panel: PanelObject) {
  await page.goto(SHOPIFY_PRODUCT);
  await expect(panel.region('Captured as canonical')).toContainText('v1');
}

test.describe('marketplace listings', () => {
  test('captures the Shopify product as canonical with Shopify violations, channel readiness and GTIN checks', async ({
    page,
    panel,
  }) => {
    await captureCanonical(page, panel);
    const captured = panel.region('Captured as canonical');
    await expect(captured).toContainText('First capture');
    await expect(captured.getByTestId('canonical-last-change')).toContainText('title');
    const readiness = panel.region('Channel readiness');
    for (const channel of ['Amazon', 'Walmart', 'eBay', 'Target Plus', 'Faire'])
      await expect(readiness).toContainText(channel);
    // Readiness per SKU: the XL's barcode fails its check digit, so 2 of the 3 SKUs can go to Amazon.
    await expect(readiness.locator('tr', { hasText: 'Amazon' })).toContainText('2 of 3 SKUs ready');
    await expect(panel.region('Shopify rules')).toBeVisible();
    await expect(panel.region('GTIN problems')).toBeVisible();

    // A second read of the unchanged page keeps version 1 (no duplicate history).
    await page.reload();
    await expect(panel.region('Captured as canonical')).toContainText('Up to date');
    await expect(panel.region('Captured as canonical')).toContainText('v1');
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.screenshot({ path: '/tmp/listings-shopify.png' });
  });

  test('outlines violations at their fields, shows drift, and Apply fills a field the page form sees', async ({
    page,
    panel,
  }) => {
    await captureCanonical(page, panel);
    await page.goto(AMAZON_EDIT);

    const mustFix = panel.region('Must fix');
    await expect(mustFix.getByTestId('violations')).toBeVisible();
    await expect(mustFix.getByTestId('violation-title')).toContainText('Title has 113 characters');
    await expect(panel.region('Listing check')).toContainText('Not ready');

    // The title host on the page carries an outline and a plain-words note right after it.
    const titleHost = page.locator(`kat-textarea[name="${TITLE_FIELD}"]`);
    await expect(titleHost).toHaveAttribute('data-counterpart-mark', 'error');
    const note = page.locator(`[data-counterpart-note="${TITLE_FIELD}"]`);
    await expect(note).toContainText('Must fix: Title has 113 characters');
    await expect(page.locator('[data-counterpart-note="bullet_point-4-value"]')).toBeVisible();

    // Drift from the canonical version, field by field (folded).
    const drift = panel.region('Canonical product');
    await drift.getByText('Canonical product').click();
    await expect(drift).toContainText('matched by SKU');
    await expect(drift.getByTestId('drift')).toContainText('Item name');

    // Apply the title fix: the page's own form state sees it, nothing is submitted.
    const card = mustFix.getByTestId('violation-title');
    const proposed = ((await card.locator('.ls-after').textContent()) ?? '').replace(/^Fix\s*/, '');
    expect(proposed).toBe('Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women');
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.screenshot({ path: '/tmp/listings-amazon.png' });
    await card.getByRole('button', { name: 'Apply fix to Item name' }).click();
    await expect
      .poll(() =>
        page.evaluate(
          (f) => (window as unknown as { __formState: Record<string, string> }).__formState?.[f],
          TITLE_FIELD,
        ),
      )
      .toBe(proposed);
    expect(await page.evaluate(() => (window as unknown as { __submitted: boolean }).__submitted)).toBe(false);
    // The re-read listing no longer breaks the title rules: the card and the page's outline go away.
    await expect(mustFix.getByTestId('violation-title')).toHaveCount(0);
    await expect(titleHost).not.toHaveAttribute('data-counterpart-mark', 'error');
    await expect(panel.region('Listing check').getByTestId('applied')).toContainText('Filled 1 field');
  });

  test('protected SKUs get suggestions only, the specialist-owned label and flagged prices', async ({
    page,
    panel,
    session,
  }) => {
    await captureCanonical(page, panel);
    // Set in the options page the way a person does.
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const section = page.getByRole('region', { name: 'Marketplace listings' });
    await section.getByRole('combobox', { name: 'Amazon title policy' }).selectOption('amazon-2026-07');
    await section.getByRole('textbox', { name: 'Protected SKUs' }).fill('HERO-001\nTEE-CL-BLK-M');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/listings-options.png' });
    await page.goto(AMAZON_EDIT);
    const check = panel.region('Listing check');
    await expect(check).toContainText('Specialist-owned SKU');
    await expect(check).toContainText('Price · TEE-CL-BLK-M');
    await expect(panel.frame.getByTestId('suggestion-price')).toHaveCount(0);
    await expect(panel.region('Must fix').getByTestId('violation-title')).toBeVisible();
    // Suggestions only: no batch on a protected SKU.
    await expect(check.getByRole('button', { name: /^Review \d+ fix/ })).toHaveCount(0);
  });

  test('records listing statuses from Manage All Inventory and the catalogue lists the product per channel', async ({
    page,
    panel,
    session,
  }) => {
    await captureCanonical(page, panel);
    await page.goto(AMAZON_INVENTORY);
    const status = panel.region('Listing status');
    await expect(status).toContainText('5 recorded');
    await expect(status.getByTestId('status-counts')).toContainText('Suppressed');
    await expect(panel.region('Suppressed listings')).toContainText('Main image missing');
    await page.screenshot({ path: '/tmp/listings-inventory.png' });

    const catalogue = await page.context().newPage();
    await catalogue.setViewportSize({ width: 1400, height: 760 });
    await catalogue.goto(`chrome-extension://${session.extensionId}/catalogue.html`);
    // One row per SKU × channel.
    const row = catalogue.getByTestId('catalogue-row-8123456789-TEE-CL-BLK-M');
    const xl = catalogue.getByTestId('catalogue-row-8123456789-TEE-CL-BLK-XL');
    await expect(row).toContainText('Classic Tee');
    // Inventory: TEE-CL-BLK-M active → live on Amazon; Shopify is the source → live.
    await expect(row.locator('td[data-channel="amazon"]')).toContainText('live');
    await expect(row.locator('td[data-channel="shopify"]')).toContainText('live');
    await expect(row.locator('td[data-channel="walmart"]')).toContainText(/ready|draft/);
    // One vocabulary: "must fix" and "advice", never "findings" next to "ready".
    await expect(catalogue.getByRole('table', { name: 'Catalogue' })).not.toContainText('finding');

    // Visiting the editor records its "search suppressed" alert and the drift.
    await page.goto(AMAZON_EDIT);
    await expect(panel.region('Canonical product')).toContainText('matched by SKU');
    await catalogue.reload();
    await expect(row.locator('td[data-channel="amazon"]')).toContainText('suppressed');
    await expect(row.locator('td[data-channel="amazon"]')).toContainText(/drift: \d+ fields/);
    await expect(row.locator('td[data-channel="amazon"]')).toContainText('TEE-CL-BLK-M: main image missing');

    // Bulk check of the long tail with progress, then a feed file of the ready variants.
    await catalogue.getByRole('button', { name: 'Check 1 product' }).click();
    await expect(catalogue.getByRole('status').filter({ hasText: '1 of 1 products checked' })).toBeVisible();
    // Readiness is per SKU: TEE-CL-BLK-XL's barcode fails its check digit, so only XL stays in draft on
    // Amazon, and the Amazon feed holds the other SKUs.
    await expect(xl.locator('td[data-channel="amazon"]')).toContainText('draft');
    await catalogue.getByRole('combobox', { name: 'Feed channel' }).selectOption('amazon');
    const [amazonFeed] = await Promise.all([
      catalogue.waitForEvent('download'),
      catalogue.getByRole('button', { name: 'Download feed' }).click(),
    ]);
    const amazonRows = (await readFile((await amazonFeed.path()) ?? '', 'utf8')).split('\n');
    expect(amazonRows[0]).toContain('item_sku');
    expect(amazonRows.some((l) => l.startsWith('TEE-CL-BLK-M\t'))).toBe(true);
    expect(amazonRows.some((l) => l.startsWith('TEE-CL-BLK-XL\t'))).toBe(false);
    await catalogue.getByRole('combobox', { name: 'Feed channel' }).selectOption('shopify');
    await catalogue.getByRole('combobox', { name: 'Filter by status' }).selectOption('suppressed');
    await expect(row).toBeVisible();
    const [download] = await Promise.all([
      catalogue.waitForEvent('download'),
      catalogue.getByRole('button', { name: 'Download feed' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^counterpart-shopify-feed-\d{4}-\d{2}-\d{2}\.tsv$/);
    const feed = await readFile((await download.path()) ?? '', 'utf8');
    expect(feed.split('\n')[0]).toContain('Variant SKU');
    expect(feed).toContain('TEE-CL-BLK-M');
    await catalogue.screenshot({ path: '/tmp/listings-catalogue.png', fullPage: true });
  });

  test('with a model configured, rewrites the title for search, re-checks it and applies it only when it passes', async ({
    page,
    panel,
    session,
  }) => {
    const KEY = 'sk-cp-e2e-listings-5e1d';
    const REWRITE = 'Northwind Classic Tee Cotton Crew Neck T-Shirt, Unisex, Black';
    const server = await startOpenAiTestServer({
      script: {
        apiKey: KEY,
        text: REWRITE,
        answer: (body: ChatRequestBody) => {
          const schema = JSON.stringify(body.response_format?.json_schema?.schema ?? {});
          return schema.includes('"reply"') ? { reply: REWRITE, used_sources: ['canonical'] } : { text: REWRITE };
        },
      },
    });
    try {
      await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      await page.getByRole('radio', { name: /OpenAI-compatible server/ }).check();
      await page.getByRole('combobox', { name: 'Server' }).selectOption({ label: 'Other OpenAI-compatible server' });
      await page.getByRole('textbox', { name: 'Base URL' }).fill(server.url);
      await page.getByRole('textbox', { name: 'Model', exact: true }).fill('gpt-4o-mini');
      await page.locator('input[name="apiKey"]').fill(KEY);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Saved. Using gpt-4o-mini.')).toBeVisible();

      await captureCanonical(page, panel);
      await page.goto(AMAZON_EDIT);
      const suggestions = panel.region('Canonical product');
      await suggestions.getByText('Canonical product').click();
      await suggestions.getByRole('button', { name: 'Rewrite for search' }).click();
      const card = suggestions.getByTestId('rewrite');
      await expect(card.locator('.ls-proposed')).toHaveText(REWRITE);
      await expect(card).toContainText('Passes the Amazon rules');
      const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
      expect(JSON.stringify(chats[0]?.body)).toContain('at most 75 characters');
      await card.getByRole('button', { name: 'Apply rewritten title' }).click();
      await expect
        .poll(() =>
          page.evaluate(
            (f) => (window as unknown as { __formState: Record<string, string> }).__formState?.[f],
            TITLE_FIELD,
          ),
        )
        .toBe(REWRITE);
    } finally {
      await server.close();
    }
  });
});
