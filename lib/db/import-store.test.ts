import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceSpec } from '../import/core';
import { importText } from '../import/core';
import { SOURCES } from '../planning/import/sources';
import { streamImport } from '../planning/import/stream';
import type { OrderLine } from '../planning/import/types';
import { contentHash, readAllRows, TableSink } from './import-store';
import { CounterpartDB } from './schema';

const fixture = (f: string) => readFileSync(path.join(__dirname, '../../e2e/fixtures/planning', f), 'utf8');
const orders = fixture('shopify-orders.csv');
const fresh = () => new CounterpartDB(`import-store-${Math.random()}`);
/** Small parse and write chunks so a fixture file streams through many chunks and parser pauses. */
const small = { chunkSize: 16 * 1024, maxBacklog: 1 };

async function importOrders(database: CounterpartDB, text: string, expected?: number, mode?: 'lookup') {
  const written: OrderLine[] = [];
  const sink = await TableSink.open(database, 'salesLines', {
    chunk: 500,
    expected,
    mode,
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
    expect(await database.salesLines.count()).toBe(7724);
    const stored = await database.salesLines.get(reference[100]!.id);
    expect(stored).toEqual(reference[100]);
    database.close();
  });

  it('re-imports the same file as unchanged and writes nothing, whether it scans the table or looks rows up', async () => {
    const database = fresh();
    await importOrders(database, orders);
    const scan = await importOrders(database, orders, 7724);
    expect(scan.mode).toBe('scan');
    expect(scan.counts).toEqual({ inserted: 0, updated: 0, unchanged: 7724 });
    expect(scan.written).toEqual([]);
    const lookup = await importOrders(database, orders, 10);
    expect(lookup.mode).toBe('lookup');
    expect(lookup.counts).toEqual({ inserted: 0, updated: 0, unchanged: 7724 });
    expect(lookup.written).toEqual([]);
    expect(await database.salesLines.count()).toBe(7724);
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
    for (const expected of [7725, 5]) {
      const again = await importOrders(database, changed, expected);
      if (expected === 7725) {
        expect(again.mode).toBe('scan');
        expect(again.counts).toEqual({ inserted: 1, updated: 1, unchanged: 7723 });
        expect(again.written.map((r) => r.orderId).sort()).toEqual(['#1001', '#99999']);
      } else {
        // The same file once more, looked up row by row: nothing left to write.
        expect(again.mode).toBe('lookup');
        expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 7725 });
      }
    }
    expect((await database.salesLines.get(beanie.id))!.qty).toBe(3);
    expect(await database.salesLines.count()).toBe(7725);
    database.close();
  });

  it('counts a changed line as updated in lookup mode too', async () => {
    const database = fresh();
    await importOrders(database, orders);
    const changed = orders.replace(
      ',1,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,pos',
      ',4,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,pos',
    );
    const again = await importOrders(database, changed, 1, 'lookup');
    expect(again.counts).toEqual({ inserted: 0, updated: 1, unchanged: 7723 });
    expect(again.written.length).toBe(1);
    database.close();
  });

  it('compares with the rows the caller holds when they match the table, and reads the table when they do not', async () => {
    const database = fresh();
    const first = await importOrders(database, orders);
    const held = new Map(first.written.map((r) => [r.id, r]));
    const feed = async (text: string, stored: ReadonlyMap<string, unknown>) => {
      const sink = await TableSink.open(database, 'salesLines', { chunk: 500, expected: 7724, stored });
      await streamImport(text, SOURCES['shopify-orders'], sink, small);
      return { mode: sink.mode, counts: { ...sink.counts }, written: sink.written };
    };
    expect(await feed(orders, held)).toEqual({
      mode: 'memory',
      counts: { inserted: 0, updated: 0, unchanged: 7724 },
      written: 0,
    });
    const changed = orders.replace(
      ',1,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,pos',
      ',2,Rib Beanie - Red,24.00,BEANIE-RED,US,,0.00,pos',
    );
    expect(await feed(changed, held)).toEqual({
      mode: 'memory',
      counts: { inserted: 0, updated: 1, unchanged: 7723 },
      written: 1,
    });
    // One row short of the table: not trusted, the table is scanned (and finds the line as stored now).
    const short = new Map([...held].slice(1));
    expect(await feed(changed, short)).toEqual({
      mode: 'scan',
      counts: { inserted: 0, updated: 0, unchanged: 7724 },
      written: 0,
    });
    database.close();
  });

  it('keeps the last of an id repeated across chunks and counts it once, on the first import and on a re-import', async () => {
    const database = fresh();
    // Partial order lines: the sink compares and stores whatever a row holds.
    const row = (id: string, qty: number) => ({ id, sku: 'A', qty }) as unknown as OrderLine;
    const feed = async (rows: OrderLine[]) => {
      const sink = await TableSink.open(database, 'salesLines', { chunk: 2, expected: rows.length });
      for (const r of rows) sink.add(r);
      return { counts: await sink.finish(), written: sink.written, mode: sink.mode };
    };
    // x appears in the first chunk with qty 1 and again two chunks later with qty 5.
    const file = [row('x', 1), row('y', 1), row('z', 1), row('w', 1), row('x', 5)];
    const first = await feed(file);
    expect(first).toEqual({ counts: { inserted: 4, updated: 0, unchanged: 0 }, written: 5, mode: 'empty' });
    expect((await database.salesLines.get('x'))!.qty).toBe(5);
    const again = await feed(file);
    expect(again.mode).toBe('scan');
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect((await database.salesLines.get('x'))!.qty).toBe(5);
    // Now the repeat changes x for real (qty 7): one update.
    const changed = await feed([...file.slice(0, 4), row('x', 7)]);
    expect(changed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
    expect((await database.salesLines.get('x'))!.qty).toBe(7);
    database.close();
  });

  it('reports rejected rows with their line while storing the good ones', async () => {
    const database = fresh();
    const sink = await TableSink.open(database, 'salesLines');
    const { result } = await streamImport(fixture('shopify-orders-broken.csv'), SOURCES['shopify-orders'], sink);
    expect(result.rejected.length).toBe(5);
    expect(result.rejected.every((r) => r.line > 1)).toBe(true);
    expect(sink.counts.inserted).toBe(result.records.length);
    expect(await database.salesLines.count()).toBe(result.records.length);
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
    const sink = await TableSink.open(database, 'salesLines');
    await expect(streamImport('sku\nA\nB\n', bad, sink)).rejects.toThrow();
    const controller = new AbortController();
    controller.abort();
    const sink2 = await TableSink.open(database, 'salesLines');
    await expect(
      streamImport(orders, SOURCES['shopify-orders'], sink2, { ...small, signal: controller.signal }),
    ).rejects.toThrow('Import cancelled');
    database.close();
  });

  it('reads every row of a table across pages, once each', async () => {
    const database = fresh();
    const rows = Array.from({ length: 25_001 }, (_, i) => ({ id: `r${String(i).padStart(6, '0')}`, sku: 'A', qty: i }));
    await database.table('salesLines').bulkAdd(rows);
    const read = await readAllRows(database, 'salesLines');
    expect(read.length).toBe(25_001);
    expect(new Set(read.map((r) => r.id)).size).toBe(25_001);
    expect(read[25_000]).toEqual({ id: 'r025000', sku: 'A', qty: 25_000 });
    database.close();
  }, 60_000);

  it('hashes equal rows equally and different rows differently', () => {
    expect(contentHash({ id: 'a', qty: 1 })).toBe(contentHash({ id: 'a', qty: 1 }));
    expect(contentHash({ id: 'a', qty: 1 })).not.toBe(contentHash({ id: 'a', qty: 2 }));
  });
});
