import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './test';

/** The plan day every planning spec sets: no planning test reads today's date. */
export const PLAN_DAY = '2026-11-27';

/** Opens the planner page with the plan day set. */
export async function openPlanner(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/planner.html`);
  await page.getByLabel('Plan as of').fill(PLAN_DAY);
}

type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

/** Chooses the files (paths or in-memory files) and clicks Import. */
export async function importFiles(page: Page, files: FileArg[]): Promise<void> {
  await page.getByLabel('Choose files to import').setInputFiles(files as string[]);
  await page.getByRole('button', { name: /^Import \d+ files?$/ }).click();
}

/** 60 days of orders and the supplier terms of the Shopify fixture product's SKU, imported on the planner page. */
export async function importClassicTee(session: { context: BrowserContext; extensionId: string }): Promise<void> {
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
