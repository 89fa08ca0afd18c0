/**
 * Browser import benchmark: a 500,000-line Shopify orders CSV imported on the built extension's
 * planner page (parsed and stored in its Web Worker, with progress), then the same file again
 * (idempotent: 0 new rows), then a plan over everything stored.
 *
 *   COUNTERPART_OUT=.output-planning npx wxt build
 *   COUNTERPART_OUT=.output-planning npx tsx bench/planning-browser.ts
 *
 * `LINES=50000` for quick runs. The yardstick of issue 16 is measured in the same run and browser:
 * papaparse alone parsing the same file (3 times before the import, 2 after); the first import is
 * reported over each of them (min / median / max). `RAW=0` leaves out the slow one-row-per-line
 * IndexedDB baseline below. Also measured in the same browser: a plain IndexedDB baseline (raw
 * `put` of N rows shaped like sales lines, one transaction per 10k, and a paged `getAll` of them),
 * and the plan in a fresh worker (sales lines read from IndexedDB) next to the plan right after an
 * import (sales lines kept in the worker's memory).
 *
 * Prints one JSON object and merges it into bench/results/planning-browser.json under `lines_<N>`.
 * Timings are wall-clock on this machine, not asserted anywhere; the load averages are recorded
 * because other processes share the CPUs.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchExtension } from '../e2e/support/launch';
import { CHROME_BUILD } from '../e2e/support/paths';
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

/**
 * Raw IndexedDB in the page: N rows shaped like sales lines into a fresh store with the same
 * indexes ('id, sku'), 10k per transaction; then a paged getAll; then the same lines packed 100
 * per row, to show what the per-row cost is. A string so the bundler's helpers stay out of it.
 */
const RAW_BASELINE = `async (n) => {
  const line = (i) => ({ id: 'shopify-orders:' + (Math.imul(i, 2654435761) >>> 0).toString(36) + i.toString(36),
    source: 'shopify-orders', channel: 'shopify', orderId: '#' + (100000 + (i >> 1)), day: '2025-03-01',
    sku: 'SKU-' + String(i % 2000).padStart(5, '0'), qty: 1, unitPrice: 28, currency: 'USD', country: 'US', excluded: null });
  const open = (name) => new Promise((res, rej) => { const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('t', { keyPath: 'id' }).createIndex('sku', 'sku');
    r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const put = (db, rows) => new Promise((res, rej) => { const tx = db.transaction('t', 'readwrite');
    const st = tx.objectStore('t'); for (const r of rows) st.put(r); tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
  const rows = Array.from({ length: n }, (_, i) => line(i));
  const db = await open('bench-raw-' + Date.now());
  let t = performance.now();
  for (let i = 0; i < n; i += 10000) await put(db, rows.slice(i, i + 10000));
  const put_ms = Math.round(performance.now() - t);
  t = performance.now();
  let last = null; let read = 0;
  for (;;) {
    const page = await new Promise((res) => { const r = db.transaction('t').objectStore('t')
      .getAll(last === null ? null : IDBKeyRange.lowerBound(last, true), 10000); r.onsuccess = () => res(r.result); });
    read += page.length; if (page.length < 10000) break; last = page[page.length - 1].id;
  }
  const getall_ms = Math.round(performance.now() - t);
  db.close();
  const packedDb = await open('bench-packed-' + Date.now());
  const packs = [];
  for (let i = 0; i < n; i += 100) packs.push({ id: 'pack' + i, sku: 'x', lines: rows.slice(i, i + 100) });
  t = performance.now();
  for (let i = 0; i < packs.length; i += 100) await put(packedDb, packs.slice(i, i + 100));
  const packed_put_ms = Math.round(performance.now() - t);
  packedDb.close();
  return { rows: n, put_ms, getall_ms, read, packed_100_per_row_put_ms: packed_put_ms };
}`;

/** A plan in a fresh worker (nothing in memory: reads every sales line), then again in the same worker. */
const FRESH_WORKER_PLAN = `async ({ url, today }) => {
  const w = new Worker(url, { type: 'module' });
  const run = (id) => new Promise((res, rej) => {
    w.onmessage = (e) => { if (e.data.kind === 'planned') res(e.data); else if (e.data.kind === 'error') rej(new Error(e.data.message)); };
    w.postMessage({ kind: 'plan', id, today, settings: {} });
  });
  let t = performance.now();
  const cold = await run(1);
  const coldWall = Math.round(performance.now() - t);
  t = performance.now();
  const warm = await run(2);
  const warmWall = Math.round(performance.now() - t);
  w.terminate();
  return { fresh_worker: { wall_ms: coldWall, ms: cold.ms, phases: cold.phases },
    same_worker_again: { wall_ms: warmWall, ms: warm.ms, phases: warm.phases } };
}`;

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/**
 * The yardstick of issue 16 (browser import ≤ 3× parse-only): papaparse alone parsing the same
 * file (a File from a file input, 1 MiB chunks, rows counted and dropped) in a plain page of the
 * same browser, timed `n` times.
 */
async function parseOnly(context: import('@playwright/test').BrowserContext, file: string, n: number) {
  const page = await context.newPage();
  await page.setContent('<input type="file" id="f">');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('papaparse') });
  await page.setInputFiles('#f', file);
  const ms: number[] = [];
  for (let i = 0; i < n; i++)
    ms.push(
      (await page.evaluate(`new Promise((resolve) => {
        const f = document.getElementById('f').files[0];
        const t = performance.now();
        Papa.parse(f, { header: false, skipEmptyLines: false, delimiter: ',', chunkSize: 1 << 20,
          chunk: () => {}, complete: () => resolve(performance.now() - t) });
      })`)) as number,
    );
  await page.close();
  return ms.map((x) => Math.round(x));
}

