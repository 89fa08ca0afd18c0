import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { FIXTURES } from './paths';

/** The planning fixtures a demo or an accessibility run imports (the broken file left out). */
export const PLANNING_FILES = [
  'shopify-orders.csv',
  'amazon-all-orders.txt',
  'shopify-inventory.csv',
  'fba-inventory.txt',
  '3pl-onhand.csv',
  'suppliers.csv',
  'calendar.csv',
  'budget.csv',
  'bundles.csv',
].map((f) => path.join(FIXTURES, 'planning', f));

/** The review date the planning fixtures are written for. */
export const PLAN_AS_OF = '2026-11-27';

/** Imports the planning fixtures on the planner page, the way a person does, and waits for every report. */
export async function importPlanningFixtures(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/planner.html`);
  await page.getByLabel('Plan as of').fill(PLAN_AS_OF);
  await page.getByLabel('Choose files to import').setInputFiles(PLANNING_FILES);
  await page.getByRole('button', { name: `Import ${PLANNING_FILES.length} files` }).click();
  await expect(page.getByTestId('import-report')).toHaveCount(PLANNING_FILES.length, { timeout: 90_000 });
}

/** Imports the Loop returns export on the insights page and waits for its summary. */
export async function importLoopExport(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/insights.html`);
  await page.getByLabel('Loop returns CSV').setInputFiles(path.join(FIXTURES, 'loop/returns-export.csv'));
  await expect(page.getByTestId('import-summary')).toContainText('new', { timeout: 60_000 });
}
