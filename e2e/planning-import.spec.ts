/**
 * Issue 18: the planner never misreads a file silently. Each file's encoding and delimiter show on
 * its card, a file whose dates never tell day/month order asks, and a file with nothing usable
 * blocks the plan lines it feeds instead of a confident "order 0". Fixtures: e2e/fixtures/planning/README.md.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES } from './support/paths';
import { openPlanner } from './support/planner';
import { expect, test } from './support/test';

const DIR = path.join(FIXTURES, 'planning');

/**
 * An import's card, found whether it is open or folded into the "files imported" summary once a
 * plan is shown (the reports fold so the reorder list comes first).
 */
const importCard = (page: Page, file: string) => page.locator(`article[aria-label="Import ${file}"]`);

test.describe('planner imports read files as they are written', () => {
  test('a Windows-1252, semicolon-separated file shows how it is written and keeps its characters', async ({
    page,
    session,
  }) => {
    await openPlanner(page, session.extensionId);
    await page
      .getByLabel('Choose files to import')
      .setInputFiles([path.join(DIR, 'suppliers-latin1.csv'), path.join(DIR, 'shopify-orders-semicolon.csv')]);
    const latin = importCard(page, 'suppliers-latin1.csv');
    await expect(latin.getByTestId('file-format')).toHaveText('Windows-1252 / Latin-1 · semicolon-separated');
    await expect(page.getByLabel('Kind of suppliers-latin1.csv')).toHaveValue('suppliers');
    await expect(page.getByRole('table', { name: 'Preview of suppliers-latin1.csv' })).toContainText(
      'Société Lotus Habillement',
    );
    const semi = importCard(page, 'shopify-orders-semicolon.csv');
    await expect(semi.getByTestId('file-format')).toHaveText('UTF-8 · semicolon-separated');
    await expect(page.getByLabel('Kind of shopify-orders-semicolon.csv')).toHaveValue('shopify-orders');

    await page.getByRole('button', { name: 'Import 2 files' }).click();
    await expect(latin.getByTestId('import-report')).toContainText('14 new rows', { timeout: 60_000 });
    await expect(latin.getByTestId('import-report')).toContainText('0 rejected');
    await expect(semi.getByTestId('import-report')).toContainText('0 rejected', { timeout: 60_000 });
    await expect(semi.getByTestId('import-report')).not.toContainText('Not imported');
    const table = page.getByRole('table', { name: 'Reorder list' });
    await expect(table.locator('tr[data-sku="MUG-CER-12"]')).toContainText('Töpferei Müller & Söhne', {
      timeout: 60_000,
    });
  });

  test('asks the day/month order when the dates do not tell, and imports again with the answer', async ({
    page,
    session,
  }) => {
    await openPlanner(page, session.extensionId);
    await page.getByLabel('Choose files to import').setInputFiles([path.join(DIR, '3pl-onhand-dmy.csv')]);
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    const card = importCard(page, '3pl-onhand-dmy.csv');
    const question = card.getByRole('group', {
      name: /Is 03\/11\/2026 in 3pl-onhand-dmy\.csv 3 Nov 2026 or Mar 11, 2026\?/,
    });
    await expect(question).toBeVisible({ timeout: 60_000 });
    await expect(card.getByTestId('import-report')).toContainText('Not imported');
    await expect(question.getByRole('button', { name: 'Mar 11, 2026 (month first)' })).toBeVisible();
    // Keyboard: the answer is a plain button.
    await question.getByRole('button', { name: '3 Nov 2026 (day first)' }).focus();
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('import-report')).toContainText('13 new rows', { timeout: 60_000 });
    await expect(card.getByTestId('dates-read')).toHaveText('Dates read day-first (your choice)');
    await expect(card.getByRole('group')).toHaveCount(0);

    // A file whose dates tell: read once for the whole file, and the card says from which line.
    await page.getByLabel('Choose files to import').setInputFiles([
      {
        name: '3pl-told.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'sku,warehouse,on_hand,as_of\nTEE-BLK-M,NJ1,120,03/11/2026\nTEE-BLK-L,NJ1,96,03/11/2026\nTEE-WHT-M,NJ1,90,03/11/2026\nCAP-NVY,NJ1,610,13/11/2026\n',
        ),
      },
    ]);
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    const told = importCard(page, '3pl-told.csv');
    await expect(told.getByTestId('dates-read')).toHaveText('Dates read day-first (13/11/2026 on line 5)', {
      timeout: 60_000,
    });
  });

  test('an orders file with no rows blocks the lines it feeds, in the planner and the popup', async ({
    page,
    session,
  }) => {
    await openPlanner(page, session.extensionId);
    await page
      .getByLabel('Choose files to import')
      .setInputFiles([
        path.join(DIR, 'shopify-orders-header-only.csv'),
        path.join(DIR, '3pl-onhand.csv'),
        path.join(DIR, 'suppliers.csv'),
      ]);
    await page.getByRole('button', { name: 'Import 3 files' }).click();
    const card = page.getByRole('article', { name: 'Import shopify-orders-header-only.csv' });
    await expect(card.getByTestId('import-report')).toContainText('No usable rows', { timeout: 60_000 });
    // A file that gave nothing stays open above the plan; the good ones fold into one line.
    await expect(page.getByTestId('imports-done').locator(':scope > summary')).toContainText('2 files imported', {
      timeout: 60_000,
    });
    await expect(card).toBeVisible();

    const table = page.getByRole('table', { name: 'Reorder list' });
    const row = table.locator('tr[data-sku="TEE-BLK-M"]');
    await expect(row).toContainText('blocked', { timeout: 60_000 });
    await expect(row).not.toContainText(/\bhigh\b/);
    await expect(row.locator('td').nth(6)).toHaveText('—');
    await expect(table.locator('tr[data-sku="TEE-BLK-M"] + tr')).toHaveText(
      'Blocked: the orders file shopify-orders-header-only.csv could not be read: the file has no data rows. No quantity until it is fixed and imported again.',
    );
    await expect(table).not.toContainText('confidence high');
    await expect(page.getByRole('heading', { name: 'Data checks' }).locator('..')).toContainText(
      'the orders file shopify-orders-header-only.csv could not be read',
    );
    await expect(page.getByRole('list', { name: 'Data quality checklist', includeHidden: true })).toContainText(
      'A file could not be read',
    );

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const line = popup.getByRole('list', { name: 'Lines that need action' }).locator('li[data-sku="TEE-BLK-M"]');
    await expect(line).toContainText('blocked');
    await expect(line).toContainText('the orders file shopify-orders-header-only.csv could not be read');
    await expect(line).not.toContainText(/order \d/);
    await popup.close();
  });

  test('a duplicated column is refused in plain words', async ({ page, session }) => {
    await openPlanner(page, session.extensionId);
    await page.getByLabel('Choose files to import').setInputFiles([path.join(DIR, 'suppliers-duplicate-header.csv')]);
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    const report = page
      .getByRole('article', { name: 'Import suppliers-duplicate-header.csv' })
      .getByTestId('import-report');
    await expect(report.getByRole('alert')).toContainText(
      '"lead_time_days" (column 3) and "Lead time days" (column 4) both give leadTimeDays. Remove or rename one of them',
      { timeout: 60_000 },
    );
    await expect(report).toContainText('Not imported');
  });
});
