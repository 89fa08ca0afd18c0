import { readFile } from 'node:fs/promises';
import { expect, resetExtension, test } from './support/test';

/** Counts the rows of one table of the extension's database, from inside the service worker. */
async function countRows(worker: import('@playwright/test').Worker, table: string): Promise<number> {
  return worker.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('counterpart');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readonly');
          const req = tx.objectStore(name).count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

test.describe('options page', () => {
  test('saves the brand policies and shows them again after a reload', async ({ page, session }) => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const policy = page.getByRole('textbox', { name: 'Return policy' });
    await policy.fill('Returns within 45 days of delivery, unworn with tags.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Return policy' })).toHaveValue(
      'Returns within 45 days of delivery, unworn with tags.',
    );
  });

  test('has one Save for the whole page that saves every section, says what is unsaved, and a contents list', async ({
    page,
    session,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const save = page.getByRole('button', { name: /^Save/ });
    await expect(page.getByRole('textbox', { name: 'Brand name' })).toBeVisible();
    await expect(save).toHaveCount(1);
    await expect(save).toHaveText('Save settings');
    await expect(save).toBeDisabled();
    await expect(page.getByTestId('save-status')).toHaveText('No unsaved changes.');

    // One change in each settings section.
    await page.getByRole('textbox', { name: 'Brand name' }).fill('Northwind Outdoor');
    await page.getByRole('radio', { name: /^Shadow/ }).check();
    await page.getByRole('textbox', { name: 'High-value threshold' }).fill('750');
    await page.getByLabel('Service level').fill('0.97');
    await page.getByRole('textbox', { name: 'Protected SKUs' }).fill('HERO-001');
    await page.getByLabel('Keep data for (days)').fill('120');
    await expect(page.getByTestId('save-status')).toHaveText(
      'Unsaved changes: Brand and policies, Customer service, Returns policy, Inventory planning, Marketplace listings, Data retention',
    );
    // The contents list jumps to each part and marks the unsaved ones.
    const toc = page.getByRole('navigation', { name: 'Settings sections' });
    await expect(toc.getByRole('link', { name: /Returns policy/ })).toContainText('unsaved changes');
    await expect(toc.getByRole('link', { name: /AI usage/ })).not.toContainText('unsaved');
    await page.screenshot({ path: '/tmp/options-unsaved-1366x768.png' });
    await toc.getByRole('link', { name: /Data retention/ }).click();
    await expect(page.getByLabel('Keep data for (days)')).toBeInViewport();
    // The Save stays in view wherever the page is scrolled.
    await expect(save).toBeInViewport();
    await save.click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    await expect(save).toBeDisabled();

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Brand name' })).toHaveValue('Northwind Outdoor');
    await expect(page.getByRole('radio', { name: /^Shadow/ })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'High-value threshold' })).toHaveValue('750');
    await expect(page.getByLabel('Service level')).toHaveValue('0.97');
    await expect(page.getByRole('textbox', { name: 'Protected SKUs' })).toHaveValue('HERO-001');
    await expect(page.getByLabel('Keep data for (days)')).toHaveValue('120');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/options-1440x900.png' });
  });

  test('Discard puts the saved values back and a failed section says so without losing the others', async ({
    page,
    session,
  }) => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const brand = page.getByRole('textbox', { name: 'Brand name' });
    const before = await brand.inputValue();
    await brand.fill('Typo Brand');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(brand).toHaveValue(before);
    await expect(page.getByTestId('save-status')).toHaveText('No unsaved changes.');

    await brand.fill('Northwind Outdoor');
    await page.getByRole('textbox', { name: 'High-value threshold' }).fill('lots');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Not everything was saved')).toBeVisible();
    await expect(page.getByTestId('save-bar')).toContainText('Returns policy: see the message in that section.');
    await expect(page.getByText('High-value threshold: enter a number.')).toBeVisible();
    await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes: Returns policy');
    await page.reload();
    await expect(brand).toHaveValue('Northwind Outdoor');
  });

  test('exports a backup of everything and restores it after the data is gone', async ({ page, session }) => {
    // Some data: a ticket read by the content script lands in the snapshots table.
    await page.goto('https://acme.gorgias.com/app/views/123/4101');
    await expect(page.frameLocator('counterpart-dock iframe').getByTestId('panel-record')).toContainText('4101');
    await expect.poll(() => countRows(session.worker, 'snapshots')).toBeGreaterThan(0);
    const rows = await countRows(session.worker, 'snapshots');

    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByRole('textbox', { name: 'Brand name' }).fill('Northwind Outdoor');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup' }).click();
    const file = await (await download).path();
    const backup = JSON.parse(await readFile(file, 'utf8'));
    expect(backup.format).toBe('counterpart-backup');
    expect(backup.tables.snapshots).toHaveLength(rows);
    expect(Object.keys(backup.settings)).toContain('local:settings.brand');

    await resetExtension(session);
    expect(await countRows(session.worker, 'snapshots')).toBe(0);

    // Issue 14: the restore shows what it would change (Apply / Cancel) instead of a confirm dialog.
    await page.getByLabel('Backup file to restore').setInputFiles(file);
    await expect(page.getByTestId('restore-table-snapshots')).toContainText(`snapshots${rows}00`);
    await page.getByRole('button', { name: 'Apply restore' }).click();
    await expect(page.getByText('Restored')).toBeVisible();
    expect(await countRows(session.worker, 'snapshots')).toBe(rows);
  });

  test('refuses a file that is not a backup and changes nothing', async ({ page, session }) => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByLabel('Backup file to restore').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(page.getByText('Nothing was changed')).toBeVisible();
    await expect(page.getByText(/not a Counterpart backup/)).toBeVisible();
  });
});
