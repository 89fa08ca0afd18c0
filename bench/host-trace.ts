/**
 * Where the extension's added host main-thread time goes: DevTools traces of one realistic host
 * page (bench/host-pages.ts) loaded with and without the built extension, the host renderer's main
 * thread broken down by exclusive (self) thread time per trace event, and what runs under the content
 * script's own JavaScript (forced layouts show up there).
 *
 *   npx tsx bench/host-trace.ts gorgias|shopify|amazon|loop [REPS=3]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { launchExtension } from '../e2e/support/launch';
import { chromiumArgs, chromiumPath } from '../e2e/support/paths';
import { amazonPage, gorgiasPage, loopPage, shopifyPage } from './host-pages';

const APP = process.argv[2] ?? 'gorgias';
const REPS = Number(process.env.REPS ?? 3);
const PAGES: Record<string, { url: string; html: () => string }> = {
  gorgias: { url: 'https://acme.gorgias.com/app/views/123/4101', html: gorgiasPage },
  shopify: { url: 'https://admin.shopify.com/store/demo-shop/products/8123456789', html: shopifyPage },
  amazon: {
    url: 'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT',
    html: amazonPage,
  },
  loop: { url: 'https://admin.loopreturns.com/returns/48213577', html: loopPage },
};
const p = PAGES[APP] as (typeof PAGES)[string];
const html = p.html();
const host = new URL(p.url).hostname;

interface Ev {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tts?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: { url?: string } };
}

async function trace(context: BrowserContext, page: Page): Promise<Ev[]> {
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Ev[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'v8',
        'v8.execute',
        'blink',
        'loading',
        '__metadata',
      ],
    },
  } as never);
  await page.goto(p.url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 3000));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const urlOf = (e: Ev): string => {
  const d = e.args?.data as Record<string, unknown> | undefined;
  const u = d?.url ?? (d?.stackTrace as Array<{ url?: string }> | undefined)?.[0]?.url ?? e.args?.beginData?.url;
  return typeof u === 'string' ? u : '';
};

/** Thread (CPU) time of a slice when the trace has it, else its wall time: on a loaded machine the wall time is mostly waiting. */
const cpu = (e: Ev): number => e.tdur ?? e.dur ?? 0;

function analyse(events: Ev[]) {
  const pids = new Set<number>();
  for (const e of events) {
    const d = e.args?.data;
    if ((e.name === 'FrameCommittedInBrowser' || e.name === 'CommitLoad') && String(d?.url ?? '').includes(host))
      if (typeof d?.processId === 'number') pids.add(d.processId);
    if (e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(host)) pids.add(e.pid);
  }
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      mains.add(`${e.pid}:${e.tid}`);
  const xs = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const underExt = new Map<string, number>();
  let total = 0;
  const stack: Array<{ e: Ev; end: number; child: number; ext: boolean; key: string }> = [];
  const pop = () => {
    const top = stack.pop();
    if (!top) return;
    const s = (cpu(top.e) - top.child) / 1000;
    self.set(top.key, (self.get(top.key) ?? 0) + s);
    if (top.ext) underExt.set(top.key, (underExt.get(top.key) ?? 0) + s);
    const parent = stack.at(-1);
    if (parent) parent.child += cpu(top.e);
    else total += cpu(top.e) / 1000;
  };
  for (const e of xs) {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= e.ts) pop();
    const u = urlOf(e);
    const isExt = u.startsWith('chrome-extension://');
    const key = isExt
      ? `${e.name} [ext]`
      : u && /Evaluate|FunctionCall|compile/i.test(e.name)
        ? `${e.name} [page]`
        : e.name;
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0, ext: isExt || (stack.at(-1)?.ext ?? false), key });
  }
  while (stack.length) pop();
  return { self, underExt, total };
}

async function run(context: BrowserContext) {
  const sums = { self: new Map<string, number>(), underExt: new Map<string, number>(), total: 0 };
  for (let i = 0; i <= REPS; i++) {
    const page = await context.newPage();
    const a = analyse(await trace(context, page));
    await page.close();
    if (i === 0) continue; // warm-up
    sums.total += a.total / REPS;
    for (const [k, v] of a.self) sums.self.set(k, (sums.self.get(k) ?? 0) + v / REPS);
    for (const [k, v] of a.underExt) sums.underExt.set(k, (sums.underExt.get(k) ?? 0) + v / REPS);
  }
  return sums;
}

const route = async (context: BrowserContext) =>
  context.route(
    (u) => u.hostname === host,
    (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );

const dir = await mkdtemp(path.join(os.tmpdir(), 'counterpart-trace-'));
const bare = await chromium.launchPersistentContext(dir, {
  executablePath: chromiumPath(),
  headless: true,
  viewport: { width: 1366, height: 768 },
  args: chromiumArgs(),
});
await route(bare);
const without = await run(bare);
await bare.close();
await rm(dir, { recursive: true, force: true });
const s = await launchExtension({ grantLocalHosts: false, viewport: { width: 1366, height: 768 } });
await route(s.context);
const withExt = await run(s.context);
await s.close();

const r = (x: number) => x.toFixed(1).padStart(7);
console.log(`${APP}: main-thread CPU ms (mean of ${REPS}) without ${r(without.total)}  with ${r(withExt.total)}`);
const keys = new Set([...without.self.keys(), ...withExt.self.keys()]);
const rows = [...keys]
  .map((k) => [k, without.self.get(k) ?? 0, withExt.self.get(k) ?? 0] as const)
  .sort((a, b) => Math.abs(b[2] - b[1]) - Math.abs(a[2] - a[1]))
  .slice(0, 25);
console.log('self time by event   without    with   diff');
for (const [k, a, b] of rows) console.log(`${r(a)} ${r(b)} ${r(b - a)}  ${k}`);
console.log('under the extension’s JavaScript:');
for (const [k, v] of [...withExt.underExt].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${r(v)}  ${k}`);
