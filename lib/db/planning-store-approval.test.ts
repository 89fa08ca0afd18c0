import { describe, expect, it } from 'vitest';
import type { PoDraft } from '../planning/po';
import { approvePo, readPoDrafts, unapprovePo } from './planning-store';
import { CounterpartDB } from './schema';

const DAY = '2026-11-27';
const po = (id: string, over: Partial<PoDraft> = {}): PoDraft => ({
  id,
  supplier: 'Acme',
  currency: 'USD',
  createdFor: DAY,
  lines: [
    { sku: 'TEE', qty: 100, proposedQty: 100, unitCost: 5, lineTotal: 500, moq: null, casePack: null, rationale: '' },
  ],
  total: 500,
  budgetShare: null,
  status: 'draft',
  audit: [],
  warnings: [],
  ...over,
});

describe('undoing a PO approval', () => {
  it('puts the PO back to draft, drops the follow-up planned while it was on order, and audits the undo', async () => {
    const database = new CounterpartDB(`approval-${Math.random()}`);
    await database.purchaseOrders.put(po(`po:Acme:${DAY}`));
    await approvePo(database, po(`po:Acme:${DAY}`), `${DAY}T10:00:00.000Z`);
    const approved = (await readPoDrafts(database, DAY))[0]!;
    expect(approved).toMatchObject({ status: 'approved', approvedAt: `${DAY}T10:00:00.000Z` });
    // A re-plan while it was approved added a follow-up; another supplier's and an edited follow-up stay.
    await database.purchaseOrders.bulkPut([
      po(`po:Acme:${DAY}:2`),
      po(`po:Acme:${DAY}:3`, { audit: [{ at: DAY, by: 'planner', sku: 'TEE', from: 100, to: 50, note: null }] }),
      po(`po:Other:${DAY}`, { supplier: 'Other' }),
    ]);

    await unapprovePo(database, approved, `${DAY}T10:05:00.000Z`);
    const after = await readPoDrafts(database, DAY);
    expect(after.map((p) => p.id)).toEqual([`po:Acme:${DAY}`, `po:Acme:${DAY}:3`, `po:Other:${DAY}`]);
    expect(after[0]!.status).toBe('draft');
    expect(after[0]!.approvedAt).toBeUndefined();
    const audit = await database.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['accepted', 'edited']);
    expect(JSON.parse(audit[1]!.note!)).toMatchObject({ from: 'approved', to: 'draft', undo: true });
    database.close();
  });
});
