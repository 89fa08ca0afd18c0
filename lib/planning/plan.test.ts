import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../import/core';
import { stableId } from '../import/hash';
import { dayNumber, dayString } from './dates';
import { SOURCES } from './import/sources';
import type { InventoryCount, OrderLine, Promo, SupplierTerm } from './import/types';
import { planReorder } from './plan';
import type { PlanInput } from './plan-input';
import { editPoLine, poToCsv } from './po';

const TODAY = '2026-11-27';
const T = dayNumber(TODAY);

/** Exactly `perDay` units a day on a channel for `days` days before today. */
function orders(sku: string, perDay: number, days: number, channel: OrderLine['channel'] = 'shopify'): OrderLine[] {
  const out: OrderLine[] = [];
  for (let d = T - days; d < T; d++) {
    out.push({
      id: stableId('t', sku, channel, d),
      source: channel === 'amazon' ? 'amazon-orders' : 'shopify-orders',
      channel,
      orderId: `${sku}-${d}`,
      day: dayString(d),
      sku,
      qty: perDay,
      unitPrice: 30,
      currency: 'USD',
      country: 'US',
      excluded: null,
    });
  }
  return out;
}
const count = (
  sku: string,
  onHand: number,
  source: InventoryCount['source'] = 'shopify-inventory',
  location = 'ShipBob Warehouse',
  asOf = TODAY,
): InventoryCount => ({
  id: stableId('c', sku, source, location, asOf),
  source,
  sku,
  location,
  onHand,
  available: onHand,
  committed: 0,
  incoming: 0,
  asOf,
});
const term = (sku: string, over: Partial<SupplierTerm> = {}): SupplierTerm => ({
  id: stableId('s', sku),
  sku,
  supplier: 'Lotus Apparel Co.',
  leadTimeDays: 30,
  leadTimeSdDays: 0,
  moq: 250,
  casePack: 24,
  unitCost: 10,
  currency: 'USD',
  ...over,
});
const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  today: TODAY,
  orders: orders('TEE', 10, 400),
  counts: [count('TEE', 200)],
  suppliers: [term('TEE')],
  ...over,
});

describe('reorder line', () => {
  it('computes SS, ROP, S and the rounded order for steady demand (10/day, L = 30, R = 7, 95%)', () => {
    const line = planReorder(base()).lines[0]!;
    expect(line.velocityPerDay).toBeCloseTo(10, 6);
    expect(line.leadTimeDemand).toBeCloseTo(300, 6);
    // Daily sd is floored at the Poisson √d = √10 when the history shows no noise.
    expect(line.safetyStock).toBeCloseTo(1.6448536269514722 * Math.sqrt(300), 6); // 28.49
    expect(line.reorderPoint).toBeCloseTo(328.49, 2);
    expect(line.orderUpTo).toBeCloseTo(370 + 1.6448536269514722 * Math.sqrt(370), 6); // 401.64
    expect(line.neededQty).toBeCloseTo(201.64, 2);
    expect(line.orderQty).toBe(264); // 202 → MOQ 250 → 11 cases of 24
    expect(line.stockoutDate).toBe('2026-12-17');
    expect(line.daysOfCover).toBeCloseTo(20, 6);
    expect(line.confidence).toBe('high');
    expect(line.rationale).toContain('sells 10.0/day (Shopify)');
    expect(line.rationale).toContain('20 days of cover (runs out Dec 17)');
    expect(line.rationale).toContain('lead time 30±0 days');
    expect(line.rationale).toContain('reorder 202 (up to 402), rounded to MOQ 250 then to case pack 24: 264');
  });

  it('does not order above the reorder point and flags overstock', () => {
    expect(planReorder(base({ counts: [count('TEE', 400)] })).lines[0]).toMatchObject({ orderQty: 0, action: 'ok' });
    expect(planReorder(base({ counts: [count('TEE', 5000)] })).lines[0]).toMatchObject({
      orderQty: 0,
      action: 'overstock',
      overstock: true,
    });
  });

  it('splits velocity by channel in the rationale', () => {
    const line = planReorder(base({ orders: [...orders('TEE', 10, 400), ...orders('TEE', 4, 400, 'amazon')] }))
      .lines[0]!;
    expect(line.rationale).toContain('sells 14.0/day: Shopify 10.0, Amazon 4.0');
  });

  it('adds promo uplift inside the lead time and names it', () => {
    const bf: Promo = {
      id: 'p',
      name: 'Black Friday',
      start: '2026-11-27',
      end: '2026-11-30',
      skus: ['all'],
      collection: null,
      tag: null,
      upliftPct: 60,
    };
    const line = planReorder(base({ promos: [bf] })).lines[0]!;
    expect(line.leadTimeDemand).toBeCloseTo(300 + 4 * 10 * 0.6, 4);
    expect(line.rationale).toContain('Black Friday Nov 27–30 adds 60%');
  });

  it('expands bundle sales into component demand', () => {
    const line = planReorder(
      base({
        orders: [...orders('TEE', 10, 400), ...orders('GIFT', 2, 400)],
        bundles: [{ id: 'b', bundleSku: 'GIFT', componentSku: 'TEE', qty: 2 }],
      }),
    ).lines;
    expect(line.map((l) => l.sku)).toEqual(['TEE']);
    expect(line[0]!.velocityPerDay).toBeCloseTo(14, 6);
  });

  it('excludes cancelled and refunded lines from demand and counts them', () => {
    const cancelled = orders('TEE', 50, 30).map((o) => ({ ...o, id: `${o.id}x`, excluded: 'cancelled' as const }));
    const r = planReorder(base({ orders: [...orders('TEE', 10, 400), ...cancelled] }));
    expect(r.lines[0]!.velocityPerDay).toBeCloseTo(10, 6);
    expect(r.demand.excluded.cancelled).toEqual({ lines: 30, units: 1500 });
  });

  it('is deterministic given today', () => {
    expect(JSON.stringify(planReorder(base()))).toBe(JSON.stringify(planReorder(base())));
  });
});

