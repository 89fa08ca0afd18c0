import { describe, expect, it } from 'vitest';
import { stableId } from '../import/hash';
import { dayNumber, dayString } from './dates';
import type { InventoryCount, OrderLine, SupplierTerm } from './import/types';
import { type IncomingPo, onOrderFromPos, onOrderInput } from './on-order';
import { planReorder } from './plan';
import type { PlanInput } from './plan-input';
import type { PoDraft } from './po';
import { walkStock } from './stock-walk';

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
    const dated = planReorder({ ...input, ...onOrderInput([po()], [term], [count]) });
    expect(dated.lines[0]!.orderQty).toBe(267);
    const [s] = dated.series;
    expect(s!.arrivals).toEqual([{ day: '2026-12-27', qty: 100, poId: 'po:Lotus Apparel Co.:2026-11-27' }]);
    const plain = planned.series[0]!.projectedStock;
    expect(s!.projectedStock[29]).toBeCloseTo(plain[29]!, 6);
    expect(s!.projectedStock[30]! - plain[30]!).toBeCloseTo(100, 6);
  });
});

describe('approved POs in the stockout date and days of cover', () => {
  // On hand 20, sells exactly 2/day (flat: no season, no trend): 10 days of cover without POs.
  const steady: OrderLine[] = orders.map((o) => ({ ...o, id: `${o.id}-2`, sku: 'MUG', qty: 2 }));
  const mugCount: InventoryCount = { ...count, id: 'c2', sku: 'MUG', onHand: 20, available: 20, committed: 0 };
  const mugTerm: SupplierTerm = { ...term, id: 's2', sku: 'MUG', supplier: 'Acme' };
  const arriving = (day: number, qty = 100): IncomingPo => ({
    sku: 'MUG',
    poId: 'po:Acme:2026-11-20',
    qty,
    arrives: dayString(T + day),
  });
  const plan = (over: Partial<PlanInput> = {}) =>
    planReorder({
      today: TODAY,
      orders: steady,
      counts: [mugCount],
      suppliers: [mugTerm],
      seriesFor: ['MUG'],
      ...over,
    });

  it('without POs, 20 on hand at 2/day runs out on day 10 (Dec 6)', () => {
    const line = plan().lines[0]!;
    expect(line.velocityPerDay).toBeCloseTo(2, 6);
    expect(line.daysOfCover).toBeCloseTo(10, 6);
    expect(line.stockoutDate).toBe('2026-12-06');
    expect(line.rationale).toContain('10 days of cover (runs out Dec 6)');
  });

  it('a PO of 100 arriving on day 15 comes too late: still runs out Dec 6, and the rationale names the PO', () => {
    const r = plan({ incomingPos: [arriving(15)] });
    const line = r.lines[0]!;
    expect(line.daysOfCover).toBeCloseTo(10, 6);
    expect(line.stockoutDate).toBe('2026-12-06');
    expect(line.rationale).toContain('10 days of cover (runs out Dec 6, before PO po:Acme:2026-11-20 arrives Dec 12)');
    // Without onOrder units the POs' own units count in the inventory position.
    expect(line.incoming).toBe(100);
    expect(line.inventoryPosition).toBe(120);
    // The chart runs negative from day 10 and jumps by 100 on day 15.
    const stock = r.series[0]!.projectedStock;
    expect(stock[9]).toBeCloseTo(0, 6);
    expect(stock[14]).toBeCloseTo(-10, 6);
    expect(stock[15]).toBeCloseTo(88, 6);
  });

  it('a PO of 100 arriving on day 5 keeps it in stock: 60 days of cover, and the chart jumps by 100 on day 5', () => {
    const plain = plan();
    const r = plan({ incomingPos: [arriving(5)] });
    const line = r.lines[0]!;
    expect(line.daysOfCover).toBeCloseTo(60, 6); // (20 + 100) / 2
    expect(line.stockoutDate).toBe('2027-01-25');
    expect(line.rationale).toContain(
      '60 days of cover incl. PO po:Acme:2026-11-20 arriving Dec 2 (runs out Jan 25 2027)',
    );
    const s = r.series[0]!;
    expect(s.arrivals).toEqual([{ day: '2026-12-02', qty: 100, poId: 'po:Acme:2026-11-20' }]);
    const before = plain.series[0]!.projectedStock;
    expect(s.projectedStock[4]).toBeCloseTo(10, 6);
    expect(s.projectedStock[4]).toBeCloseTo(before[4]!, 6);
    expect(s.projectedStock[5]! - before[5]!).toBeCloseTo(100, 6);
    expect(s.projectedStock[5]).toBeCloseTo(108, 6);
  });

  it('out of stock now: the rationale says until when a PO refills it', () => {
    const line = plan({ counts: [{ ...mugCount, onHand: 0, available: 0 }], incomingPos: [arriving(5)] }).lines[0]!;
    expect(line.daysOfCover).toBe(0);
    expect(line.stockoutDate).toBe(TODAY);
    expect(line.rationale).toContain('out of stock now until PO po:Acme:2026-11-20 arrives Dec 2');
  });

  it('undated Shopify "Incoming" counts in the inventory position but not in the stockout date', () => {
    const line = plan({ counts: [{ ...mugCount, incoming: 50 }] }).lines[0]!;
    expect(line.inventoryPosition).toBe(70);
    expect(line.daysOfCover).toBeCloseTo(10, 6);
    expect(line.stockoutDate).toBe('2026-12-06');
  });

  it('onOrder units and notes still drive the inventory position when given with the dated POs', () => {
    const on = onOrderFromPos(
      [
        po({
          id: 'po:Acme:2026-11-20',
          supplier: 'Acme',
          expectedAt: '2026-12-02',
          lines: [{ ...po().lines[0]!, sku: 'MUG' }],
        }),
      ],
      [mugTerm],
    );
    const line = plan({ onOrder: on.units, onOrderNotes: on.notes, incomingPos: on.lines }).lines[0]!;
    expect(line.inventoryPosition).toBe(120);
    expect(line.daysOfCover).toBeCloseTo(60, 6);
    expect(line.rationale).toContain(
      'on hand 20, 100 incoming incl. 100 on order (PO po:Acme:2026-11-20, 100 arrive 2026-12-02)',
    );
  });
});

describe('walkStock', () => {
  const flat = new Float64Array(30).fill(2);

  it('adds an overdue PO today and a same-day arrival before that day is sold', () => {
    expect(walkStock(4, flat, 30, [0], [10]).cover).toBeCloseTo(7, 9); // (4 + 10) / 2
    // Stock 4 sells out on day 1; a PO arriving on day 1 lands before that day's sales: 1 + 12/2 = 7 days.
    expect(walkStock(4, flat, 30).cover).toBeCloseTo(2, 9);
    const w = walkStock(4, flat, 30, [1], [10]);
    expect(w.cover).toBeCloseTo(7, 9);
    expect(w.day).toBe(6);
    expect(w.arrived).toBe(1);
  });

  it('reports no stockout within the horizon as null cover', () => {
    expect(walkStock(100, flat, 30)).toEqual({ cover: null, day: null, arrived: 0 });
  });
});
