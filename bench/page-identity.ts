/**
 * Page identity (issue 13 item 4): per app, whether the check tells the fixture's own record from
 * another address's (stale must be false at the page's own address, true at another), and what one
 * check costs: it runs on every DOM change while an SPA switch waits for the new record. happy-dom
 * in Node, so the times are relative (a browser's DOM is faster), not a host-page measurement.
 * Run: npx tsx bench/page-identity.ts   → bench/results/page-identity.json
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadFixtureWindow } from '../lib/sites/fixture-window';
import {
  amazonIdentity,
  gorgiasIdentity,
  loopIdentity,
  type PageIdentityCheck,
  shopifyIdentity,
} from '../lib/sites/snapshot-identity';

interface Case {
  app: string;
  dir: string;
  file: string;
  own: string;
  other: string;
  check: PageIdentityCheck;
}

const F = resolve(process.cwd(), 'e2e/fixtures');
const SHOP = (id: number) => `https://admin.shopify.com/store/demo-shop/products/${id}`;
const OFFER = (sku: string) =>
  `https://sellercentral.amazon.de/abis/listing/edit/offer?marketplaceID=A1PA6795UKMFR9&sku=${sku}&asin=B0CXYZ1234&productType=SHIRT`;

const CASES: Case[] = [
  {
    app: 'gorgias',
    dir: 'gorgias',
    file: 'app.html',
    own: 'https://acme.gorgias.com/app/views/123/4101',
    other: 'https://acme.gorgias.com/app/views/123/4102',
    check: gorgiasIdentity,
  },
  {
    app: 'loop',
    dir: 'loop',
    file: 'app.html',
    own: 'https://admin.loopreturns.com/returns/48213577',
    other: 'https://admin.loopreturns.com/returns/48213578',
    check: loopIdentity,
  },
  {
    app: 'shopify',
    dir: 'shopify',
    file: 'product-variant-links.html',
    own: SHOP(8123456795),
    other: SHOP(8123456796),
    check: shopifyIdentity,
  },
  {
    app: 'amazon',
    dir: 'amazon',
    file: 'offer-tab-de.html',
    own: OFFER('TEE-CL-BLK-M'),
    other: OFFER('TEE-CL-BLK-L'),
    check: amazonIdentity,
  },
];

const RUNS = 2000;
const rows = CASES.map((c) => {
  const { document, window } = loadFixtureWindow(resolve(F, c.dir), c.file, c.own);
  const own = c.check.check(document, new URL(c.own));
  const other = c.check.check(document, new URL(c.other));
  const url = new URL(c.other);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    c.check.check(document, url);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  void window.happyDOM.close();
  return {
    app: c.app,
    file: c.file,
    domId: own.domId,
    staleAtOwnAddress: own.stale,
    staleAtOtherAddress: other.stale,
    medianMicros: Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 1000),
    p95Micros: Math.round((times[Math.floor(RUNS * 0.95)] ?? 0) * 1000),
  };
});

const out = { loadavg: loadavg().map((x) => Math.round(x * 100) / 100), cpus: cpus().length, runs: RUNS, rows };
writeFileSync(resolve(process.cwd(), 'bench/results/page-identity.json'), `${JSON.stringify(out, null, 2)}\n`);
console.table(rows);
