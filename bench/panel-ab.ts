/**
 * Two builds of the extension side by side, interleaved in one run, on the realistic host pages of
 * `bench/host-pages.ts`: how long the panel takes to be ready after the host page's load event
 * (the panel frame is loaded right after it), so that the load on a shared machine hits both alike.
 *
 *   npx tsx bench/panel-ab.ts <build A>/chrome-mv3 <build B>/chrome-mv3      # REPS=8 by default
 *
 * Ready is what host-overhead.ts counts (triage + draft on Gorgias, the decision on Loop, the
 * listing check on Seller Central and Shopify), from the panel frame's clock. Prints min / median /
 * max of (ready − host load) in ms and of ready / load, per app and build; writes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/support/paths';
import { amazonPage, gorgiasPage, loopPage, shopifyPage } from './host-pages';

const REPS = Number(process.env.REPS ?? 8);
const [A, B] = process.argv.slice(2);
if (!A || !B) throw new Error('usage: npx tsx bench/panel-ab.ts <build A> <build B>');

const PAGES = {
  gorgias: { url: 'https://acme.gorgias.com/app/views/123/4101', html: gorgiasPage() },
  shopify: { url: 'https://admin.shopify.com/store/demo-shop/products/8123456789', html: shopifyPage() },
  amazon: {
    url: 'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT',
    html: amazonPage(),
  },
  loop: { url: 'https://admin.loopreturns.com/returns/48213577', html: loopPage() },
} as const;
type App = keyof typeof PAGES;

const READY: Record<App, string> = {
  gorgias: `!!document.querySelector('[data-testid="cs-intent"]') && !!(document.querySelector('[data-testid="draft-text"]')?.textContent || '').trim()`,
  shopify: `!!document.querySelector('[data-testid="channel-readiness"]')`,
  amazon: `!!document.querySelector('[data-testid="listing-counts"]')`,
  loop: `!!document.querySelector('[data-testid="decision"]')`,
};

const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/panel.html')) return;
  const app = new URLSearchParams(location.search).get('app');
  const ready = { ${Object.entries(READY)
    .map(([k, v]) => `${k}: () => ${v}`)
    .join(', ')} }[app];
  const mo = new MutationObserver(() => {
    if (ready && ready()) { window.__readyAt = performance.timeOrigin + performance.now(); mo.disconnect(); }
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

async function launch(dir: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'counterpart-ab-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: chromiumArgs(dir),
  });
  for (const p of Object.values(PAGES)) {
    const u = new URL(p.url);
    await context.route(
      (url) => url.hostname === u.hostname,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }),
    );
  }
  await context.addInitScript(PROBE);
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function once(context: BrowserContext, app: App): Promise<{ after: number; ratio: number } | null> {
  const page = await context.newPage();
  try {
    await page.goto(PAGES[app].url, { waitUntil: 'load' });
    const host = await page.evaluate(() => {
      const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { origin: performance.timeOrigin, load: e.loadEventStart };
    });
    const t0 = Date.now();
    while (Date.now() - t0 < 15_000) {
      const frame = page.frames().find((f) => f.url().includes('/panel.html'));
      const at = frame
        ? await frame.evaluate(() => (window as unknown as { __readyAt?: number }).__readyAt ?? null).catch(() => null)
        : null;
      if (at) return { after: at - host.origin - host.load, ratio: (at - host.origin) / host.load };
      await page.waitForTimeout(50);
    }
    return null;
  } finally {
    await page.close();
  }
}

const stats = (xs: number[], d = 0) => {
  const v = [...xs].sort((a, b) => a - b);
  const r = (x: number | undefined) => Number((x ?? Number.NaN).toFixed(d));
  const mid = v.length % 2 ? v[(v.length - 1) / 2] : ((v[v.length / 2 - 1] ?? 0) + (v[v.length / 2] ?? 0)) / 2;
  return `${r(v[0])} / ${r(mid)} / ${r(v.at(-1))} (n=${v.length})`;
};

const load0 = os.loadavg();
const sessions = [await launch(path.resolve(A)), await launch(path.resolve(B))];
const got: Record<string, { after: number[]; ratio: number[] }> = {};
for (let rep = -1; rep < REPS; rep++)
  for (const app of Object.keys(PAGES) as App[])
    for (const i of rep % 2 ? [0, 1] : [1, 0]) {
      const r = await once(sessions[i]!.context, app);
      if (rep < 0 || !r) continue; // the first round warms both up (first database open, first panel)
      const k = `${app} ${i ? 'B' : 'A'}`;
      got[k] = got[k] ?? { after: [], ratio: [] };
      got[k].after.push(r.after);
      got[k].ratio.push(r.ratio);
    }
for (const s of sessions) await s.close();
console.log(
  `A = ${A}\nB = ${B}\nREPS=${REPS}, loadavg ${load0.map((x) => x.toFixed(2))} → ${os.loadavg().map((x) => x.toFixed(2))}`,
);
for (const [k, v] of Object.entries(got).sort())
  console.log(`${k.padEnd(10)} ready − load ms ${stats(v.after)}   ready / load ${stats(v.ratio, 2)}`);
