import { describe, expect, it } from 'vitest';
import { stableId } from '../import/hash';
import type { InventoryCount, OrderLine, SupplierTerm } from '../import/types';
import { dayNumber, dayString } from './dates';
import { onOrderFromPos, seriesWithIncoming } from './on-order';
import { planReorder } from './plan';
import type { PoDraft } from './po';

const TODAY = '2026-11-27';
const T = dayNumber(TODAY);

const orders: OrderLine[] = Array.from({ length: 400 }, (_, i) => ({
  id: stableId('t', 'TEE', i),
  source: 'shopify-orders',
  channel: 'shopify',
  orderId: `TEE-${i}`,
  day: dayString(T - 400 + i),
  sku: 'TEE',
  qty: 10,
  unitPrice: 30,
  currency: 'USD',
  country: 'US',
  excluded: null,
}));
const count: InventoryCount = {
  id: 'c1',
  source: 'shopify-inventory',
  sku: 'TEE',
  location: 'ShipBob Warehouse',
  onHand: 40,
  available: 35,
  committed: 5,
  incoming: 0,
  asOf: TODAY,
};
const term: SupplierTerm = {
  id: 's1',
  sku: 'TEE',
  supplier: 'Lotus Apparel Co.',
  leadTimeDays: 30,
  leadTimeSdDays: 0,
  moq: null,
  casePack: null,
  unitCost: 10,
  currency: 'USD',
};
const po = (over: Partial<PoDraft> = {}): PoDraft => ({
  id: 'po:Lotus Apparel Co.:2026-11-27',
  supplier: 'Lotus Apparel Co.',
  currency: 'USD',
  createdFor: TODAY,
  lines: [
    {
      sku: 'TEE',
      qty: 100,
      proposedQty: 100,
      unitCost: 10,
      lineTotal: 1000,
      moq: null,
      casePack: null,
      rationale: '',
    },
  ],
  total: 1000,
  budgetShare: null,
  status: 'approved',
  approvedAt: '2026-11-27T09:00:00.000Z',
  audit: [],
  warnings: [],
  ...over,
});

describe('approved POs as stock on order', () => {
  it('counts approved lines, arriving approval date + supplier lead time', () => {
    const r = onOrderFromPos([po()], [term], [count]);
    expect(r.units).toEqual({ TEE: 100 });
    expect(r.lines).toEqual([{ sku: 'TEE', poId: 'po:Lotus Apparel Co.:2026-11-27', qty: 100, arrives: '2026-12-27' }]);
    expect(r.notes.TEE).toBe('incl. 100 on order (PO po:Lotus Apparel Co.:2026-11-27, 100 arrive 2026-12-27)');
  });

  it('uses the PO date when it has one, skips drafts and POs a later count already includes', () => {
    expect(onOrderFromPos([po({ expectedAt: '2026-12-05' })], [term]).lines[0]!.arrives).toBe('2026-12-05');
    expect(onOrderFromPos([po({ status: 'draft' })], [term]).units).toEqual({});
    const received = { ...count, asOf: '2026-12-28' };
    expect(onOrderFromPos([po()], [term], [received]).units).toEqual({});
  });

  it('on hand 40, committed 5, approved PO 100 → IP 135 and the order drops by 100', () => {
    const input = { today: TODAY, orders, counts: [count], suppliers: [term], seriesFor: ['TEE'] };
    const before = planReorder(input).lines[0]!;
    expect(before.inventoryPosition).toBe(35);
    expect(before.orderQty).toBe(367); // S 401.64 − 35
    const on = onOrderFromPos([po()], [term], [count]);
    const planned = planReorder({ ...input, onOrder: on.units, onOrderNotes: on.notes });
    const after = planned.lines[0]!;
    expect(after.incoming).toBe(100);
    expect(after.inventoryPosition).toBe(135);
    expect(after.orderQty).toBe(267); // S 401.64 − 135
    expect(after.rationale).toContain('100 incoming incl. 100 on order (PO po:Lotus Apparel Co.:2026-11-27');
    expect(planned.purchaseOrders[0]!.lines[0]!.qty).toBe(267);

    // The chart: projected stock jumps by 100 on the arrival day (day 30 of the horizon).
    const [s] = seriesWithIncoming(planned.series, on.lines);
    expect(s!.arrivals).toEqual([{ day: '2026-12-27', qty: 100, poId: 'po:Lotus Apparel Co.:2026-11-27' }]);
    const plain = planned.series[0]!.projectedStock;
    expect(s!.projectedStock[29]).toBeCloseTo(plain[29]!, 6);
    expect(s!.projectedStock[30]! - plain[30]!).toBeCloseTo(100, 6);
  });
});
