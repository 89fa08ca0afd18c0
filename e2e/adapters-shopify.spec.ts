import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

// Evidence-built Shopify admin variants (e2e/fixtures/shopify/README.md) served at their real addresses.
const GROUPED = 'https://admin.shopify.com/store/demo-shop/products/8123456790';
const NO_VENDOR = 'https://admin.shopify.com/store/demo-shop/products/8123456794';
// 1×1 white PNG for the CDN media and thumbnails the grouped page shows (nothing goes to the network).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  'base64',
);

async function serve(page: Page, url: string, file: string) {
  await page.route('https://cdn.shopify.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
  );
  const body = await readFile(path.join(FIXTURES, 'shopify', file));
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

test.describe('Shopify admin adapter on evidence-built variants', () => {
  test('grouped variants: the four child rows are the SKUs, the group rows are not; vendor and tags read from the combobox and chips', async ({
    page,
    panel,
    session,
  }) => {
    await serve(page, GROUPED, 'product-grouped-variants.html');
    await page.goto(GROUPED);
    await expect(panel.frame.getByTestId('panel-record')).toContainText('Everyday Hoodie');
    await expect(panel.region('Captured as canonical')).toContainText('v1');
    // Readiness counts SKUs: 4 variants (not the 2 group rows).
    await expect(panel.region('Channel readiness').locator('tr', { hasText: 'Amazon' })).toContainText('of 4 SKUs');
    const product = () =>
      session.worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { get(): Promise<object> } } } }).chrome;
        const all = (await api.storage.session.get()) as Record<string, { app?: string; data?: unknown }>;
        const snap = Object.entries(all).find(([k, v]) => /^tab\.\d+\.snapshot$/.test(k) && v?.app === 'shopify')?.[1];
        const p = (snap?.data as { product?: Record<string, unknown> } | undefined)?.product ?? {};
        return { vendor: p.vendor, tags: p.tags, images: (p.images as unknown[] | undefined)?.length ?? 0 };
      });
    await expect.poll(product).toEqual({ vendor: 'Northwind', tags: ['fleece', 'winter', 'unisex'], images: 2 });
  });

  test('a Japanese admin page without a vendor field still counts, and says by name what is missing', async ({
    page,
    panel,
  }) => {
    await serve(page, NO_VENDOR, 'product-ja-no-vendor.html');
    await page.goto(NO_VENDOR);
    await expect(panel.frame.getByTestId('panel-record')).toContainText('リネンシャツ');
    await expect(panel.text('Some parts of the page were not found')).toBeVisible();
    await expect(panel.text('Shopify admin: vendor field not found on product page')).toBeVisible();
    await expect(panel.text('Page not recognised')).toHaveCount(0);
    await expect(panel.region('Captured as canonical')).toContainText('v1');
  });
});
