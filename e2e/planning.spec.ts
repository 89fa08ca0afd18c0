import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES } from './support/paths';
import { importClassicTee, importFiles, openPlanner, PLAN_DAY as TODAY } from './support/planner';
import { expect, test } from './support/test';

const DIR = path.join(FIXTURES, 'planning');
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
const SHOTS = process.env.PLANNING_SHOTS ?? '/tmp';

test.describe('inventory planning', () => {
  test('imports the fixtures, reports broken rows, shows the reorder view, edits and exports a PO', async ({
    page,
    session,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openPlanner(page, session.extensionId);
    await page.getByLabel('Choose files to import').setInputFiles(ALL);
    // Every file is recognised by its columns and previewed before importing.
    await expect(page.getByLabel('Kind of shopify-orders.csv')).toHaveValue('shopify-orders');
    await expect(page.getByLabel('Kind of amazon-all-orders.txt')).toHaveValue('amazon-orders');
    await expect(page.getByLabel('Kind of 3pl-onhand.csv')).toHaveValue('3pl-onhand');
    await expect(page.getByRole('table', { name: 'Preview of suppliers.csv' })).toContainText('Lotus Apparel Co.');
    await page.getByRole('button', { name: 'Import 10 files' }).click();
    await expect(page.getByTestId('import-report')).toHaveCount(10, { timeout: 60_000 });

    // Once the plan is shown the reports fold into one line; the broken file is named in it.
    const done = page.getByTestId('imports-done');
    await expect(done.locator(':scope > summary')).toContainText('10 files imported', { timeout: 60_000 });
    await expect(done.locator(':scope > summary')).toContainText('5 rows rejected (in shopify-orders-broken.csv)');
    await expect(done.getByTestId('import-report').first()).toBeHidden();
    // The reorder list is the first thing on the page: above the fold at 1366×768.
    const table = page.getByRole('table', { name: 'Reorder list' });
    await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const firstRow = await table.locator('tbody tr').first().boundingBox();
    expect(firstRow!.y + firstRow!.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: path.join(SHOTS, 'planner-1366x768.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, 'planner-1440x900.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await done.locator(':scope > summary').click();

    // The broken file: each bad row is listed with its line and reason.
    const rejected = page.getByRole('table', { name: 'Rejected rows of shopify-orders-broken.csv' });
    await expect(rejected).toBeVisible();
    await expect(rejected.locator('tbody tr')).toHaveCount(5);
    await expect(rejected).toContainText('Created at');
    await expect(rejected).toContainText('Lineitem quantity');
    await expect(rejected.locator('tbody tr').first().locator('td').first()).toHaveText(/^\d+$/);

    // The plan: the data checks in one line before the list (what to fix), the full checklist behind details.
    const checksHead = page.getByRole('heading', { name: 'Data checks' });
    await expect(checksHead).toBeVisible();
    const checksBox = await checksHead.boundingBox();
    const tableBox = await table.boundingBox();
    expect(checksBox!.y).toBeLessThan(tableBox!.y);
    const checks = page.getByRole('list', { name: 'Data quality checklist' });
    await expect(checks).toBeHidden();
    await page.getByText(/^Details of all \d+ checks$/).click();
    await expect(checks).toBeVisible();
    await expect(checks).toContainText('No negative on-hand');
    await expect(page.getByTestId('sku-chart').locator('canvas').first()).toBeVisible();

    // Importing the same file again changes nothing.
    await importFiles(page, [path.join(DIR, 'suppliers.csv')]);
    await expect(page.getByTestId('import-report').last()).toContainText('0 new rows');

    // The popup: the lines that need action now, with their rationale.
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const lines = popup.getByRole('list', { name: /^Lines that need action/ });
    await expect(lines.locator('li').first()).toBeVisible();
    await expect(lines.locator('li').first()).toContainText(/sells|\/day/);
    await expect(popup.getByText(/data warnings?/)).toBeVisible();
    // A line opens the planner at its SKU: selected, in view, focused.
    const pick = lines.locator('li').nth(1);
    const pickSku = (await pick.getAttribute('data-sku'))!;
    const opened = session.context.waitForEvent('page');
    await pick.getByRole('button').click();
    const atSku = await opened;
    await expect(atSku).toHaveURL(new RegExp(`/planner\\.html\\?sku=${encodeURIComponent(pickSku)}$`));
    const pickedRow = atSku.locator(`tr[data-sku="${pickSku}"]`);
    await expect(pickedRow).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
    await expect(pickedRow.getByRole('button', { name: `Chart ${pickSku}` })).toBeFocused();
    await expect(pickedRow).toBeInViewport();
    await atSku.close();
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
    await po.getByRole('button', { name: 'Export draft CSV' }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\n')[0]).toBe('supplier,sku,quantity,unit_cost,currency,line_total');
    expect(csv).toContain(`${sku},1234,`);
    expect(csv).toContain(supplier.includes(',') ? `"${supplier}"` : supplier);
    // Approve asks first, in the page's dialog; Cancel changes nothing.
    await po.getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve the PO for ${supplier}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Approve PO' })).toBeFocused();
    await page.screenshot({ path: path.join(SHOTS, 'planner-approve-dialog-1366x768.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(po.getByText('draft', { exact: true })).toBeVisible();
    await po.getByRole('button', { name: 'Approve…' }).click();
    await dialog.getByRole('button', { name: 'Approve PO' }).click();
    await expect(po.getByText('approved', { exact: true })).toBeVisible();
    // Focus stays on the PO (its Undo), not the top of the page.
    const undo = po.getByRole('button', { name: 'Undo approval' });
    await expect(undo).toBeFocused();
    await expect(undo).toBeInViewport();
    // Approve is the draft's decision; once approved, Export is the PO's one primary action.
    await expect(po.getByRole('button', { name: 'Export CSV' })).toHaveClass(/primary/);

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

    // Undo (this session): the PO is a draft again and the plan no longer counts it on order.
    await undo.click();
    await expect(po.getByText('draft', { exact: true })).toBeVisible();
    await expect(po.getByText('Approval undone: back to draft.')).toBeVisible();
    await expect(why).not.toContainText('on order (PO', { timeout: 60_000 });
    await expect(po.getByRole('button', { name: 'Approve…' })).toBeEnabled();
  });

  test('Approve is blocked with the reason for a SKU whose stock count is negative', async ({ page, session }) => {
    await importClassicTee(session);
    await openPlanner(page, session.extensionId);
    const count = (onHand: number, warehouse: string) =>
      Buffer.from(`sku,warehouse,on_hand,as_of\nTEE-CL-BLK-M,${warehouse},${onHand},2026-11-26\n`);
    await importFiles(page, [{ name: 'counts.csv', mimeType: 'text/csv', buffer: count(40, 'NJ1') }]);
    const po = page.getByRole('article', { name: 'PO for Lotus Apparel Co.' });
    const input = po.getByLabel('Quantity of TEE-CL-BLK-M for Lotus Apparel Co.');
    await expect(input).toHaveValue(/^[1-9]\d*$/, { timeout: 60_000 });
    await expect(po.getByRole('button', { name: 'Approve…' })).toBeEnabled();
    // An edited draft is kept by later plans; then a count with negative stock arrives.
    await input.fill('600');
    await input.press('Enter');
    await expect(po.getByText('Changes (1)')).toBeVisible();
    await importFiles(page, [{ name: 'counts-2.csv', mimeType: 'text/csv', buffer: count(-6, 'NJ2') }]);
    const row = page.locator('tr[data-sku="TEE-CL-BLK-M"]');
    await expect(row).toContainText('blocked', { timeout: 60_000 });
    await expect(page.locator('tr[data-sku="TEE-CL-BLK-M"] + tr')).toContainText(
      'Blocked: a stock count reports negative on-hand',
    );
    await expect(page.getByRole('heading', { name: 'Data checks' }).locator('..')).toContainText(
      '1 with negative on-hand',
    );
    // The PO cannot be approved, and says why.
    await expect(po.getByRole('button', { name: 'Approve…' })).toBeDisabled();
    const why = po.getByTestId('approve-blocked');
    await expect(why).toContainText('Can’t approve yet');
    await expect(why).toContainText('TEE-CL-BLK-M: a stock count reports negative on-hand');
    await expect(po.getByRole('button', { name: 'Approve…' })).toHaveAccessibleDescription(/negative on-hand/);
    await po.screenshot({ path: path.join(SHOTS, 'planner-approve-blocked.png') });
  });

  test('the popup triages: most urgent first, lines open the planner at the SKU, verdicts agree with their badges', async ({
    page,
    session,
  }) => {
    // A stored plan with lines whose names sort opposite to their urgency.
    const line = (sku: string, over: Record<string, unknown>) => ({
      sku,
      supplier: 'Lotus Apparel Co.',
      orderQty: 48,
      stockoutDate: null,
      stockoutRisk: 0.2,
      leadTimeDays: 30,
      daysOfCover: 40,
      velocityPerDay: 2,
      incoming: 0,
      action: 'order',
      confidence: 'high',
      rationale: 'sells 2.0/day',
      cash: { status: 'funded', fundedQty: 48, note: null },
      ...over,
    });
    const result = {
      today: TODAY,
      checklist: [],
      purchaseOrders: [],
      lines: [
        line('AAA-CALM', { stockoutDate: '2027-01-10', stockoutRisk: 0.3, daysOfCover: 44 }),
        line('BBB-DEFER', {
          orderQty: 500,
          stockoutDate: '2026-12-20',
          stockoutRisk: 0.4,
          cash: {
            status: 'deferred',
            fundedQty: 0,
            note: 'deferred: costs $3,900, $120 of the budget left; stockout risk 40%, margin 55%',
          },
        }),
        line('CCC-NOORDER', {
          orderQty: 0,
          action: 'ok',
          stockoutDate: '2026-12-02',
          daysOfCover: 5,
          incoming: 120,
          rationale: 'above the reorder point: no order this review',
        }),
        line('MMM-FINE', { orderQty: 0, action: 'ok', stockoutDate: '2027-03-01' }),
        line('ZZZ-URGENT', { orderQty: 96, stockoutDate: '2026-11-28', stockoutRisk: 0.95, daysOfCover: 1 }),
      ],
    };
    await session.worker.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('counterpart');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: 'planning.lastPlan', value, updatedAt: value.at });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { at: `${TODAY}T09:00:00.000Z`, result },
    );
    await page.setViewportSize({ width: 380, height: 560 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const items = page.getByRole('list', { name: 'Lines that need action, most urgent first' }).locator('li');
    await expect(items).toHaveCount(4);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual([
      'ZZZ-URGENT',
      'CCC-NOORDER',
      'BBB-DEFER',
      'AAA-CALM',
    ]);
    // The deferred line never says "order 500": it says deferred, and why.
    const deferred = page.locator('li[data-sku="BBB-DEFER"]');
    await expect(deferred.getByTestId('line-badge')).toHaveText('deferred');
    await expect(deferred.getByTestId('line-verdict')).toHaveText(
      'Order of 500 deferred by the budget — costs $3,900, $120 of the budget left; stockout risk 40%, margin 55%',
    );
    await expect(deferred).not.toContainText(/order 500/i);
    // No "stockout risk" badge on a line with no order this review: badge and sentence agree.
    const noOrder = page.locator('li[data-sku="CCC-NOORDER"]');
    await expect(noOrder.getByTestId('line-badge')).toHaveText('runs out soon');
    await expect(noOrder.getByTestId('line-verdict')).toContainText('No new order this review: 120 already on order');
    await expect(page.getByText('stockout risk', { exact: true })).toHaveCount(0);
    await expect(page.locator('li[data-sku="ZZZ-URGENT"]').getByTestId('line-badge')).toHaveText('order 96');
    await page.screenshot({ path: path.join(SHOTS, 'popup-triage.png') });

    // A line opens the planner at its SKU; the other pages are one click away.
    let opened = session.context.waitForEvent('page');
    await page.locator('li[data-sku="ZZZ-URGENT"]').getByRole('button').click();
    await expect(await opened).toHaveURL(/\/planner\.html\?sku=ZZZ-URGENT$/);
    const nav = page.getByRole('navigation', { name: 'Counterpart pages' });
    for (const [name, file] of [
      ['Planner', 'planner'],
      ['Insights', 'insights'],
      ['Catalogue', 'catalogue'],
      ['Settings', 'options'],
    ] as const) {
      opened = session.context.waitForEvent('page');
      await nav.getByRole('button', { name, exact: true }).click();
      await expect(await opened).toHaveURL(new RegExp(`/${file}\\.html$`));
    }
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
    await po.getByRole('button', { name: 'Approve…' }).click();
    await planner.getByRole('dialog').getByRole('button', { name: 'Approve PO' }).click();
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
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Inventory planning', exact: true }),
    });
    await section.getByLabel('Service level').fill('0.97');
    await section.getByLabel('Plan as of (demo)').fill('2026-11-20');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
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
