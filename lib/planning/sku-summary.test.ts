import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from './dates';
import type { OrderLine } from './import/types';
import { planReorder } from './plan';
import { panelSkus, skuSummaries } from './sku-summary';

describe('panel SKUs', () => {
  it('plans the first 12 of a page’s SKUs and counts the rest', () => {
    const skus = Array.from({ length: 15 }, (_, i) => `SKU-${i}`);
    expect(panelSkus(skus).skus).toHaveLength(12);
    expect(panelSkus(skus).skus[11]).toBe('SKU-11');
    expect(panelSkus(skus).more).toBe(3);
    expect(panelSkus(['A'])).toEqual({ skus: ['A'], more: 0 });
  });
});

describe('SKU summaries', () => {
  // TEE sells 3 a day for 200 days, 20 on hand, 30-day lead time: it must be reordered.
  const today = '2026-11-27';
  const T = dayNumber(today);
  const orders: OrderLine[] = Array.from({ length: 200 }, (_, i) => ({
    id: `o${i}`,
    source: 'shopify-orders',
    channel: 'shopify',
    orderId: `#${i}`,
    day: dayString(T - 200 + i),
    sku: 'TEE',
    qty: 3,
    unitPrice: 28,
    currency: 'USD',
    country: 'US',
    excluded: null,
  }));
  const plan = planReorder({
    today,
    orders,
    counts: [
      {
        id: 'c',
        source: 'shopify-page',
        sku: 'TEE',
        location: 'Brooklyn',
        onHand: 20,
        available: 20,
        committed: 0,
        incoming: 0,
        asOf: today,
      },
    ],
    suppliers: [],
  });

  it('answers a planned SKU from its plan line, flagged as needing action', () => {
    const [tee] = skuSummaries(['TEE'], plan.lines, today);
    const line = plan.lines.find((l) => l.sku === 'TEE')!;
    expect(tee).toMatchObject({ sku: 'TEE', inPlan: true, onHand: 20, leadTimeDays: 30, needsAction: true });
    expect(tee!.velocityPerDay).toBeCloseTo(3, 1);
    expect(tee!.orderQty).toBe(line.orderQty);
    expect(tee!.orderQty).toBeGreaterThan(0);
    expect(tee!.stockoutDate).toBe('2026-12-03');
  });

  it('answers a SKU without sales as not in the plan, in page order', () => {
    const out = skuSummaries(['MUG', 'TEE'], plan.lines, today);
    expect(out.map((s) => [s.sku, s.inPlan, s.action, s.needsAction])).toEqual([
      ['MUG', false, 'no-demand', false],
      ['TEE', true, 'order', true],
    ]);
    expect(out[0]!.rationale).toBe('No sales of this SKU in the imported orders: nothing to plan from yet.');
  });
});
