/**
 * Where the panel's time goes, one page load per app (a diagnostic beside `host-overhead.ts`):
 *
 *   npm run build && npx tsx bench/panel-trace.ts           # RUNS=3 by default
 *
 * In the panel frame it logs, from the host page's navigation start (ms): the frame's own start,
 * each script/style fetch (start → end), each background message (sent → answered), each port
 * message received, and what the panel shows (the same probe as host-overhead.ts). Prints one
 * timeline per load; writes nothing.
 */
import type { Page } from '@playwright/test';
import { launchExtension } from '../e2e/support/launch';
import { amazonPage, gorgiasPage, loopPage, shopifyPage } from './host-pages';

const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = {
  gorgias: { url: 'https://acme.gorgias.com/app/views/123/4101', html: gorgiasPage() },
  shopify: { url: 'https://admin.shopify.com/store/demo-shop/products/8123456789', html: shopifyPage() },
  amazon: {
    url: 'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT',
    html: amazonPage(),
  },
  loop: { url: 'https://admin.loopreturns.com/returns/48213577', html: loopPage() },
} as const;

const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/panel.html')) return;
  const log = (window.__trace = []);
  const now = () => performance.timeOrigin + performance.now();
  log.push({ t: now(), e: 'frame script start' });
  const rt = globalThis.chrome?.runtime;
  if (rt) {
    const send = rt.sendMessage.bind(rt);
    rt.sendMessage = (...args) => {
      const m = args[0]; const t0 = now();
      const p = send(...args);
      if (p && p.then) p.then(() => log.push({ t: t0, end: now(), e: 'msg ' + (m && m.type) }));
      return p;
    };
    const connect = rt.connect.bind(rt);
    rt.connect = (...args) => {
      const port = connect(...args);
      const name = (args[0] && args[0].name) || args[0];
      log.push({ t: now(), e: 'connect ' + name });
      port.onMessage.addListener((m) => log.push({ t: now(), e: 'port ' + name + ' <- ' + JSON.stringify(m).slice(0, 60) }));
      return port;
    };
  }
  let last = '';
  const text = (sel) => (document.querySelector(sel)?.textContent || '').trim();
  const check = () => {
    const s = [text('[data-testid="panel-record"]').slice(0, 20) && 'record', text('[data-testid="cs-intent"]') && 'intent',
      text('[data-testid="draft-text"]') && 'draft', document.querySelector('[data-testid="decision"]') && 'decision',
      document.querySelector('section[aria-label="Violations by field"]') && 'violations',
      document.querySelector('[data-testid="channel-readiness"]') && 'readiness',
      text('main').slice(0, 40)].filter(Boolean).join(' | ');
    if (s !== last) { last = s; log.push({ t: now(), e: 'shows: ' + s }); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  addEventListener('load', () => log.push({ t: now(), e: 'frame load' }));
})();`;

async function main() {
  const s = await launchExtension({ grantLocalHosts: false, viewport: { width: 1366, height: 768 } });
  for (const p of Object.values(PAGES)) {
    const u = new URL(p.url);
    await s.context.route(
      (url) => url.hostname === u.hostname,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }),
    );
  }
  await s.context.addInitScript(PROBE);
  for (let run = 0; run < RUNS + 1; run++) {
    for (const [app, p] of Object.entries(PAGES)) {
      const page: Page = await s.context.newPage();
      await page.goto(p.url, { waitUntil: 'load' });
      const host = await page.evaluate(() => {
        const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { origin: performance.timeOrigin, load: e.loadEventStart, dcl: e.domContentLoadedEventStart };
      });
      await page.waitForTimeout(2500);
      const frame = page.frames().find((f) => f.url().includes('/panel.html'));
      const out = frame
        ? await frame.evaluate(() => {
            const w = window as unknown as { __trace: Array<{ t: number; end?: number; e: string }> };
            const res = [...performance.getEntriesByType('resource'), ...performance.getEntriesByType('mark')].map(
              (r) => ({
                t: performance.timeOrigin + r.startTime,
                end: 'responseEnd' in r ? performance.timeOrigin + (r as PerformanceResourceTiming).responseEnd : 0,
                e: `fetch ${r.name.split('/').pop()}`,
              }),
            );
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            return { trace: w.__trace ?? [], res, origin: performance.timeOrigin, load: nav?.loadEventStart ?? 0 };
          })
        : null;
      if (run > 0 && out) {
        const rows = [
          { t: host.origin + host.dcl, e: 'HOST domcontentloaded' },
          { t: host.origin + host.load, e: 'HOST load' },
          { t: out.origin, e: 'panel frame timeOrigin' },
          ...out.res,
          ...out.trace,
        ].sort((a, b) => a.t - b.t);
        console.log(`\n== ${app} run ${run}`);
        for (const r of rows)
          console.log(
            `${String(Math.round(r.t - host.origin)).padStart(6)}${'end' in r && r.end ? ` → ${String(Math.round(r.end - host.origin)).padStart(5)}` : '        '}  ${r.e}`,
          );
      }
      await page.close();
    }
  }
  await s.close();
}

await main();
