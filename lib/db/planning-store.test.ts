import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../import/core';
import { SOURCES } from '../planning/import/sources';
import { countsFromPage } from '../planning/page-counts';
import { planReorder } from '../planning/plan';
import { editPoLine, type PoDraft } from '../planning/po';
import { countStored, hasPlanningData, loadPlanInput, readStoredPlan, savePlan, storeRecords } from './planning-store';
import { putSalesLines } from './sales-lines';
import { CounterpartDB } from './schema';

const fixture = (f: string) => readFileSync(path.join(__dirname, '../../e2e/fixtures/planning', f), 'utf8');

describe('planning store', () => {
  it('stores an import once: the same file again gives 0 new rows and writes nothing', async () => {
    const database = new CounterpartDB(`store-${Math.random()}`);
    const records = importText(fixture('suppliers.csv'), SOURCES.suppliers).records;
    const first = await storeRecords(database, 'suppliers', records);
    expect(first).toEqual({ inserted: records.length, updated: 0, unchanged: 0 });
    const again = await storeRecords(database, 'suppliers', records);
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: records.length });
    const changed = records.map((r, i) => (i === 0 ? { ...r, moq: 999 } : r));
    expect(await storeRecords(database, 'suppliers', changed)).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: records.length - 1,
    });
    database.close();
  });

  it('counts which of the given ids a table holds (the page counts the Shopify panel reports)', async () => {
    const database = new CounterpartDB(`store-${Math.random()}`);
    const records = importText(fixture('suppliers.csv'), SOURCES.suppliers).records;
    expect(await countStored(database, 'suppliers', [])).toBe(0);
    expect(await countStored(database, 'suppliers', [records[0]!.id])).toBe(0);
    await storeRecords(database, 'suppliers', records.slice(0, 2));
    expect(await countStored(database, 'suppliers', [records[0]!.id, records[1]!.id, 'not-stored'])).toBe(2);
    database.close();
  });

  it('has planning data once something is imported; counts read off a Shopify page alone are not', async () => {
    const database = new CounterpartDB(`store-${Math.random()}`);
    const page = [{ sku: 'TEE-BLK-M', location: 'Main', available: 5, on_hand: 7, committed: 2, incoming: 0 }];
    await storeRecords(database, 'inventoryCounts', countsFromPage(page, '2026-11-27T09:00:00Z'));
    expect(await hasPlanningData(database)).toBe(false);
    await storeRecords(database, 'suppliers', importText(fixture('suppliers.csv'), SOURCES.suppliers).records);
    expect(await hasPlanningData(database)).toBe(true);
    const counts = new CounterpartDB(`store-${Math.random()}`);
    const imported = importText(fixture('shopify-inventory.csv'), SOURCES['shopify-inventory'], { asOf: '2026-11-27' });
    await storeRecords(counts, 'inventoryCounts', imported.records);
    expect(await hasPlanningData(counts)).toBe(true);
    database.close();
    counts.close();
  });

  it('plans from what is stored and keeps an edited PO draft when re-planning the same day', async () => {
    const database = new CounterpartDB(`store-${Math.random()}`);
    const load = (file: string, source: keyof typeof SOURCES, table: Parameters<typeof storeRecords>[1]) =>
      storeRecords(
        database,
        table,
        importText(fixture(file), SOURCES[source] as never, { asOf: '2026-11-27' }).records as never,
      );
    await putSalesLines(
      database,
      importText(fixture('shopify-orders.csv'), SOURCES['shopify-orders'], { asOf: '2026-11-27' }).records,
    );
    await load('shopify-inventory.csv', 'shopify-inventory', 'inventoryCounts');
    await load('suppliers.csv', 'suppliers', 'suppliers');
    await load('budget.csv', 'budget', 'budgets');
    const input = await loadPlanInput(database);
    const result = planReorder({ ...input, today: '2026-11-27' });
    expect(result.lines.length).toBeGreaterThan(5);
    const pos = await savePlan(database, result, '2026-11-27T09:00:00Z');
    expect((await readStoredPlan(database))?.result.lines.length).toBe(result.lines.length);
    if (pos.length) {
      const po = pos[0]!;
      const edited = editPoLine(po, po.lines[0]!.sku, 7, { by: 'test', at: '2026-11-27T10:00:00Z' });
      await database.purchaseOrders.put(edited as never);
      const kept = await savePlan(database, result, '2026-11-27T11:00:00Z');
      expect(kept.find((p) => p.id === po.id)?.lines[0]?.qty).toBe(7);
    }
    // A SKU-scoped load (the Shopify panel) reads only that SKU's rows.
    const one = await loadPlanInput(database, ['TEE-BLK-M']);
    expect(new Set(one.orders.map((o) => o.sku))).toEqual(new Set(['TEE-BLK-M']));
    database.close();
  }, 60_000);

  it('re-planning the same day: replaces an untouched draft, keeps an edited one, adds a follow-up after an approval, drops stale drafts', async () => {
    const database = new CounterpartDB(`store-${Math.random()}`);
    const po = (supplier: string, qty: number, extra: Partial<PoDraft> = {}): PoDraft => ({
      id: `po:${supplier}:2026-11-27`,
      supplier,
      currency: 'USD',
      createdFor: '2026-11-27',
      lines: [
        {
          sku: `${supplier}-SKU`,
          qty,
          proposedQty: qty,
          unitCost: 2,
          lineTotal: qty * 2,
          moq: null,
          casePack: null,
          rationale: 'r',
        },
      ],
      total: qty * 2,
      budgetShare: null,
      status: 'draft',
      audit: [],
      warnings: [],
      ...extra,
    });
    const plan = (pos: PoDraft[]) =>
      ({
        ...planReorder({ today: '2026-11-27', orders: [], counts: [], suppliers: [] }),
        purchaseOrders: pos,
      }) as never;
    await savePlan(database, plan([po('Acme', 100), po('Bolt', 50), po('Cora', 10)]), '2026-11-27T08:00:00Z');
    // Acme approved, Bolt edited, Cora untouched.
    await database.purchaseOrders.put({
      ...po('Acme', 100),
      status: 'approved',
      approvedAt: '2026-11-27T09:00:00Z',
    } as never);
    await database.purchaseOrders.put(
      editPoLine(po('Bolt', 50), 'Bolt-SKU', 40, { by: 't', at: '2026-11-27T09:00:00Z' }) as never,
    );
    // The next plan proposes 30 more from Acme, 60 from Bolt and nothing from Cora.
    const saved = await savePlan(database, plan([po('Acme', 30), po('Bolt', 60)]), '2026-11-27T10:00:00Z');
    expect(saved.map((p) => [p.id, p.status, p.lines[0]!.qty])).toEqual([
      ['po:Acme:2026-11-27', 'approved', 100],
      ['po:Acme:2026-11-27:2', 'draft', 30],
      ['po:Bolt:2026-11-27', 'draft', 40],
    ]);
    expect(await database.purchaseOrders.get('po:Cora:2026-11-27')).toBeUndefined();
    // Planning again replaces the untouched follow-up instead of adding a third PO.
    const again = await savePlan(database, plan([po('Acme', 25), po('Bolt', 60)]), '2026-11-27T11:00:00Z');
    expect(again.map((p) => [p.id, p.lines[0]!.qty])).toEqual([
      ['po:Acme:2026-11-27', 100],
      ['po:Acme:2026-11-27:2', 25],
      ['po:Bolt:2026-11-27', 40],
    ]);
    expect(await database.purchaseOrders.count()).toBe(3);
    database.close();
  });
});
