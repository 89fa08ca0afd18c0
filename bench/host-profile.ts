/**
 * Where the content script spends the host page's main thread: a V8 CPU profile of one load of a
 * realistic host page (bench/host-pages.ts) with the built extension, self time by function.
 *
 *   npx tsx bench/host-profile.ts gorgias|shopify|amazon|loop
 */
import { launchExtension } from '../e2e/support/launch';
import { amazonPage, gorgiasPage, loopPage, shopifyPage } from './host-pages';

const APP = process.argv[2] ?? 'gorgias';
const PAGES: Record<string, { url: string; html: () => string }> = {
  gorgias: { url: 'https://acme.gorgias.com/app/views/123/4101', html: gorgiasPage },
  shopify: { url: 'https://admin.shopify.com/store/demo-shop/products/8123456789', html: shopifyPage },
  amazon: {
    url: 'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT',
    html: amazonPage,
  },
  loop: { url: 'https://admin.loopreturns.com/returns/48213577', html: loopPage },
};

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const s = await launchExtension({ grantLocalHosts: false, viewport: { width: 1366, height: 768 } });
const p = PAGES[APP] as (typeof PAGES)[string];
const html = p.html();
await s.context.route(
  (u) => u.hostname === new URL(p.url).hostname,
  (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }),
);
for (let i = 0; i < 2; i++) {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(p.url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 3000));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  const self = new Map<number, number>();
  for (const [k, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = (self.get(n.id) ?? 0) / 1000;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}:${(n.callFrame as { columnNumber?: number }).columnNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const u = n.callFrame.url.startsWith('chrome-extension')
      ? 'EXT'
      : n.callFrame.url
        ? 'page'
        : n.callFrame.functionName;
    byUrl.set(u, (byUrl.get(u) ?? 0) + t);
  }
  if (i === 1) {
    console.log(
      APP,
      JSON.stringify(
        [...byUrl]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([k, v]) => [k, Math.round(v)]),
      ),
    );
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(7), k);
  }
  await page.close();
}
await s.close();