describe('data quality gate', () => {
  it('gives no quantity when on-hand is unknown, and says so', () => {
    const r = planReorder(base({ counts: [] }));
    expect(r.lines[0]).toMatchObject({ orderQty: null, action: 'review', confidence: 'low' });
    expect(r.lines[0]!.rationale).toContain('no quantity: on-hand unknown');
    expect(r.checklist.find((c) => c.id === 'sold-never-counted')).toMatchObject({ ok: false, skus: ['TEE'] });
  });

  it('flags Shopify and 3PL counts that disagree beyond 10% and 5 units, and uses the lower', () => {
    const r = planReorder(base({ counts: [count('TEE', 200), count('TEE', 150, '3pl-onhand', 'NJ1')] }));
    expect(r.lines[0]!.confidence).toBe('low');
    expect(r.lines[0]!.onHand).toBe(150);
    expect(r.lines[0]!.confidenceReasons[0]).toBe('Shopify counts 200 but the 3PL counts 150; the lower is used');
    // 200 vs 192: 8 units but only 4% — within tolerance.
    const ok = planReorder(base({ counts: [count('TEE', 200), count('TEE', 192, '3pl-onhand', 'NJ1')] }));
    expect(ok.checklist.find((c) => c.id === 'count-disagreement')!.ok).toBe(true);
  });

  it('subtracts sales since a stale count and lowers confidence', () => {
    const stale = dayString(T - 10);
    const r = planReorder(base({ counts: [count('TEE', 300, 'shopify-inventory', 'ShipBob Warehouse', stale)] }));
    // 300 counted, less 9 days × 10 sold after the count day.
    expect(r.lines[0]!.onHand).toBe(210);
    expect(r.lines[0]!.rationale).toContain('on hand 210 (count less 90 sold since)');
    expect(r.lines[0]!.confidence).toBe('low');
    expect(r.checklist.find((c) => c.id === 'stale-counts')).toMatchObject({ ok: false, skus: ['TEE'] });
  });

  it('flags negative on-hand, missing lead time and missing MOQ', () => {
    const r = planReorder(
      base({
        counts: [count('TEE', 200), count('TEE', -4, 'shopify-inventory', 'SoHo Store')],
        suppliers: [term('TEE', { leadTimeDays: null, moq: null })],
      }),
    );
    const ids = r.checklist.filter((c) => !c.ok).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['negative-on-hand', 'missing-lead-time', 'missing-moq']));
    expect(r.lines[0]!.confidence).toBe('low');
    const noNegative = planReorder(
      base({ counts: [count('TEE', 200)], suppliers: [term('TEE', { leadTimeDays: null, moq: null })] }),
    );
    expect(noNegative.lines[0]!.rationale).toContain('lead time 30±0 days (assumed)');
  });

  it('blocks a SKU whose stock count fails the data check (negative on-hand): no quantity, the reason given', () => {
    const r = planReorder(base({ counts: [count('TEE', 5), count('TEE', -4, 'shopify-inventory', 'SoHo Store')] }));
    const l = r.lines[0]!;
    expect(l).toMatchObject({ action: 'blocked', orderQty: null, neededQty: null, orderCost: null });
    expect(l.blocked).toMatch(/negative on-hand/);
    expect(l.rationale).toMatch(/^Blocked: a stock count reports negative on-hand/);
    expect(r.purchaseOrders.flatMap((p) => p.lines.map((x) => x.sku))).not.toContain('TEE');
    // The same SKU with a sound count gets its order back.
    const ok = planReorder(base({ counts: [count('TEE', 5)] }));
    expect(ok.lines[0]!.action).toBe('order');
  });

  it('marks a new SKU for human judgment', () => {
    const r = planReorder(base({ orders: orders('TEE', 10, 30) }));
    expect(r.lines[0]!.newSku).toBe(true);
    expect(r.lines[0]!.confidence).toBe('low');
    expect(r.lines[0]!.rationale).toContain('new SKU: 4 weeks of history — judge by hand');
  });

  it('finds a gap in a channel’s sales history', () => {
    const withGap = orders('TEE', 10, 400).filter((o) => o.day < '2026-06-01' || o.day > '2026-06-07');
    const r = planReorder(base({ orders: withGap, counts: [count('TEE', 200)] }));
    expect(r.checklist.find((c) => c.id === 'sales-gaps')!.detail).toContain('shopify: no sales Jun 1–7 2026 (7 days)');
  });
});

