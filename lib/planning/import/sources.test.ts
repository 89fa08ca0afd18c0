import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importText, type SourceSpec, upsertById } from '../../import/core';
import { amazonOrderRow, fastAmazonOrderRow, fastShopifyOrderRow, SOURCES, shopifyOrderRow } from './sources';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../e2e/fixtures/planning/${name}`, import.meta.url), 'utf8');

const SHOPIFY_HEAD =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Cancelled at,Source,Refunded Amount,Currency,Shipping Country';

describe('Shopify orders export', () => {
  const text = [
    SHOPIFY_HEAD,
    '#1001,a@example.com,paid,2026-11-20 10:00:00 -0500,fulfilled,2026-11-20 10:00:00 -0500,2,Tee - Black / M,28.00,TEE-BLK-M,,web,0.00,USD,US',
    '#1001,,,,,,1,Mug,22.00,MUG-CER-12,,,,,',
    '#1002,,paid,2026-11-21 11:00:00 -0500,fulfilled,2026-11-21 11:00:00 -0500,1,Tee - Black / M,28.00,TEE-BLK-M,,pos,0.00,USD,US',
    '#1003,b@example.com,voided,,unfulfilled,2026-11-22 12:00:00 -0500,1,Tee,28.00,TEE-BLK-M,2026-11-22 13:00:00 -0500,web,0.00,USD,CA',
    '#1004,c@example.com,refunded,2026-11-22,fulfilled,2026-11-22 12:00:00 -0500,3,Tee,28.00,TEE-BLK-M,,web,84.00,USD,US',
    '#1005,d@example.com,paid,,fulfilled,2026-11-23 09:00:00 -0500,two,Tee,28.00,TEE-BLK-M,,web,0.00,USD,US',
    '#1006,e@example.com,paid,,fulfilled,2026-11-23 09:00:00 -0500,1,Tee,28.00,,,web,0.00,USD,US',
    '#1007,f@example.com,paid,,fulfilled,not a date,1,Tee,28.00,TEE-BLK-M,,web,0.00,USD,US',
  ].join('\n');
  const r = importText(text, SOURCES['shopify-orders']);

  it('carries order-level fields down to the order’s other line items', () => {
    const mug = r.records.find((x) => x.orderId === '#1001' && x.sku === 'MUG-CER-12')!;
    expect(mug).toMatchObject({
      day: '2026-11-20',
      channel: 'shopify',
      currency: 'USD',
      country: 'US',
      qty: 1,
      excluded: null,
    });
  });

  it('splits channels by Source: pos is the store, everything else the web shop', () => {
    expect(r.records.find((x) => x.orderId === '#1002')!.channel).toBe('pos');
  });

  it('keeps cancelled and refunded lines, flagged as excluded from demand', () => {
    expect(r.records.find((x) => x.orderId === '#1003')!.excluded).toBe('cancelled');
    expect(r.records.find((x) => x.orderId === '#1004')!.excluded).toBe('refunded');
  });

  it('rejects broken rows with their line number and reason', () => {
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [7, 'Lineitem quantity: expected a whole number, got "two"'],
      [8, 'Lineitem sku: is empty'],
      [9, 'Created at: not a date: "not a date"'],
    ]);
    expect(r.records).toHaveLength(5);
  });

  it('reports every broken row of the broken fixture and keeps the good ones', () => {
    const b = importText(fixture('shopify-orders-broken.csv'), SOURCES['shopify-orders']);
    expect(b.rejected.map((x) => x.reason)).toEqual([
      'Created at: not a date: "not a date"',
      'Lineitem quantity: expected a whole number, got "two"',
      'Lineitem sku: is empty',
      'Lineitem quantity: must be at least 0, got -1',
      'Created at: not a date: "2026-02-30 09:00:00 -0500"',
    ]);
    expect(b.records.filter((x) => x.excluded).map((x) => [x.orderId, x.excluded])).toEqual(
      expect.arrayContaining([
        ['#9006', 'cancelled'],
        ['#9007', 'refunded'],
      ]),
    );
  });
});

describe('Amazon reports (tab-separated)', () => {
  it('reads All Orders: item-price is the line total; cancelled orders are excluded', () => {
    const text = [
      'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\tship-country',
      '111-1\t111-1\t2026-11-20T10:00:00+00:00\t2026-11-20T10:00:00+00:00\tShipped\tAmazon\tAmazon.com\tTEE-BLK-M\tB0X\tShipped\t2\tUSD\t58.80\tUS',
      '111-2\t111-2\t2026-11-21T10:00:00+00:00\t2026-11-21T10:00:00+00:00\tCancelled\tAmazon\tAmazon.com\tTEE-BLK-M\tB0X\tCancelled\t0\tUSD\t\tUS',
      '111-3\t111-3\t2026-11-21T10:00:00+00:00\t2026-11-21T10:00:00+00:00\tShipped\tAmazon\tAmazon.com\tTEE-BLK-M\tB0X\tShipped\t0\tUSD\t\tUS',
    ].join('\n');
    const r = importText(text, SOURCES['amazon-orders']);
    expect(r.records[0]).toMatchObject({
      channel: 'amazon',
      qty: 2,
      unitPrice: 29.4,
      day: '2026-11-20',
      excluded: null,
    });
    expect(r.records[1]!.excluded).toBe('cancelled');
    expect(r.rejected).toEqual([
      expect.objectContaining({ line: 4, reason: 'quantity: quantity is 0 on a line that is not cancelled' }),
    ]);
  });

  it('reads the FBA inventory report: fulfillable + reserved on hand, inbound as incoming', () => {
    const r = importText(fixture('fba-inventory.txt'), SOURCES['fba-inventory'], { asOf: '2026-11-27' });
    const tee = r.records.find((x) => x.sku === 'TEE-WHT-M')!;
    expect(tee).toMatchObject({
      location: 'FBA',
      onHand: 22,
      available: 20,
      committed: 2,
      incoming: 40,
      asOf: '2026-11-27',
    });
  });

  it('refuses an inventory export without a count date', () => {
    const r = importText(fixture('fba-inventory.txt'), SOURCES['fba-inventory']);
    expect(r.fatal).toMatch(/asOf/);
  });
});

describe('inventory, suppliers, calendar, budget, bundles', () => {
  it('reads the Shopify inventory export per location and rejects "not stocked"', () => {
    const text = [
      'Handle,Title,Option1 Name,Option1 Value,SKU,HS Code,COO,Location,Incoming,Unavailable,Committed,Available,On hand',
      'tee,Tee,Size,M,TEE-BLK-M,6109.10,CN,Warehouse,12,0,3,97,100',
      'tee,Tee,Size,M,TEE-BLK-M,6109.10,CN,SoHo Store,0,0,0,-2,-2',
      'tee,Tee,Size,L,TEE-BLK-L,6109.10,CN,SoHo Store,,,,not stocked,not stocked',
    ].join('\n');
    const r = importText(text, SOURCES['shopify-inventory'], { asOf: '2026-11-27' });
    expect(r.records.map((x) => [x.location, x.onHand, x.committed, x.incoming])).toEqual([
      ['Warehouse', 100, 3, 12],
      ['SoHo Store', -2, 0, 0],
    ]);
    expect(r.rejected[0]).toMatchObject({ line: 4, reason: 'On hand: not stocked at SoHo Store' });
  });

  it('keeps supplier lines with a missing lead time or MOQ (the data gate flags them) and rejects bad numbers', () => {
    const r = importText(
      'sku,supplier,lead_time_days,lead_time_sd_days,moq,case_pack,unit_cost,currency\nA,Lotus,,,300,24,7.80,usd\nB,Lotus,35,6,-5,24,7.80,USD\n',
      SOURCES.suppliers,
    );
    expect(r.records[0]).toMatchObject({
      sku: 'A',
      leadTimeDays: null,
      moq: 300,
      casePack: 24,
      unitCost: 7.8,
      currency: 'USD',
    });
    expect(r.rejected).toEqual([expect.objectContaining({ line: 3, reason: 'moq: must be at least 0, got -5' })]);
  });

  it('reads the marketing calendar with SKU lists, tags and percentages', () => {
    const r = importText(
      'name,start,end,skus,collection,tag,uplift_pct\nBlack Friday,2026-11-27,2026-11-30,all,,,60%\nGift guide,2026-12-01,2026-12-20,A;B,,,25\nWinter,2027-01-08,2027-01-10,,,winter,30\nBad,2026-12-05,2026-12-01,A,,,10\n',
      SOURCES.calendar,
    );
    expect(r.records.map((x) => [x.name, x.skus, x.tag, x.upliftPct])).toEqual([
      ['Black Friday', ['all'], null, 60],
      ['Gift guide', ['A', 'B'], null, 25],
      ['Winter', [], 'winter', 30],
    ]);
    expect(r.rejected[0]!.reason).toBe('end: ends (2026-12-01) before it starts (2026-12-05)');
  });

  it('reads budget periods and bundle maps', () => {
    const b = importText(fixture('budget.csv'), SOURCES.budget);
    expect(b.records.map((x) => [x.start, x.end, x.amount, x.currency])).toEqual([
      ['2026-11-01', '2026-11-30', 12000, 'USD'],
      ['2026-12-01', '2026-12-31', 25000, 'USD'],
    ]);
    const m = importText('bundle_sku,component_sku,qty\nGIFT,MUG,1\nGIFT,GIFT,1\nGIFT,CANDLE,0\n', SOURCES.bundles);
    expect(m.records).toHaveLength(1);
    expect(m.rejected.map((x) => x.reason)).toEqual([
      'a bundle cannot contain itself',
      'qty: must be at least 1, got 0',
    ]);
  });
});

describe('Shopify products export', () => {
  const HEAD =
    'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src,Status,Collection';
  const text = [
    HEAD,
    'fleece-hoodie,Fleece Hoodie,<p>Warm</p>,Northwind,Apparel,Hoodie,"fleece, winter, Winter",TRUE,Size,M,HOOD-GRY-M,68.00,https://cdn.shopify.com/h1.jpg,active,"Cold Weather, Essentials"',
    'fleece-hoodie,,,,,,,,,L,HOOD-GRY-L,68.00,https://cdn.shopify.com/h2.jpg,,',
    'fleece-hoodie,,,,,,,,,,,,https://cdn.shopify.com/h3.jpg,,',
    'linen-apron,Linen Apron,,Northwind,Apparel,Apron,home,FALSE,Title,Default Title,,42.00,,draft,',
    ',Orphan,,,,,,,,,ORPHAN-1,10.00,,active,',
    'wool-throw,Wool Throw,,Everfill,Home,Blanket,"home, winter",TRUE,Color,Oat,HOOD-GRY-M,148.00,,active,Home',
  ].join('\n');
  const r = importText(text, SOURCES.products);

  it('carries product-level columns forward by handle, one record per SKU with tags and collections', () => {
    expect(r.records).toEqual([
      {
        id: expect.any(String),
        sku: 'HOOD-GRY-M',
        handle: 'fleece-hoodie',
        title: 'Fleece Hoodie',
        productType: 'Hoodie',
        vendor: 'Northwind',
        tags: ['fleece', 'winter'],
        collections: ['Cold Weather', 'Essentials'],
      },
      {
        id: expect.any(String),
        sku: 'HOOD-GRY-L',
        handle: 'fleece-hoodie',
        title: 'Fleece Hoodie',
        productType: 'Hoodie',
        vendor: 'Northwind',
        tags: ['fleece', 'winter'],
        collections: ['Cold Weather', 'Essentials'],
      },
    ]);
    expect(r.records[0]!.id).not.toBe(r.records[1]!.id);
  });

  it('skips image-only rows and SKU-less variants without calling them errors', () => {
    expect(r.skipped).toEqual({ 'image-only row': 1, 'variant without a SKU': 1 });
    expect(r.rowsRead).toBe(6);
  });

  it('rejects a row without a handle and a SKU already on another product, with line and reason', () => {
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [6, 'Handle: is empty'],
      [7, 'Variant SKU: HOOD-GRY-M is already on product fleece-hoodie (line 2)'],
    ]);
  });

  it('merges Matrixify custom and smart collection columns', () => {
    const m = importText(
      'Handle,Title,Tags,Variant SKU,Custom Collections,Smart Collections\nbeanie,Rib Beanie,winter,BEANIE-RED,"Cold Weather, Accessories","Accessories, Under $25"\n',
      SOURCES.products,
    );
    expect(m.records[0]!.collections).toEqual(['Cold Weather', 'Accessories', 'Under $25']);
  });

  it('takes an unknown collection column through the remembered mapping', () => {
    const m = importText('Handle,Variant SKU,Merch group\nbeanie,BEANIE-RED,Cold Weather\n', SOURCES.products, {
      userMapping: { 'Merch group': 'collections' },
    });
    expect(m.mapping.collections).toBe('Merch group');
    expect(m.records[0]!.collections).toEqual(['Cold Weather']);
  });

  it('imports the products fixture: 15 SKUs, 4 image rows and 1 draft variant skipped; a second import changes nothing', () => {
    const f = importText(fixture('shopify-products.csv'), SOURCES.products);
    expect(f.rejected).toEqual([]);
    expect(f.records).toHaveLength(15);
    expect(f.skipped).toEqual({ 'image-only row': 4, 'variant without a SKU': 1 });
    expect(
      f.records
        .filter((x) => x.collections.includes('Cold Weather'))
        .map((x) => x.sku)
        .sort(),
    ).toEqual(['BEANIE-RED', 'BLANKET-WOOL', 'HOOD-GRY-L', 'HOOD-GRY-M']);
    expect(f.records.find((x) => x.sku === 'TEE-SAGE-M')).toMatchObject({
      title: 'Everyday Tee',
      tags: ['basics', 'cotton', 'summer', 'tee'],
      collections: ['Essentials'],
    });
    const store = new Map();
    upsertById(store, f.records);
    expect(upsertById(store, importText(fixture('shopify-products.csv'), SOURCES.products).records)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 15,
    });
  });
});

describe('fixtures', () => {
  it('imports every fixture file without rejects, and a second import changes nothing', () => {
    const orders = fixture('shopify-orders.csv');
    const store = new Map();
    const first = importText(orders, SOURCES['shopify-orders']);
    expect(first.rejected).toEqual([]);
    expect(first.records.length).toBeGreaterThan(5000);
    expect(first.duplicates).toBe(0);
    upsertById(store, first.records);
    const again = upsertById(store, importText(orders, SOURCES['shopify-orders']).records);
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: first.records.length });
    for (const [name, id] of [
      ['amazon-all-orders.txt', 'amazon-orders'],
      ['3pl-onhand.csv', '3pl-onhand'],
      ['suppliers.csv', 'suppliers'],
      ['calendar.csv', 'calendar'],
      ['bundles.csv', 'bundles'],
    ] as const) {
      // The union of source specs is widened for the loop; each spec is still checked above.
      const r = importText(fixture(name), SOURCES[id] as SourceSpec<string, { id: string }>);
      expect(r.fatal, name).toBeNull();
      expect(r.rejected, name).toEqual([]);
    }
  });
});

describe('fast path for order exports', () => {
  it('agrees with the zod schema on every fixture row, clean or broken', () => {
    const check = <K extends string>(
      text: string,
      fields: Record<K, { aliases: readonly string[] }>,
      fast: (c: Record<K, string>) => unknown,
      schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
    ) => {
      const rows = Papa.parse<string[]>(text.trim(), { delimiter: text.includes('\t') ? '\t' : ',' }).data;
      const header = rows[0]!;
      let fastCount = 0;
      for (const row of rows.slice(1)) {
        const cells = {} as Record<K, string>;
        for (const [key, f] of Object.entries(fields) as [K, { aliases: readonly string[] }][]) {
          const col = header.indexOf(f.aliases[0]!);
          cells[key] = col < 0 ? '' : (row[col] ?? '').trim();
        }
        const f = fast(cells);
        const z = schema.safeParse(cells);
        if (f !== null) {
          fastCount += 1;
          expect(z.success).toBe(true);
          expect(f).toEqual(z.data);
        }
      }
      return fastCount;
    };
    const shopify = SOURCES['shopify-orders'];
    const amazon = SOURCES['amazon-orders'];
    expect(
      check(fixture('shopify-orders-broken.csv'), shopify.fields, fastShopifyOrderRow, shopifyOrderRow),
    ).toBeGreaterThan(5);
    expect(
      check(fixture('shopify-orders.csv').slice(0, 200_000), shopify.fields, fastShopifyOrderRow, shopifyOrderRow),
    ).toBeGreaterThan(500);
    expect(
      check(fixture('amazon-all-orders.txt').slice(0, 100_000), amazon.fields, fastAmazonOrderRow, amazonOrderRow),
    ).toBeGreaterThan(300);
  });
});
