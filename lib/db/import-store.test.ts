import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceSpec } from '../import/core';
import { importText } from '../import/core';
import { SOURCES } from '../planning/import/sources';
import { streamImport } from '../planning/import/stream';
import type { OrderLine } from '../planning/import/types';
import { contentHash, readAllRows } from './import-store';
import {
  countSalesLines,
  encodePack,
  getSalesLine,
  PACK_LINES,
  packId,
  packLines,
  putSalesLines,
  readSalesLines,
  readSalesLinesOf,
  replaceSalesLines,
  SalesLineSink,
  salesPackSchema,
  unpack,
} from './sales-lines';
import { CounterpartDB } from './schema';

const fixture = (f: string) => readFileSync(path.join(__dirname, '../../e2e/fixtures/planning', f), 'utf8');
const orders = fixture('shopify-orders.csv');
const fresh = () => new CounterpartDB(`import-store-${Math.random()}`);
/** Small parse and write chunks so a fixture file streams through many chunks and parser pauses. */
const small = { chunkSize: 16 * 1024, maxBacklog: 1 };

async function importOrders(database: CounterpartDB, text: string) {
  const written: OrderLine[] = [];
  const sink = await SalesLineSink.open(database, {
    chunk: 500,
    onWritten: (rows) => written.push(...rows),
  });
  const { result } = await streamImport(text, SOURCES['shopify-orders'], sink, small);
  return { result, counts: { ...sink.counts }, mode: sink.mode, written };
}

