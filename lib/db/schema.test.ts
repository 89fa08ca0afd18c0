import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../planning/import/types';
import { PACK_LINES, readSalesLines, readSalesLinesOf, unpack } from './sales-lines';
import { CounterpartDB, SCHEMA_V1, SCHEMA_V2_CHANGES, SCHEMA_V3_CHANGES } from './schema';

/** A database frozen at version 1, as an installed older Counterpart would have left it. */
class V1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** A database frozen at version 3 (sales lines one per row). */
class V3 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_CHANGES);
    this.version(3).stores(SCHEMA_V3_CHANGES);
  }
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** A database frozen at version 2. */
class V2 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_CHANGES);
  }
}

describe('Dexie schema upgrade from v3 to v4', () => {
  it('keeps v3 rows and adds the brand examples and shadow answers tables with their indexes', async () => {
    const name = `upgrade4-${Math.random()}`;
    const old = new V3(name);
    await old.open();
    const replies = [
      { id: 'gorgias:1', ticketId: '1', subject: 's', customerText: 'c', replyText: 'r', tags: [], createdAt: null },
    ];
    await old.table('pastReplies').bulkAdd(replies);
    await old.table('skuCatalog').add({ id: 'catalog:TEE-M', sku: 'TEE-M', tags: [], collections: [] });
    old.close();

    const upgraded = new CounterpartDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(5);
    expect(await upgraded.pastReplies.toArray()).toEqual(replies);
    expect(await upgraded.skuCatalog.count()).toBe(1);
    await upgraded.brandExamples.bulkAdd([
      {
        kind: 'intent',
        text: 'where is my parcel, it was due friday',
        label: 'delivery_late',
        source: 'correction',
        was: 'order_status',
        at: '2026-11-02T10:00:00.000Z',
      },
      { kind: 'reason', text: 'runs a bit small', label: 'too_small', source: 'loop', at: '2026-11-02T10:00:00.000Z' },
    ]);
    expect(await upgraded.brandExamples.where('source').equals('correction').count()).toBe(1);
    expect(await upgraded.brandExamples.where('kind').equals('reason').count()).toBe(1);
    await upgraded.shadowAnswers.add({
      at: '2026-11-02T10:00:00.000Z',
      ticketId: '7',
      localIntent: 'order_status',
      modelIntent: 'delivery_late',
      provider: 'openai',
    });
    expect(await upgraded.shadowAnswers.where('ticketId').equals('7').count()).toBe(1);
    upgraded.close();
  });
});

describe('Dexie schema upgrade from v1 to v3', () => {
  it('keeps every row of every v1 table and adds the usage table and the intent index', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new V1(name);
    await old.open();
    const rowsPerTable = 25;
    for (const table of old.tables) {
      const auto = table.schema.primKey.auto;
      const keyPath = table.schema.primKey.keyPath as string;
      const rows = Array.from({ length: rowsPerTable }, (_, i) => ({
        ...(auto ? {} : { [keyPath]: `${table.name}-${i}` }),
        app: 'gorgias',
        entityId: `e${i}`,
        kind: 'cs.draft',
        action: 'accepted',
        at: `2026-11-${String((i % 27) + 1).padStart(2, '0')}`,
        sku: `SKU-${i}`,
        note: `row ${i} of ${table.name}`,
      }));
      await table.bulkAdd(rows);
    }
    const before = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()])));
    old.close();

    const upgraded = new CounterpartDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(5);
    for (const [tableName, rows] of Object.entries(before)) {
      // Sales lines are stored packed since version 4: read back through sales-lines.ts.
      if (tableName === 'salesLines')
        expect((await readSalesLines(upgraded)).sort(byId), tableName).toEqual(
          [...(rows as { id: string }[])].sort(byId),
        );
      else expect(await upgraded.table(tableName).toArray(), tableName).toEqual(rows);
    }
    await upgraded.aiUsage.add({
      at: 1,
      provider: 'openai',
      model: 'm',
      operation: 'draft',
      cached: false,
      inputTokens: 1,
      outputTokens: 2,
      durationMs: 3,
    });
    expect(await upgraded.aiUsage.count()).toBe(1);
    await upgraded.audit.add({
      at: '2026-11-27',
      kind: 'cs.draft',
      app: 'gorgias',
      entityId: '1',
      intent: 'order_status',
      provider: 'local',
      model: 'rules',
      action: 'accepted',
    });
    expect(await upgraded.audit.where('intent').equals('order_status').count()).toBe(1);
    upgraded.close();
  });
});