describe('cash and purchase orders', () => {
  const two = () =>
    base({
      orders: [...orders('TEE', 10, 400), ...orders('MUG', 10, 400)],
      counts: [count('TEE', 20), count('MUG', 250)],
      suppliers: [term('TEE'), term('MUG', { supplier: 'Kiln & Co', casePack: 12 })],
    });

  it('funds the riskier line first and defers what the budget cannot cover, with the reason', () => {
    const r = planReorder({ ...two(), budget: 5000 });
    const tee = r.lines.find((l) => l.sku === 'TEE')!;
    const mug = r.lines.find((l) => l.sku === 'MUG')!;
    expect(tee.stockoutRisk!).toBeGreaterThan(mug.stockoutRisk!);
    expect(tee.cash.status).toBe('funded');
    expect(r.cash.requested).toBe(tee.orderCost! + mug.orderCost!);
    // 2,520 for the mug with 1,160 left; a smaller order would fall below the MOQ of 250.
    expect(mug.cash).toMatchObject({ status: 'deferred', fundedQty: 0 });
    expect(r.cash.deferred[0]!.sku).toBe('MUG');
    expect(r.cash.deferred[0]!.reason).toMatch(/stockout risk \d+%, margin 67%/);
    expect(r.cash.funded).toBe(3840);
    expect(r.purchaseOrders.map((p) => p.supplier)).toEqual(['Lotus Apparel Co.']);
  });

  it('drafts one PO per supplier and exports it as CSV', () => {
    const r = planReorder(two());
    expect(r.purchaseOrders.map((p) => p.supplier)).toEqual(['Kiln & Co', 'Lotus Apparel Co.']);
    const lotus = r.purchaseOrders[1]!;
    expect(lotus.lines).toEqual([expect.objectContaining({ sku: 'TEE', qty: 384, unitCost: 10, lineTotal: 3840 })]);
    const edited = editPoLine(lotus, 'TEE', 300, { by: 'sam', at: '2026-11-27T10:00:00Z', note: 'cash' });
    expect(edited.audit).toEqual([
      { at: '2026-11-27T10:00:00Z', by: 'sam', sku: 'TEE', from: 384, to: 300, note: 'cash' },
    ]);
    expect(edited.warnings).toEqual(['TEE: 300 is not a whole number of cases of 24']);
    expect(poToCsv(edited)).toBe(
      'supplier,sku,quantity,unit_cost,currency,line_total\nLotus Apparel Co.,TEE,300,10.00,USD,3000.00\nLotus Apparel Co.,TOTAL,300,,USD,3000.00',
    );
  });

  it('keeps a spreadsheet formula in a SKU from running when the CSV is opened', () => {
    const r = planReorder(
      base({
        orders: orders('=HYPERLINK("x")', 10, 400),
        counts: [count('=HYPERLINK("x")', 10)],
        suppliers: [term('=HYPERLINK("x")')],
      }),
    );
    expect(poToCsv(r.purchaseOrders[0]!)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('demo fixtures', () => {
  const f = (n: string) => readFileSync(new URL(`../../e2e/fixtures/planning/${n}`, import.meta.url), 'utf8');
  const r = planReorder({
    today: TODAY,
    orders: [
      ...importText(f('shopify-orders.csv'), SOURCES['shopify-orders']).records,
      ...importText(f('amazon-all-orders.txt'), SOURCES['amazon-orders']).records,
    ],
    counts: [
      ...importText(f('shopify-inventory.csv'), SOURCES['shopify-inventory'], { asOf: TODAY }).records,
      ...importText(f('fba-inventory.txt'), SOURCES['fba-inventory'], { asOf: TODAY }).records,
      ...importText(f('3pl-onhand.csv'), SOURCES['3pl-onhand']).records,
    ],
    suppliers: importText(f('suppliers.csv'), SOURCES.suppliers).records,
    promos: importText(f('calendar.csv'), SOURCES.calendar).records,
    budget: importText(f('budget.csv'), SOURCES.budget).records,
    bundles: importText(f('bundles.csv'), SOURCES.bundles).records,
  });
  const line = (sku: string) => r.lines.find((l) => l.sku === sku)!;

  it('tells the story the fixtures were built for', () => {
    expect(line('CANDLE-CED')).toMatchObject({ action: 'review', orderQty: null, confidence: 'low' });
    expect(line('TEE-BLK-L').confidenceReasons[0]).toMatch(/Shopify counts 140 but the 3PL counts 96/);
    expect(line('TEE-SAGE-M').newSku).toBe(true);
    expect(line('BOTTLE-SS-20').firstMarket).toMatch(/first Amazon sale 20 days ago/);
    expect(line('CAP-NVY').action).toBe('overstock');
    expect(line('HOOD-GRY-L').incoming).toBe(120);
    expect(r.lines.some((l) => l.sku === 'GIFTSET-HOL')).toBe(false);
    expect(r.cash.budget!.amount).toBe(12000);
    expect(r.cash.deferred.length).toBeGreaterThan(0);
    expect(r.checklist.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'sold-never-counted',
      'unknown-on-hand',
      'stale-counts',
      'negative-on-hand',
      'count-disagreement',
      'missing-lead-time',
      'missing-moq',
      'promo-targets',
    ]);
  });

  it('explains a seasonal line with the season and the promo', () => {
    expect(line('BEANIE-RED').rationale).toMatch(/season ×\d\.\d\d over the next 37 days/);
    // The uplift is learned from Black Friday 2025 in the history (24 units over its 4 days against a
    // baseline of ~3/day; the configured 60% is the prior): 82%, where the configured 60% stood before.
    expect(line('BEANIE-RED').rationale).toContain(
      'Black Friday Nov 27–30 adds 82% (learned from 1 past promo; 60% set)',
    );
  });
});

describe('data checks that block (issue 18)', () => {
  const blockedBy = (counts: InventoryCount[]) => planReorder(base({ counts }));
  it('blocks a SKU whose 3PL count is dated after the plan day (03/11/2027 read as 11 March)', () => {
    // 10 a day over 400 days; the 3PL says 120 on hand "as of 2027-03-11", 104 days after the plan day.
    const r = blockedBy([count('TEE', 120, '3pl-onhand', 'NJ1', '2027-03-11')]);
    const l = r.lines[0]!;
    expect(l).toMatchObject({ action: 'blocked', orderQty: null, neededQty: null, confidence: 'low' });
    expect(l.blocked).toBe(
      "the 3PL count for NJ1 is dated 2027-03-11, after the plan day (2026-11-27), so its date is misread (day and month swapped?) or wrong: check the file's dates and import it again",
    );
    expect(r.checklist.find((c) => c.id === 'count-dates')).toMatchObject({
      ok: false,
      severity: 'error',
      skus: ['TEE'],
    });
    expect(r.purchaseOrders.flatMap((p) => p.lines.map((x) => x.sku))).not.toContain('TEE');
    // Dated the day before the plan day: a sound count, and an order (120 on hand, 10 a day, L = 30).
    const ok = blockedBy([count('TEE', 120, '3pl-onhand', 'NJ1', '2026-11-26')]);
    expect(ok.lines[0]!.action).toBe('order');
    expect(ok.checklist.find((c) => c.id === 'count-dates')!.ok).toBe(true);
  });

  it('blocks a SKU whose count is more than a year old; a 300-day-old one only lowers confidence', () => {
    const old = blockedBy([count('TEE', 500, 'shopify-inventory', 'ShipBob Warehouse', dayString(T - 366))]);
    expect(old.lines[0]!.action).toBe('blocked');
    expect(old.lines[0]!.blocked).toMatch(
      /^the Shopify count for ShipBob Warehouse is from 2025-11-26, more than a year before the plan day \(2026-11-27\)/,
    );
    const stale = blockedBy([count('TEE', 5000, 'shopify-inventory', 'ShipBob Warehouse', dayString(T - 300))]);
    expect(stale.lines[0]!.action).not.toBe('blocked');
    expect(stale.lines[0]!.confidence).toBe('low');
    expect(stale.checklist.find((c) => c.id === 'count-dates')!.ok).toBe(true);
  });

  it('blocks a SKU with two imported counts for one location and day that disagree, not two page snapshots', () => {
    const a = count('TEE', 120, '3pl-onhand', 'NJ1', '2026-11-26');
    const b = { ...count('TEE', 12, '3pl-onhand', 'NJ1', '2026-11-26'), id: 'other-row' };
    const r = blockedBy([a, b]);
    expect(r.lines[0]!.blocked).toBe(
      'two 3PL counts for NJ1 on 2026-11-26 disagree (120 and 12 on hand), so which is right is unknown: import one count per SKU, location and day',
    );
    expect(r.checklist.find((c) => c.id === 'conflicting-counts')).toMatchObject({ ok: false, skus: ['TEE'] });
    // The same figure twice is no conflict; nor are two snapshots of the admin page taken hours apart.
    expect(blockedBy([a, { ...a, id: 'again' }]).lines[0]!.action).toBe('order');
    const page = (onHand: number, id: string) => ({ ...count('TEE', onHand, 'shopify-page', 'SoHo', TODAY), id });
    expect(blockedBy([page(40, 'p1'), page(38, 'p2')]).lines[0]!.action).not.toBe('blocked');
  });

  it('gives every failed check of a SKU in its block, negative count first', () => {
    const r = blockedBy([
      count('TEE', -4, 'shopify-inventory', 'SoHo Store'),
      count('TEE', 80, '3pl-onhand', 'NJ1', '2027-03-11'),
    ]);
    expect(r.lines[0]!.blocked).toMatch(
      /^a stock count reports negative on-hand.*; the 3PL count for NJ1 is dated 2027-03-11/,
    );
  });
});

describe('orders missing for most of the year (issue 18)', () => {
  /** 10 a day on the web for 400 days, Amazon 5 a day except a hole of `hole` days ending `endsAgo` days before today. */
  const withHole = (hole: number, endsAgo: number) => {
    const amazon = orders('TEE', 5, 400, 'amazon').filter((o) => {
      const d = dayNumber(o.day);
      return d < T - endsAgo - hole || d >= T - endsAgo;
    });
    return planReorder(base({ orders: [...orders('TEE', 10, 400), ...amazon, ...orders('CAP', 3, 400)] }));
  };
  it('blocks the SKUs that sold on a channel whose orders are missing for half the fit window or more', () => {
    // Amazon has no orders for 200 of the last 365 days (sales before and after): the export has a hole.
    const r = withHole(200, 30);
    const tee = r.lines.find((l) => l.sku === 'TEE')!;
    expect(tee.action).toBe('blocked');
    expect(tee.blocked).toBe(
      'Amazon orders are missing for 200 of the last 365 days (2026-04-11 to 2026-10-27, with orders before and after), so the plan would read them as no demand: import the missing orders',
    );
    // CAP never sold on Amazon: its plan stands.
    expect(r.lines.find((l) => l.sku === 'CAP')!.action).not.toBe('blocked');
    expect(r.checklist.find((c) => c.id === 'missing-orders')).toMatchObject({ ok: false, skus: ['TEE'] });
  });
  it('only warns for a shorter hole, and for a channel that stopped selling (no orders after)', () => {
    const short = withHole(120, 30);
    expect(short.lines.find((l) => l.sku === 'TEE')!.action).not.toBe('blocked');
    expect(short.checklist.find((c) => c.id === 'sales-gaps')!.ok).toBe(false);
    const stopped = withHole(250, 0);
    expect(stopped.lines.find((l) => l.sku === 'TEE')!.action).not.toBe('blocked');
    expect(stopped.checklist.find((c) => c.id === 'missing-orders')!.ok).toBe(true);
  });
});

describe('count dates and admin-page snapshots', () => {
  it('does not block a snapshot read off the admin page after the plan day (dated by the clock, not read from a file)', () => {
    const snap = { ...count('TEE', 40, 'shopify-page', 'SoHo', '2026-12-06'), id: 'snap' };
    const r = planReorder(base({ counts: [snap] }));
    expect(r.lines[0]!.action).not.toBe('blocked');
    expect(r.checklist.find((c) => c.id === 'count-dates')!.ok).toBe(true);
    // The same date from a 3PL file blocks.
    const tpl = planReorder(base({ counts: [count('TEE', 40, '3pl-onhand', 'NJ1', '2026-12-06')] }));
    expect(tpl.lines[0]!.action).toBe('blocked');
  });
});
