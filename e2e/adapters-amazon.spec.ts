import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

// Evidence-built Seller Central variants (e2e/fixtures/amazon/README.md): one listing, two tabs, German store.
const Q = 'marketplaceID=A1PA6795UKMFR9&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT';
const OFFER = `https://sellercentral.amazon.de/abis/listing/edit/offer?${Q}`;
const DETAILS = `https://sellercentral.amazon.de/abis/listing/edit/product_details?${Q}`;

async function serve(page: Page, url: string, file: string) {
  const body = await readFile(path.join(FIXTURES, 'amazon', file));
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

test('Seller Central: the Offer tab counts without a title, and Offer then Product details make one listing', async ({
  page,
  panel,
  session,
}) => {
  await serve(page, OFFER, 'offer-tab-de.html');
  await serve(page, DETAILS, 'product-details-de.html');

  // Offer tab: no item name here, yet the page is read (price "27,90", quantity by id, German alert).
  await page.goto(OFFER);
  await expect(panel.frame.getByTestId('panel-record')).toContainText('TEE-CL-BLK-M');
  await expect(panel.text('Page not recognised')).toHaveCount(0);
  await expect(panel.region('Listing check')).toContainText(/listing inactive/i);
  await expect(panel.region('Listing check')).toContainText('Out of stock');
  await expect(panel.frame.getByTestId('uncertain-list')).toContainText('status');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: '/tmp/adapters-amazon-offer.png' });

  // Product details tab: its own page, no alert and no price; the listing is the merge of both tabs.
  await page.goto(DETAILS);
  await expect(panel.frame.getByTestId('panel-record')).toContainText('Northwind Classic T-Shirt');
  await expect(panel.region('Listing check')).toContainText('Out of stock');
  const merged = () =>
    session.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<object> } } } })
        .chrome;
      const all = (await api.storage.session.get('listings.amazonTabs')) as Record<string, Record<string, unknown>>;
      const rows = Object.values(all['listings.amazonTabs'] ?? {}) as Array<{
        sku: string;
        tabs: Record<string, { listing: { title?: string; price?: number }; quantity: number | null }>;
      }>;
      return rows.map((r) => ({
        sku: r.sku,
        tabs: Object.keys(r.tabs).sort(),
        title: r.tabs.product_details?.listing.title ?? null,
        price: r.tabs.offer?.listing.price ?? null,
        quantity: r.tabs.offer?.quantity ?? null,
      }));
    });
  await expect.poll(merged).toEqual([
    {
      sku: 'TEE-CL-BLK-M',
      tabs: ['offer', 'product_details'],
      title: 'Northwind Classic T-Shirt Herren Baumwolle Rundhals Schwarz M',
      price: 27.9,
      quantity: 12,
    },
  ]);
  await page.screenshot({ path: '/tmp/adapters-amazon-details.png' });
});
