/**
 * Browser import benchmark: a 500,000-line Shopify orders CSV imported on the built extension's
 * planner page (parsed and stored in its Web Worker, with progress), then the same file again
 * (idempotent: 0 new rows), then a plan over everything stored.
 *
 *   COUNTERPART_OUT=.output-planning npx wxt build
 *   COUNTERPART_OUT=.output-planning npx tsx bench/planning-browser.ts
 *
 * Prints one JSON object; timings are wall-clock on this machine, not asserted anywhere.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchExtension } from '../e2e/support/launch';
import { dayNumber, dayString } from '../lib/planning/dates';
import { mulberry32 } from '../lib/util/random';

const LINES = Number(process.env.LINES ?? 500_000);
const SKUS = 2000;

function ordersCsv(lines: number): string {
  const rand = mulberry32(7);
  const parts: string[] = [
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at,Refunded Amount,Source',
  ];
  let order = 100000;
  const start = dayNumber('2024-11-27');
  for (let i = 0; i < lines; ) {
    const name = `#${order++}`;
    const day = dayString(start + Math.floor((i / lines) * 730));
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n && i < lines; k++, i++) {
      const sku = `SKU-${String(Math.floor(rand() * SKUS)).padStart(5, '0')}`;
      parts.push(
        k === 0
          ? `${name},c${order}@example.com,paid,${day} 10:00:00 -0500,fulfilled,,USD,56.00,0.00,56.00,,${day} 10:00:00 -0500,1,Product ${sku},28.00,${sku},US,,0.00,web`
          : `${name},,,,,,,,,,,,1,Product ${sku},28.00,${sku},,,,`,
      );
    }
  }
  return `${parts.join('\n')}\n`;
}

/** Imports one file and returns the wall time and the distinct progress values seen on the bar. */
async function timedImport(page: Page, file: string, nth: number) {
  await page.getByLabel('Choose files to import').setInputFiles(file);
  const button = page.getByRole('button', { name: 'Import 1 file' });
  const t0 = Date.now();
  await button.click();
  const seen = new Set<string>();
  const report = page.getByTestId('import-report').nth(nth);
  while (!(await report.isVisible())) {
    const v = await page
      .getByRole('progressbar')
      .last()
      .getAttribute('aria-valuenow', { timeout: 200 })
      .catch(() => null);
    if (v) seen.add(v);
    await page.waitForTimeout(100);
  }
  const ms = Date.now() - t0;
  const phases = await report.locator('[title^="read "]').getAttribute('title');
  return {
    seconds: ms / 1000,
    phases,
    progress_updates_seen: seen.size,
    report: await report.locator('.cp-row > span').nth(1).textContent(),
  };
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'counterpart-bench-'));
  const file = path.join(dir, 'orders-500k.csv');
  await writeFile(file, ordersCsv(LINES));
  const bytes = (await stat(file)).size;
  const session = await launchExtension();
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/planner.html`);
    await page.getByLabel('Plan as of').fill('2026-11-27');
    const first = await timedImport(page, file, 0);
    const second = await timedImport(page, file, 1);
    // The import triggers a plan; time it from the page's own figure.
    const planMs = await page.locator('.pl-summary div').last().locator('strong').textContent({ timeout: 600_000 });
    console.log(
      JSON.stringify(
        {
          lines: LINES,
          megabytes: Math.round(bytes / 1e5) / 10,
          first_import: first,
          second_import_same_file: second,
          plan_in_worker: planMs,
          machine: `${os.cpus().length} cpu, load ${os.loadavg()[0]?.toFixed(1)}`,
        },
        null,
        2,
      ),
    );
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
