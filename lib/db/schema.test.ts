import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CounterpartDB, SCHEMA_V1 } from './schema';

/** A database frozen at version 1, as an installed older Counterpart would have left it. */
class V1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

describe('Dexie schema upgrade from v1 to v2', () => {
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
    expect(upgraded.verno).toBe(2);
    for (const [tableName, rows] of Object.entries(before)) {
      expect(await upgraded.table(tableName).toArray(), tableName).toEqual(rows);
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
