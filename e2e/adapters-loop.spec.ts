import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

const LOOP = (id: number) => `https://admin.loopreturns.com/returns/${id}`;
const fixture = (name: string) => readFile(path.join(FIXTURES, 'loop', name), 'utf8');

async function serveReturn(page: Page, id: number, file: string) {
  const body = await fixture(file);
  await page.route(LOOP(id), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

test.describe('Loop adapters on evidence-built pages', () => {
  test('with a Loop API key the return comes from Loop’s data (the background calls the documented endpoint)', async ({
    page,
    panel,
    session,
  }) => {
    const keys: string[] = [];
    const handler = async (route: import('@playwright/test').Route) => {
      const url = new URL(route.request().url());
      keys.push(`${route.request().headers()['x-authorization']} ${url.pathname}?${url.search.slice(1)}`);
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: await fixture('api/return-59001.json'),
      });
    };
    await session.context.route('https://api.loopreturns.com/**', handler);
    try {
      await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      await page.getByRole('textbox', { name: 'Loop API key' }).fill('loop-test-key-123');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByTestId('loop-key-status')).toHaveText('A Loop key is saved.');
      await page.screenshot({ path: '/tmp/adapters-loop-options.png', fullPage: false });

      await serveReturn(page, 59001, 'counts-inline.html');
      await page.goto(LOOP(59001));
      await expect(panel.frame.getByTestId('read-source')).toHaveText(/Read from Loop.*data/);
      await expect(panel.frame.getByTestId('true-reason')).toHaveAttribute('data-reason', 'too_small');
      // The API gave the prices the page showed unlabelled: nothing is left uncertain.
      await expect(panel.frame.getByTestId('uncertain-list')).toHaveCount(0);
      expect(keys).toEqual(['loop-test-key-123 /api/v1/warehouse/return/details?return_id=59001']);
      await page.screenshot({ path: '/tmp/adapters-loop-api.png' });
    } finally {
      await session.context.unroute('https://api.loopreturns.com/**', handler);
    }
  });

  test('without a key the page is read: an item table in euros, each row its own item', async ({ page, panel }) => {
    await serveReturn(page, 59002, 'item-table.html');
    await page.goto(LOOP(59002));
    await expect(panel.frame.getByTestId('read-source')).toHaveText('Read from the page');
    await expect(panel.frame.getByTestId('true-reason')).toBeVisible();
    await expect(panel.frame.getByTestId('missing-list')).toHaveCount(0);
  });

  test('headings with counts and inline labels are read; unlabelled prices are shown as uncertain', async ({
    page,
    panel,
  }) => {
    await serveReturn(page, 59001, 'counts-inline.html');
    await page.goto(LOOP(59001));
    await expect(panel.frame.getByTestId('read-source')).toHaveText('Read from the page');
    await expect(panel.frame.getByTestId('uncertain-list')).toContainText('price of returned item 1');
    await expect(panel.frame.getByTestId('true-reason')).toHaveAttribute('data-reason', 'too_small');
  });
});
