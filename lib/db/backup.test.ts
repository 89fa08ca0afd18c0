import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../planning/import/types';
import { BRAND_DEFAULTS } from '../settings/schemas';
import { exportBackup, restoreBackup, type SettingsIO } from './backup';
import { countSalesLines, putSalesLines, readSalesLines } from './sales-lines';
import { CounterpartDB } from './schema';

function memorySettings(initial: Record<string, unknown>): SettingsIO & { values: Record<string, unknown> } {
  const io = {
    values: { ...initial },
    read: async () => ({ ...io.values }),
    write: async (v: Record<string, unknown>) => {
      io.values = { ...v };
    },
  };
  return io;
}

/** A real order line (restore checks every row against its table's schema). */
function salesLine(id: string, channel: 'shopify' | 'amazon', day: string, qty: number): OrderLine {
  return {
    id,
    source: channel === 'amazon' ? 'amazon-orders' : 'shopify-orders',
    channel,
    orderId: `o-${id}`,
    day,
    sku: 'TEE-BLK-M',
    qty,
    unitPrice: 20,
    currency: 'USD',
    country: 'US',
    excluded: null,
  };
}

async function seeded(name: string) {
  const database = new CounterpartDB(name);
  await database.snapshots.add({
    app: 'gorgias',
    page: 'ticket',
    entityId: '1',
    url: 'https://a.gorgias.com/app/ticket/1',
    capturedAt: '2026-11-27T10:00:00.000Z',
    hash: 'h',
    data: { subject: 'Où est ma commande ?' },
  });
  await database.audit.add({
    at: '2026-11-27T10:01:00.000Z',
    kind: 'cs.draft',
    app: 'gorgias',
    entityId: '1',
    intent: 'order_status',
    provider: 'local',
    model: 'templates',
    action: 'edited',
    editDistance: 0.12,
  });
  await putSalesLines(database, [
    salesLine('s1', 'shopify', '2026-11-01', 3),
    salesLine('s2', 'amazon', '2026-11-02', 1),
  ]);
  await database.settings.put({
    key: 'import.mapping.shopify-orders',
    value: { Sku: 'Lineitem sku' },
    updatedAt: '2026-11-27',
  });
  return database;
}

describe('backup export and restore', () => {
  it('round-trips every table and setting through JSON', async () => {
    const source = await seeded(`backup-src-${Math.random()}`);
    const settings = memorySettings({
      'local:settings.brand': { name: 'Northwind' },
      'local:settings.ai': { mode: 'openai' },
    });
    const json = JSON.stringify(await exportBackup(source, settings, new Date('2026-11-27T12:00:00Z')));

    const target = new CounterpartDB(`backup-dst-${Math.random()}`);
    await target.table('pastReplies').add({ id: 'stale', text: 'will be replaced' });
    const targetSettings = memorySettings({});
    const report = await restoreBackup(target, targetSettings, JSON.parse(json));

    expect(report.tables.salesLines).toBe(2);
    expect(await target.pastReplies.count()).toBe(0);
    for (const name of ['snapshots', 'audit', 'settings'] as const) {
      expect(await target.table(name).toArray()).toEqual(await source.table(name).toArray());
    }
    // Sales lines: one row per line in the file, stored packed again (same packs as the source's).
    expect(JSON.parse(json).tables.salesLines).toHaveLength(2);
    expect(await readSalesLines(target)).toEqual(await readSalesLines(source));
    expect(await target.salesPacks.toArray()).toEqual(await source.salesPacks.toArray());
    // Issue 14: settings are restored as their schema's output (brand fields the file lacks keep
    // the defaults) and the AI provider is never restored.
    expect(targetSettings.values).toEqual({ 'local:settings.brand': { ...BRAND_DEFAULTS, name: 'Northwind' } });
  });

  it('refuses a file that is not a backup and leaves the data as it was', async () => {
    const target = await seeded(`backup-bad-${Math.random()}`);
    const settings = memorySettings({ keep: true });
    await expect(restoreBackup(target, settings, { hello: 'world' })).rejects.toThrow(/not a Counterpart backup/);
    await expect(
      restoreBackup(target, settings, {
        format: 'counterpart-backup',
        formatVersion: 1,
        exportedAt: 'x',
        schemaVersion: 99,
        tables: {},
        settings: {},
      }),
    ).rejects.toThrow(/newer Counterpart/);
    expect(await countSalesLines(target)).toBe(2);
    expect(settings.values).toEqual({ keep: true });
  });

  it('rolls back every table when one row cannot be written', async () => {
    const target = await seeded(`backup-rollback-${Math.random()}`);
    const settings = memorySettings({});
    const broken = await exportBackup(target, settings, new Date('2026-11-27T12:00:00Z'));
    broken.tables.suppliers = [{ supplier: 'no primary key' }];
    await expect(restoreBackup(target, settings, broken)).rejects.toThrow();
    expect(await countSalesLines(target)).toBe(2);
    expect(await target.snapshots.count()).toBe(1);
  });
});