describe('Dexie schema upgrade from v2 to v3', () => {
  it('keeps sales lines and budgets, reads sales by SKU, and adds the SKU catalogue', async () => {
    const name = `upgrade3-${Math.random()}`;
    const old = new V2(name);
    await old.open();
    const lines = Array.from({ length: 40 }, (_, i) => ({
      id: `line-${i}`,
      sku: `SKU-${i % 4}`,
      channel: 'shopify',
      day: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
      qty: i + 1,
    }));
    await old.table('salesLines').bulkAdd(lines);
    await old.table('budgets').bulkAdd([{ id: 'b1', start: '2026-11-01', end: '2026-11-30', amount: 5000 }]);
    old.close();

    const upgraded = new CounterpartDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(5);
    expect((await readSalesLines(upgraded)).sort(byId)).toEqual([...lines].sort(byId));
    expect((await readSalesLinesOf(upgraded, ['SKU-1'])).length).toBe(10);
    expect(upgraded.salesPacks.schema.indexes.map((i) => i.name)).toEqual(['sku']);
    expect(await upgraded.budgets.toArray()).toEqual([
      { id: 'b1', start: '2026-11-01', end: '2026-11-30', amount: 5000 },
    ]);
    await upgraded
      .table('skuCatalog')
      .add({ id: 'catalog:TEE-M', sku: 'TEE-M', tags: ['tees'], collections: ['Summer'] });
    expect(await upgraded.skuCatalog.where('sku').equals('TEE-M').count()).toBe(1);
    upgraded.close();
  });
});

describe('Dexie schema upgrade from v3 to v4', () => {
  it('moves every sales line into packs of one SKU, keeps every other table, and drops the one-per-line table', async () => {
    const name = `upgrade4-${Math.random()}`;
    const old = new V3(name);
    await old.open();
    // 1,300 lines: one SKU with more than a pack's worth, many with a few, and an older row missing fields.
    const lines: OrderLine[] = Array.from({ length: 1300 }, (_, i) => ({
      id: `shopify-orders:${i.toString(36)}`,
      source: 'shopify-orders',
      channel: i % 5 === 0 ? 'pos' : 'shopify',
      orderId: `#${1000 + (i >> 1)}`,
      day: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
      sku: i < 700 ? 'TEE-M' : `SKU-${i % 37}`,
      qty: 1 + (i % 4),
      unitPrice: 28,
      currency: 'USD',
      country: 'US',
      excluded: i % 97 === 0 ? 'refunded' : null,
    }));
    const partial = { id: 'legacy-1', sku: 'SKU-1', qty: 2 } as unknown as OrderLine;
    await old.table('salesLines').bulkAdd([...lines, partial]);
    await old.table('suppliers').add({ id: 'sup-1', supplier: 'Acme' });
    old.close();

    const upgraded = new CounterpartDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(5);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('salesLines');
    expect((await readSalesLines(upgraded)).sort(byId)).toEqual([...lines, partial].sort(byId));
    const packs = (await upgraded.salesPacks.toArray()).map(unpack);
    expect(packs.length).toBeLessThan(60);
    for (const p of packs) {
      expect(p.lines.length).toBeLessThanOrEqual(PACK_LINES);
      expect(p.lines.every((l) => l.sku === p.sku)).toBe(true);
    }
    expect((await readSalesLinesOf(upgraded, ['TEE-M'])).length).toBe(700);
    expect(await upgraded.suppliers.toArray()).toEqual([{ id: 'sup-1', supplier: 'Acme' }]);
    upgraded.close();
  });
});