describe('streamed import into IndexedDB', () => {
  it('stores a first import as all new rows without reading the table, same records as the in-memory import', async () => {
    const database = fresh();
    const reference = importText(orders, SOURCES['shopify-orders']).records;
    expect(reference.length).toBe(7724);
    const first = await importOrders(database, orders);
    expect(first.mode).toBe('empty');
    expect(first.counts).toEqual({ inserted: 7724, updated: 0, unchanged: 0 });
    expect(first.written.length).toBe(7724);
    expect(first.result.records.length).toBe(7724);
    expect(await countSalesLines(database)).toBe(7724);
    const stored = await getSalesLine(database, reference[100]!.id);
    expect(stored).toEqual(reference[100]);
    database.close();
  });

  it('re-imports the same file as unchanged and writes nothing', async () => {
    const database = fresh();
    await importOrders(database, orders);
    const packs = await database.salesPacks.toArray();
    const scan = await importOrders(database, orders);
    expect(scan.mode).toBe('scan');
    expect(scan.counts).toEqual({ inserted: 0, updated: 0, unchanged: 7724 });
    expect(scan.written).toEqual([]);
    expect(await database.salesPacks.toArray()).toEqual(packs);
    expect(await countSalesLines(database)).toBe(7724);
    database.close();
  });

  it('reads packs written as line objects (the v5 upgrade) and re-imports over them as unchanged', async () => {
    const database = fresh();
    const first = await importOrders(database, orders);
    const lines = await readSalesLines(database);
    await database.salesPacks.clear();
    await database.salesPacks.bulkAdd(packLines(lines));
    expect((await database.salesPacks.toArray()).every((p) => Array.isArray(p.lines) && p.cols === undefined)).toBe(
      true,
    );
    expect(await readSalesLines(database)).toEqual(lines);
    const again = await importOrders(database, orders);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: first.result.records.length });
    expect(again.written).toEqual([]);
    // A pack of 300 lines, as packs of up to 500 were written: it is not refilled, new lines start the next pack.
    const sku = lines[0]!.sku;
    await database.salesPacks.clear();
    const big = {
      id: packId(sku, 0),
      sku,
      lines: Array.from({ length: 300 }, (_, i) => ({ ...lines[0]!, id: `old${i}` })),
    };
    await database.salesPacks.add(big);
    expect(
      await putSalesLines(database, [
        { ...lines[0]!, id: 'new1' },
        { ...lines[0]!, id: 'old7', qty: 9 },
      ]),
    ).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    const packs = (await database.salesPacks.toArray()).map(unpack);
    expect(packs.map((p) => [p.id, p.lines.length])).toEqual([
      [packId(sku, 0), 300],
      [packId(sku, 1), 1],
    ]);
    expect(packs[0]!.lines[7]!.qty).toBe(9);
    database.close();
  }, 60_000);

  it('stores a pack as JSON columns that read back as the same lines, property order and nulls included', () => {
    const lines = importText(orders, SOURCES['shopify-orders']).records.slice(0, 300);
    const pack = {
      id: 'p',
      sku: 'S',
      lines: lines.map((l, i) => ({ ...l, sku: 'S', excluded: i % 7 ? l.excluded : ('refunded' as const) })),
    };
    pack.lines[3] = { ...pack.lines[3]!, unitPrice: null, currency: null, country: null, excluded: 'cancelled' };
    pack.lines[4] = { ...pack.lines[4]!, orderId: 'quote " \\ \u001f é 😀', qty: 0.5 };
    const stored = encodePack(pack);
    expect(stored.lines).toBeUndefined();
    const back = unpack(stored);
    expect(back).toEqual(pack);
    expect(back.lines.map((l) => JSON.stringify(l))).toEqual(pack.lines.map((l) => JSON.stringify(l)));
    expect(salesPackSchema.safeParse(back).success).toBe(true);
  });

  it('stores many lines of one SKU per record, and every line once', async () => {
    const database = fresh();
    await importOrders(database, orders);
    const stored = await database.salesPacks.toArray();
    // Written as JSON columns, not as line objects.
    expect(stored.every((p) => typeof p.cols === 'string' && p.lines === undefined)).toBe(true);
    const packs = stored.map(unpack);
    const skus = new Set(packs.map((p) => p.sku));
    expect(packs.length).toBeLessThan(7724 / 20);
    for (const p of packs) {
      expect(p.lines.length).toBeGreaterThan(0);
      expect(p.lines.length).toBeLessThanOrEqual(PACK_LINES);
      expect(p.lines.every((l) => l.sku === p.sku)).toBe(true);
      expect(salesPackSchema.safeParse(p).success).toBe(true);
    }
    const ids = packs.flatMap((p) => p.lines.map((l) => l.id));
    expect(new Set(ids).size).toBe(7724);
    const one = [...skus][0]!;
    expect((await readSalesLinesOf(database, [one])).every((l) => l.sku === one)).toBe(true);
    expect((await readSalesLinesOf(database, [one])).length).toBe(
      ids.length - packs.filter((p) => p.sku !== one).reduce((n, p) => n + p.lines.length, 0),
    );
    database.close();
  });

  it('counts a changed line as updated and a new line as inserted, and stores the new content', async () => {
    const database = fresh();
    await importOrders(database, orders);
    const lines = orders.trimEnd().split('\n');
    // Line 2 (#1001, BEANIE-RED) sells 3 instead of 1; one new order at the end.
    lines[1] = lines[1]!.replace(',1,Rib Beanie - Red,', ',3,Rib Beanie - Red,');
    lines.push(
      '#99999,,paid,2026-11-20 10:00:00 -0500,fulfilled,,USD,24.00,0.00,24.00,,2026-11-20 10:00:00 -0500,2,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,web',
    );
    const changed = `${lines.join('\n')}\n`;
    const beanie = importText(changed, SOURCES['shopify-orders']).records[0]!;
    for (const time of [1, 2]) {
      const again = await importOrders(database, changed);
      expect(again.mode).toBe('scan');
      if (time === 1) {
        expect(again.counts).toEqual({ inserted: 1, updated: 1, unchanged: 7723 });
        expect(again.written.map((r) => r.orderId).sort()).toEqual(['#1001', '#99999']);
      } else {
        // The same file once more: nothing left to write.
        expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 7725 });
        expect(again.written).toEqual([]);
      }
    }
    expect((await getSalesLine(database, beanie.id))!.qty).toBe(3);
    expect(await countSalesLines(database)).toBe(7725);
    database.close();
  });

  it('compares with the lines the caller holds, reading only the packs of SKUs with a change', async () => {
    const database = fresh();
    const first = await importOrders(database, orders);
    const held = new Map(first.written.map((r) => [r.id, r]));
    const feed = async (text: string) => {
      const sink = await SalesLineSink.open(database, { chunk: 500, stored: held });
      await streamImport(text, SOURCES['shopify-orders'], sink, small);
      return { mode: sink.mode, counts: { ...sink.counts } };
    };
    expect(await feed(orders)).toEqual({ mode: 'memory', counts: { inserted: 0, updated: 0, unchanged: 7724 } });
    const changed = orders.replace(
      ',1,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,pos',
      ',2,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,pos',
    );
    expect(await feed(changed)).toEqual({ mode: 'memory', counts: { inserted: 0, updated: 1, unchanged: 7723 } });
    const stored = await readSalesLines(database);
    expect(stored.length).toBe(7724);
    const reference = importText(changed, SOURCES['shopify-orders']).records;
    expect(new Map(stored.map((l) => [l.id, l]))).toEqual(new Map(reference.map((l) => [l.id, l])));
    database.close();
  });

  it('keeps the last of an id repeated across chunks and counts it once, on the first import and on a re-import', async () => {
    const database = fresh();
    const row = (id: string, qty: number): OrderLine => ({
      id,
      source: 'shopify-orders',
      channel: 'shopify',
      orderId: '#1',
      day: '2026-11-01',
      sku: 'A',
      qty,
      unitPrice: null,
      currency: null,
      country: null,
      excluded: null,
    });
    const feed = async (rows: OrderLine[]) => {
      const sink = await SalesLineSink.open(database, { chunk: 2 });
      for (const r of rows) sink.add(r);
      return { counts: await sink.finish(), written: sink.written, mode: sink.mode };
    };
    // x appears in the first chunk with qty 1 and again two chunks later with qty 5.
    const file = [row('x', 1), row('y', 1), row('z', 1), row('w', 1), row('x', 5)];
    const first = await feed(file);
    expect(first).toEqual({ counts: { inserted: 4, updated: 0, unchanged: 0 }, written: 5, mode: 'empty' });
    expect((await getSalesLine(database, 'x'))!.qty).toBe(5);
    const again = await feed(file);
    expect(again.mode).toBe('scan');
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect((await getSalesLine(database, 'x'))!.qty).toBe(5);
    // Now the repeat changes x for real (qty 7): one update.
    const changed = await feed([...file.slice(0, 4), row('x', 7)]);
    expect(changed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
    expect((await getSalesLine(database, 'x'))!.qty).toBe(7);
    database.close();
  });

  it('reports rejected rows with their line while storing the good ones', async () => {
    const database = fresh();
    const sink = await SalesLineSink.open(database);
    const { result } = await streamImport(fixture('shopify-orders-broken.csv'), SOURCES['shopify-orders'], sink);
    expect(result.rejected.length).toBe(5);
    expect(result.rejected.every((r) => r.line > 1)).toBe(true);
    expect(sink.counts.inserted).toBe(result.records.length);
    expect(await countSalesLines(database)).toBe(result.records.length);
    database.close();
  });

  it('fails with the write error when a row cannot be stored, and stops on cancel', async () => {
    const database = fresh();
    // A record without a usable key: IndexedDB refuses the write.
    const bad: SourceSpec<'sku', OrderLine> = {
      id: 'bad',
      label: 'Bad',
      fields: { sku: { aliases: ['sku'], required: true } },
      rowBuilder: () => (cells) => ({ record: { id: undefined, sku: cells.sku } as unknown as OrderLine }),
    };
    const sink = await SalesLineSink.open(database);
    await expect(streamImport('sku\nA\nB\n', bad, sink)).rejects.toThrow();
    const controller = new AbortController();
    controller.abort();
    const sink2 = await SalesLineSink.open(database);
    await expect(
      streamImport(orders, SOURCES['shopify-orders'], sink2, { ...small, signal: controller.signal }),
    ).rejects.toThrow('Import cancelled');
    database.close();
  });

  it('reads every row of a table across pages, once each', async () => {
    const database = fresh();
    const rows = Array.from({ length: 25_001 }, (_, i) => ({ id: `r${String(i).padStart(6, '0')}`, sku: 'A', qty: i }));
    await database.table('suppliers').bulkAdd(rows);
    const read = await readAllRows(database, 'suppliers');
    expect(read.length).toBe(25_001);
    expect(new Set(read.map((r) => r.id)).size).toBe(25_001);
    expect(read[25_000]).toEqual({ id: 'r025000', sku: 'A', qty: 25_000 });
    database.close();
  }, 60_000);

  it('reads every sales line across pages of packs, and a restore-style replace keeps every line', async () => {
    const database = fresh();
    // 700 SKUs × 3 lines: more packs than one read page holds.
    const lines = Array.from(
      { length: 2100 },
      (_, i) =>
        ({
          id: `l${i}`,
          source: 'shopify-orders',
          channel: 'shopify',
          orderId: `#${i}`,
          day: '2026-11-01',
          sku: `SKU-${i % 700}`,
          qty: 1 + (i % 3),
          unitPrice: null,
          currency: null,
          country: null,
          excluded: null,
        }) satisfies OrderLine,
    );
    const counts = await putSalesLines(database, lines);
    expect(counts).toEqual({ inserted: 2100, updated: 0, unchanged: 0 });
    expect(await database.salesPacks.count()).toBe(700);
    const read = await readSalesLines(database);
    expect(read.map((l) => l.id).sort()).toEqual(lines.map((l) => l.id).sort());
    await replaceSalesLines(database, lines.slice(0, 10));
    expect((await readSalesLines(database)).length).toBe(10);
    database.close();
  }, 60_000);

  it('moves a line whose id comes back under another SKU, keeping the other lines where they are', async () => {
    const database = fresh();
    const line = (id: string, sku: string, qty = 1): OrderLine => ({
      id,
      source: 'shopify-orders',
      channel: 'shopify',
      orderId: `#${id}`,
      day: '2026-11-01',
      sku,
      qty,
      unitPrice: null,
      currency: null,
      country: null,
      excluded: null,
    });
    expect(await putSalesLines(database, [line('a', 'A'), line('x', 'A'), line('b', 'A'), line('c', 'C')])).toEqual({
      inserted: 4,
      updated: 0,
      unchanged: 0,
    });
    // In the worker's memory mode and in scan mode alike.
    const stored = new Map((await readSalesLines(database)).map((l) => [l.id, l]));
    const sink = await SalesLineSink.open(database, { stored });
    expect(sink.mode).toBe('memory');
    for (const l of [line('x', 'B'), line('b', 'A', 2), line('a', 'A'), line('d', 'B')]) sink.add(l);
    expect(await sink.finish()).toEqual({ inserted: 1, updated: 2, unchanged: 1 });
    const ids = async (sku: string) => (await readSalesLinesOf(database, [sku])).map((l) => `${l.id}${l.qty}`);
    expect(await ids('A')).toEqual(['a1', 'b2']);
    expect(await ids('B')).toEqual(['x1', 'd1']);
    expect(await ids('C')).toEqual(['c1']);
    expect(await putSalesLines(database, [line('b', 'C'), line('x', 'B')])).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(await ids('A')).toEqual(['a1']);
    expect(await ids('C')).toEqual(['c1', 'b1']);
    expect(await countSalesLines(database)).toBe(5);
    database.close();
  }, 60_000);

  it('hashes equal rows equally and different rows differently', () => {
    expect(contentHash({ id: 'a', qty: 1 })).toBe(contentHash({ id: 'a', qty: 1 }));
    expect(contentHash({ id: 'a', qty: 1 })).not.toBe(contentHash({ id: 'a', qty: 2 }));
  });
});
