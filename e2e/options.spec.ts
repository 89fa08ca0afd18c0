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
    await page.getByRole('button', { name: 'Save brand and policies' }).click();
    await expect(page.getByText('Saved.').first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Return policy' })).toHaveValue(
      'Returns within 45 days of delivery, unworn with tags.',
    );
  });

  test('exports a backup of everything and restores it after the data is gone', async ({ page, session }) => {
    // Some data: a ticket read by the content script lands in the snapshots table.
    await page.goto('https://acme.gorgias.com/app/views/123/4101');
    await expect(page.frameLocator('counterpart-dock iframe').getByTestId('panel-record')).toContainText('4101');
    await expect.poll(() => countRows(session.worker, 'snapshots')).toBeGreaterThan(0);
    const rows = await countRows(session.worker, 'snapshots');

    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByRole('textbox', { name: 'Brand name' }).fill('Northwind Outdoor');
    await page.getByRole('button', { name: 'Save brand and policies' }).click();
    await expect(page.getByText('Saved.').first()).toBeVisible();
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
