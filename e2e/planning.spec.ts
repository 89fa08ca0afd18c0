import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

const DIR = path.join(FIXTURES, 'planning');
const TODAY = '2026-11-27';
const ALL = [
  'shopify-orders.csv',
  'amazon-all-orders.txt',
  'shopify-inventory.csv',
  'fba-inventory.txt',
  '3pl-onhand.csv',
  'suppliers.csv',
  'calendar.csv',
  'budget.csv',
  'bundles.csv',
  'shopify-orders-broken.csv',
].map((f) => path.join(DIR, f));
const SHOPIFY_PRODUCT = 'https://admin.shopify.com/store/demo-shop/products/8123456789';

async function openPlanner(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/planner.html`);
  await page.getByLabel('Plan as of').fill(TODAY);
}

async function importFiles(page: Page, files: (string | { name: string; mimeType: string; buffer: Buffer })[]) {
  await page.getByLabel('Choose files to import').setInputFiles(files as string[]);
  await page.getByRole('button', { name: /^Import \d+ files?$/ }).click();
}

/** Orders and supplier terms for the Shopify fixture product's SKU, imported on the planner page. */
async function importClassicTee(session: { context: BrowserContext; extensionId: string }) {
  const planner = await session.context.newPage();
  await openPlanner(planner, session.extensionId);
  const orders = ['Name,Created at,Lineitem quantity,Lineitem price,Lineitem sku,Financial Status,Source'];
  for (let d = 1; d <= 60; d++) {
    const day = new Date(Date.UTC(2026, 8, 28 + d)).toISOString().slice(0, 10);
    orders.push(`#${5000 + d},${day} 10:00:00 -0500,${(d % 3) + 2},28.00,TEE-CL-BLK-M,paid,web`);
  }
  await importFiles(planner, [
    { name: 'classic-tee-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(`${orders.join('\n')}\n`) },
    {
      name: 'classic-tee-supplier.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'sku,supplier,lead_time_days,lead_time_sd_days,moq,case_pack,unit_cost,currency\nTEE-CL-BLK-M,Lotus Apparel Co.,35,6,300,24,7.80,USD\n',
      ),
    },
  ]);
  await expect(planner.getByTestId('import-report')).toHaveCount(2);
  await planner.close();
}

