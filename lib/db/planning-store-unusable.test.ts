import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../import/core';
import { SOURCES } from '../planning/import/sources';
import { streamImport } from '../planning/import/stream';
import { planReorder } from '../planning/plan';
import { TableSink } from './import-store';
import { recordImport } from './imports';
import { canPlan, loadPlanInput, storeRecords } from './planning-store';
import { putSalesLines, SalesLineSink } from './sales-lines';
import { CounterpartDB } from './schema';

const fixture = (f: string) => readFileSync(path.join(__dirname, '../../e2e/fixtures/planning', f), 'utf8');
const TODAY = '2026-11-27';

async function stored(database: CounterpartDB) {
  await putSalesLines(database, importText(fixture('shopify-orders.csv'), SOURCES['shopify-orders']).records);
  await storeRecords(database, 'inventoryCounts', importText(fixture('3pl-onhand.csv'), SOURCES['3pl-onhand']).records);
  await storeRecords(database, 'suppliers', importText(fixture('suppliers.csv'), SOURCES.suppliers).records);
}

const entry = (
  fileName: string,
  importedAt: string,
  rows: { total: number; accepted: number; fatal?: string | null },
) => ({
  source: 'shopify-orders',
  fileName,
  fileHash: fileName,
  importedAt,
  rowsTotal: rows.total,
  rowsAccepted: rows.accepted,
  rejected: [],
  fatal: rows.fatal ?? null,
});

describe('the loader passes what the import log says into the plan', () => {
  it('blocks every line while the latest orders import gave no rows, and lifts it after a good one', async () => {
    const database = new CounterpartDB(`unusable-${Math.random()}`);
    await stored(database);
    await recordImport(database, entry('orders.csv', '2026-11-26T10:00:00Z', { total: 7724, accepted: 7724 }));
    await recordImport(database, entry('orders-empty.csv', '2026-11-27T09:00:00Z', { total: 0, accepted: 0 }));
    const input = await loadPlanInput(database);
    expect(input.unusableFiles).toEqual([
      { source: 'shopify-orders', file: 'orders-empty.csv', reason: 'the file has no data rows' },
    ]);
    const blocked = planReorder({ ...input, today: TODAY });
    expect(blocked.lines.length).toBeGreaterThan(10);
    for (const l of blocked.lines) {
      expect(l).toMatchObject({ action: 'blocked', orderQty: null });
      expect(l.rationale).toBe(
        'Blocked: the orders file orders-empty.csv could not be read: the file has no data rows. No quantity until it is fixed and imported again.',
      );
    }
    expect(blocked.purchaseOrders).toEqual([]);

    await recordImport(database, entry('orders.csv', '2026-11-27T09:05:00Z', { total: 7724, accepted: 7724 }));
    const after = planReorder({ ...(await loadPlanInput(database)), today: TODAY });
    expect(after.lines.some((l) => l.blocked)).toBe(false);
    expect(after.checklist.some((c) => c.id === 'unusable-file')).toBe(false);
    database.close();
  });

  it('a fatal 3PL import (dates that do not tell their order) blocks with its message', async () => {
    const database = new CounterpartDB(`unusable-${Math.random()}`);
    await stored(database);
    const fatal = importText(fixture('3pl-onhand-dmy.csv'), SOURCES['3pl-onhand']).fatal;
    await recordImport(database, {
      ...entry('3pl-onhand-dmy.csv', '2026-11-27T09:00:00Z', { total: 13, accepted: 0, fatal }),
      source: '3pl-onhand',
    });
    const plan = planReorder({ ...(await loadPlanInput(database)), today: TODAY });
    expect(plan.lines.find((l) => l.sku === 'TEE-BLK-M')!.blocked).toBe(
      `the inventory file 3pl-onhand-dmy.csv could not be read: ${fatal}`,
    );
    expect(fatal).toMatch(/could be day\/month or month\/day/);
    database.close();
  });
});

describe('canPlan', () => {
  it('plans with no sales stored when an import failed, so the block shows instead of no plan', async () => {
    const database = new CounterpartDB(`unusable-${Math.random()}`);
    expect(await canPlan(database)).toBe(false);
    await recordImport(database, entry('orders-empty.csv', '2026-11-27T09:00:00Z', { total: 0, accepted: 0 }));
    expect(await canPlan(database)).toBe(true);
    database.close();
  });
});

describe('streamed import reads the file as it is written', () => {
  it('detects a semicolon-delimited orders export instead of reading one column', async () => {
    const database = new CounterpartDB(`unusable-${Math.random()}`);
    const sink = await SalesLineSink.open(database);
    const { result } = await streamImport(fixture('shopify-orders-semicolon.csv'), SOURCES['shopify-orders'], sink);
    expect(result).toMatchObject({ delimiter: ';', fatal: null, rejected: [] });
    expect(result.records).toHaveLength(
      importText(fixture('shopify-orders.csv'), SOURCES['shopify-orders']).records.length,
    );
    database.close();
  });

  it('takes the day/month order the user chose', async () => {
    const database = new CounterpartDB(`unusable-${Math.random()}`);
    const sink = await TableSink.open(database, 'inventoryCounts', {});
    const text = fixture('3pl-onhand-dmy.csv');
    const { result } = await streamImport(text, SOURCES['3pl-onhand'], sink, { dateOrder: 'dmy' });
    expect(result.dateOrder).toEqual({ order: 'dmy', decidedBy: 'user', evidence: null });
    expect(result.records[0]).toMatchObject({ sku: 'TEE-BLK-M', onHand: 120, asOf: '2026-11-03' });
    const unsure = await streamImport(
      text,
      SOURCES['3pl-onhand'],
      await TableSink.open(database, 'inventoryCounts', {}),
    );
    expect(unsure.result.needsDateOrder).toEqual({ examples: ['03/11/2026', '03/11/2026', '03/11/2026'] });
    database.close();
  });
});