const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { min: r(s[0]!), median: r(s[Math.floor(s.length / 2)]!), max: r(s.at(-1)!) };
};

/** Imports one file and returns the wall time and the distinct progress values seen on the bar. */
async function timedImport(page: Page, file: string, nth: number) {
  await page.getByLabel('Choose files to import').setInputFiles(file);
  const button = page.getByRole('button', { name: 'Import 1 file' });
  const t0 = Date.now();
  const busy0 = await longTasks(page);
  await button.click();
  const seen = new Set<string>();
  const texts = new Set<string>();
  const report = page.getByTestId('import-report').nth(nth);
  while (!(await report.isVisible())) {
    const bar = page.getByRole('progressbar').last();
    const v = await bar.getAttribute('aria-valuenow', { timeout: 200 }).catch(() => null);
    if (v) seen.add(v);
    const text = await page
      .locator('.pl-progress .cp-muted')
      .last()
      .textContent({ timeout: 200 })
      .catch(() => null);
    if (text) texts.add(text);
    await page.waitForTimeout(100);
  }
  const ms = Date.now() - t0;
  const phases = await report.locator('[title^="read "]').getAttribute('title');
  return {
    seconds: ms / 1000,
    phases,
    page_main_thread_long_tasks_ms: Math.round((await longTasks(page)) - busy0),
    progress_values_seen: seen.size,
    progress_texts_sample: [...texts].filter((_, i, a) => i === 0 || i === a.length - 1 || i === a.length >> 1),
    report: await report.locator('.cp-row > span').nth(1).textContent(),
  };
}

/** Waits for the plan the page starts after an import and returns the worker's figure and the wall time. */
const longTasks = (page: Page) => page.evaluate('window.__longTasks') as Promise<number>;

async function planAfterImport(page: Page, before: string | null) {
  const t0 = Date.now();
  const busy0 = await longTasks(page);
  const figure = page.locator('.pl-summary div').last().locator('strong');
  for (;;) {
    const text = await figure.textContent({ timeout: 500 }).catch(() => null);
    const busy = await page.getByText('Planning in the background…').isVisible();
    if (text && text !== before && !busy)
      return {
        worker_ms: Number.parseInt(text, 10),
        wall_seconds: (Date.now() - t0) / 1000,
        page_main_thread_long_tasks_ms: Math.round((await longTasks(page)) - busy0),
      };
    await page.waitForTimeout(100);
  }
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'counterpart-bench-'));
  const file = path.join(dir, `orders-${LINES}.csv`);
  await writeFile(file, ordersCsv(LINES));
  const bytes = (await stat(file)).size;
  const workerFile = (await readdir(path.join(CHROME_BUILD, 'assets'))).find((f) => /^planner\.worker.*\.js$/.test(f));
  const session = await launchExtension();
  const loads: Record<string, number[]> = { start: load() };
  try {
    const page = await session.context.newPage();
    // Long tasks on the page's main thread (rendering the plan, etc.), to tell them from worker time.
    await page.addInitScript(
      'window.__longTasks = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks += e.duration; }).observe({ type: "longtask", buffered: true });',
    );
    await page.goto(`chrome-extension://${session.extensionId}/planner.html`);
    await page.getByLabel('Plan as of').fill('2026-11-27');
    const parseBefore = await parseOnly(session.context, file, 3);
    const first = await timedImport(page, file, 0);
    const parseAfter = await parseOnly(session.context, file, 2);
    loads.after_first_import = load();
    // FIRST_ONLY=1: the first import and its yardstick only (a run under heavy load can take most of an hour).
    const firstOnly = process.env.FIRST_ONLY === '1';
    const planFirst = firstOnly ? null : await planAfterImport(page, null);
    const second = firstOnly ? null : await timedImport(page, file, 1);
    loads.after_second_import = load();
    const planSecond = planFirst ? await planAfterImport(page, `${planFirst.worker_ms} ms`) : null;
    const workerPlans =
      workerFile && !firstOnly
        ? await page.evaluate(
            `(${FRESH_WORKER_PLAN})(${JSON.stringify({ url: `/assets/${workerFile}`, today: '2026-11-27' })})`,
          )
        : null;
    loads.after_plans = load();
    const raw = process.env.RAW === '0' || firstOnly ? null : await page.evaluate(`(${RAW_BASELINE})(${LINES})`);
    const parseMs = [...parseBefore, ...parseAfter];
    const importMs = first.seconds * 1000;
    loads.end = load();
    const result = {
      at: new Date().toISOString(),
      lines: LINES,
      megabytes: Math.round(bytes / 1e5) / 10,
      papaparse_parse_only_ms: parseMs,
      first_import_over_parse_only: {
        note: 'first import (parse + store in the worker, from the click to the report) over each parse-only run of the same file in the same browser (3 before the import, 2 after): issue 16 goal ≤ 3×',
        ...spread(parseMs.map((p) => importMs / p)),
      },
      first_import: first,
      plan_after_first_import: planFirst,
      second_import_same_file: second,
      plan_after_second_import: planSecond,
      plan_in_fresh_worker: workerPlans,
      raw_indexeddb_baseline: raw,
      machine: `${os.cpus().length} cpu`,
      load_averages_1_5_15: loads,
    };
    console.log(JSON.stringify(result, null, 2));
    const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'results/planning-browser.json');
    const previous = JSON.parse(await readFile(out, 'utf8').catch(() => '{}')) as Record<string, unknown>;
    if (!process.env.NO_WRITE)
      await writeFile(out, `${JSON.stringify({ ...previous, [`lines_${LINES}`]: result }, null, 2)}\n`);
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