test.describe('inventory planning', () => {
  test('imports the fixtures, reports broken rows, shows the reorder view, edits and exports a PO', async ({
    page,
    session,
  }) => {
    await openPlanner(page, session.extensionId);
    await page.getByLabel('Choose files to import').setInputFiles(ALL);
    // Every file is recognised by its columns and previewed before importing.
    await expect(page.getByLabel('Kind of shopify-orders.csv')).toHaveValue('shopify-orders');
    await expect(page.getByLabel('Kind of amazon-all-orders.txt')).toHaveValue('amazon-orders');
    await expect(page.getByLabel('Kind of 3pl-onhand.csv')).toHaveValue('3pl-onhand');
    await expect(page.getByRole('table', { name: 'Preview of suppliers.csv' })).toContainText('Lotus Apparel Co.');
    await page.getByRole('button', { name: 'Import 10 files' }).click();
    await expect(page.getByTestId('import-report')).toHaveCount(10, { timeout: 60_000 });

    // The broken file: each bad row is listed with its line and reason.
    const rejected = page.getByRole('table', { name: 'Rejected rows of shopify-orders-broken.csv' });
    await expect(rejected).toBeVisible();
    await expect(rejected.locator('tbody tr')).toHaveCount(5);
    await expect(rejected).toContainText('Created at');
    await expect(rejected).toContainText('Lineitem quantity');
    await expect(rejected.locator('tbody tr').first().locator('td').first()).toHaveText(/^\d+$/);

    // The plan: data quality before the list, then the list with rationale.
    const checks = page.getByRole('list', { name: 'Data quality checklist' });
    await expect(checks).toBeVisible({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Reorder list' });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    const checksBox = await checks.boundingBox();
    const tableBox = await table.boundingBox();
    expect(checksBox!.y).toBeLessThan(tableBox!.y);
    await expect(page.getByTestId('sku-chart').locator('canvas').first()).toBeVisible();

    // Importing the same file again changes nothing.
    await importFiles(page, [path.join(DIR, 'suppliers.csv')]);
    await expect(page.getByTestId('import-report').last()).toContainText('0 new rows');

    // The popup: the lines that need action now, with their rationale.
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const lines = popup.getByRole('list', { name: 'Lines that need action' });
    await expect(lines.locator('li').first()).toBeVisible();
    await expect(lines.locator('li').first()).toContainText(/sells|\/day/);
    await expect(popup.getByText(/data warnings?/)).toBeVisible();
    await popup.close();

    // Adjust a quantity on the first PO draft; the change is audited and in the exported CSV.
    const po = page.getByRole('article', { name: /^PO for / }).first();
    const supplier = ((await po.getAttribute('aria-label')) ?? '').replace(/^PO for /, '');
    const qty = po.getByRole('textbox', { name: /^Quantity of / }).first();
    const sku = ((await qty.getAttribute('aria-label')) ?? '').replace(/^Quantity of (.+) for .*$/, '$1');
    await qty.fill('1234');
    await qty.press('Enter');
    await expect(po.getByText('Changes (1)')).toBeVisible();
    const download = page.waitForEvent('download');
    await po.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\n')[0]).toBe('supplier,sku,quantity,unit_cost,currency,line_total');
    expect(csv).toContain(`${sku},1234,`);
    expect(csv).toContain(supplier.includes(',') ? `"${supplier}"` : supplier);
    await po.getByRole('button', { name: 'Approve' }).click();
    await expect(po.getByText('approved', { exact: true })).toBeVisible();

    // Re-plan: the approved PO counts as stock on order, so the SKU's order drops and its chart shows the arrival.
    const row = table.locator(`tr[data-sku="${sku}"]`);
    const orderBefore = Number(
      ((await row.locator('td').nth(6).locator('strong').textContent()) ?? '').replace(/,/g, ''),
    );
    await page.getByRole('button', { name: 'Re-plan' }).click();
    const why = table.locator(`tr[data-sku="${sku}"] + tr`);
    await expect(why).toContainText(`incl. 1234 on order (PO po:${supplier}:${TODAY}`, { timeout: 60_000 });
    const orderAfter = (await row.locator('td').nth(6).locator('strong').textContent()) ?? '';
    expect(orderAfter === '—' ? 0 : Number(orderAfter.replace(/,/g, ''))).toBeLessThan(Math.max(1, orderBefore));
    await row.getByRole('button', { name: `Chart ${sku}` }).click();
    await expect(page.getByTestId('approved-arrivals')).toContainText(`1,234 arriving`);
    await page.screenshot({ path: '/tmp/planning-po-chart.png', fullPage: true });
  });

  test('a file with unknown headers is mapped by hand and the mapping is remembered', async ({ page, session }) => {
    await openPlanner(page, session.extensionId);
    const sheet = {
      name: 'vendors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Item code,Maker,Lead days\nTEE-BLK-M,Lotus Apparel Co.,30\nTEE-BLK-L,Lotus Apparel Co.,30\n',
      ),
    };
    await page.getByLabel('Choose files to import').setInputFiles([sheet]);
    const kind = page.getByLabel('Kind of vendors.csv');
    await kind.selectOption('suppliers');
    await expect(page.getByText('Map the missing columns')).toBeVisible();
    await page.getByLabel('Column for sku').selectOption('Item code');
    await page.getByLabel('Column for supplier').selectOption('Maker');
    await page.getByLabel('Column for lead_time_days').selectOption('Lead days');
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    await expect(page.getByTestId('import-report')).toContainText('2 new rows');
    // Next time the same headers are recognised with the remembered mapping.
    await page.getByLabel('Choose files to import').setInputFiles([{ ...sheet, name: 'vendors-2.csv' }]);
    await expect(page.getByLabel('Kind of vendors-2.csv')).toHaveValue('suppliers');
    await expect(page.getByText('Map the missing columns')).toHaveCount(0);
  });

  test('the Shopify product page shows the planning section and records its counts', async ({
    page,
    session,
    panel,
  }) => {
    await importClassicTee(session);

    await page.goto(SHOPIFY_PRODUCT);
    const section = panel.region('Inventory planning');
    await expect(section).toBeVisible();
    const sku = panel.frame.getByRole('article', { name: 'Planning for TEE-CL-BLK-M' });
    await expect(sku).toContainText('Velocity');
    await expect(sku).toContainText('Days of cover');
    await expect(sku).toContainText('Stockout');
    await expect(sku).toContainText('(from this page)');
    await expect(panel.frame.getByTestId('planning-recorded')).toContainText('for TEE-CL-BLK-M');
    // The page's counts are stored as a timestamped shopify-page snapshot.
    const stored = await session.worker.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('counterpart');
          req.onsuccess = () => {
            const tx = req.result.transaction('inventoryCounts', 'readonly');
            const all = tx.objectStore('inventoryCounts').getAll();
            all.onsuccess = () => {
              resolve((all.result as { source: string }[]).filter((r) => r.source === 'shopify-page').length);
              req.result.close();
            };
          };
        }),
    );
    expect(stored).toBeGreaterThan(0);
  });

  test('a PO approved in the planner counts as on order in the Shopify panel', async ({ page, session, panel }) => {
    await importClassicTee(session);
    // The product page records today's counts; the planner then proposes a PO for the SKU.
    await page.goto(SHOPIFY_PRODUCT);
    const sku = panel.frame.getByRole('article', { name: 'Planning for TEE-CL-BLK-M' });
    await expect(sku).toContainText('(from this page)');
    await expect(sku).not.toContainText('on order');

    const planner = await session.context.newPage();
    await openPlanner(planner, session.extensionId);
    await planner.getByRole('button', { name: 'Re-plan' }).click();
    const po = planner.getByRole('article', { name: 'PO for Lotus Apparel Co.' });
    const input = po.getByLabel('Quantity of TEE-CL-BLK-M for Lotus Apparel Co.');
    await expect(input).toHaveValue(/^[1-9]\d*$/);
    const qty = Number(await input.inputValue());
    await po.getByRole('button', { name: 'Approve' }).click();
    await expect(po.getByText('approved', { exact: true })).toBeVisible();
    await planner.close();

    await page.reload();
    await expect(sku).toContainText(`incl. ${qty} on order (PO po:Lotus Apparel Co.:${TODAY}`);
  });

  test('the popup has a clear empty state before anything is imported', async ({ page, session }) => {
    await page.setViewportSize({ width: 380, height: 560 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(page.getByText('No reorder plan yet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import data in the planner' })).toBeVisible();
  });

  test('the options section saves the planning settings the planner uses', async ({ page, session }) => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Inventory planning' }) });
    await section.getByLabel('Service level').fill('0.97');
    await section.getByLabel('Plan as of (demo)').fill('2026-11-20');
    await section.getByRole('button', { name: 'Save planning settings' }).click();
    await expect(section.getByText('Saved.')).toBeVisible();
    await page.goto(`chrome-extension://${session.extensionId}/planner.html`);
    await expect(page.getByLabel('Plan as of')).toHaveValue('2026-11-20');
  });

  test('the Shopify inventory page shows the planning section for its SKUs', async ({ page, session, panel }) => {
    await page.goto('https://admin.shopify.com/store/demo-shop/products/inventory');
    await expect(panel.region('Inventory planning')).toContainText('No planning data yet');
    await importClassicTee(session);
    await page.reload();
    const sku = panel.frame.getByRole('article', { name: 'Planning for TEE-CL-BLK-M' });
    await expect(sku).toContainText('Velocity');
    await expect(panel.frame.getByTestId('planning-recorded')).toContainText(
      /Recorded \d+ location counts? from this page/,
    );
    // The other rows' SKUs have counts from this page but no sales: listed without a reorder.
    await expect(panel.frame.getByRole('article', { name: 'Planning for TEE-CL-BLK-L' })).toContainText('Velocity');
  });
});
