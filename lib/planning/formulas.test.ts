import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  criticalRatio,
  demandSdOverInterval,
  economicOrderQuantity,
  reorderPoint,
  roundOrderQty,
  safetyStock,
  zForServiceLevel,
} from './formulas';
import { normCdf, normInv } from './stats';

// Textbook vectors from stockpyl's tests (Snyder & Shen, Fundamentals of Supply Chain Theory).
// Read at test time from the shared data folder; not copied into the repo.
interface Case {
  id: string;
  inputs: Record<string, number>;
  expected: Record<string, number>;
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../../../shared/data/inventory_theory_vectors/stockpyl_cases.json', import.meta.url), 'utf8'),
).cases;
const byId = (id: string): Case => {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`missing case ${id}`);
  return c;
};

describe('normal distribution', () => {
  it('matches published quantiles of the standard normal', () => {
    expect(normInv(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normInv(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normInv(0.99)).toBeCloseTo(2.3263478740408408, 12);
    expect(normInv(0.01)).toBeCloseTo(-2.3263478740408408, 12);
    expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
  });
});

describe('base-stock level S = μ + z·σ with z = Φ⁻¹(p/(p+h)) (newsvendor)', () => {
  for (const id of ['newsvendor_normal_example_4_3', 'newsvendor_normal_problem_4_1']) {
    it(`reproduces ${id}`, () => {
      const { inputs, expected } = byId(id);
      const alpha = criticalRatio(inputs.holding_cost!, inputs.stockout_cost!);
      // Zero lead time, review period 1: the order-up-to level over one period.
      const r = reorderPoint({
        meanDailyDemand: inputs.demand_mean!,
        sdDailyDemand: inputs.demand_sd!,
        leadTimeDays: 0,
        leadTimeSdDays: 0,
        serviceLevel: alpha,
        reviewPeriodDays: 1,
      });
      expect(r.orderUpTo).toBeCloseTo(expected.base_stock_level!, 7);
    });
  }

  it('reproduces Example 4.4: base-stock with lead time 4 protects L + 1 periods', () => {
    const { inputs, expected } = byId('base_stock_normal_lead_time_example_4_4');
    const r = reorderPoint({
      meanDailyDemand: inputs.demand_mean!,
      sdDailyDemand: inputs.demand_sd!,
      leadTimeDays: inputs.lead_time!,
      leadTimeSdDays: 0,
      serviceLevel: criticalRatio(inputs.holding_cost!, inputs.stockout_cost!),
      reviewPeriodDays: 1,
    });
    expect(r.orderUpTo).toBeCloseTo(expected.base_stock_level!, 7);
    expect(r.orderUpTo).toBeCloseTo(264.7668943741548, 7);
  });
});

describe('reorder point ROP = d·L + z·sqrt(L·σd²) ((r,Q) EOQ + safety stock approximation)', () => {
  for (const id of ['rq_eoq_plus_safety_stock_example_5_5', 'rq_eoq_plus_safety_stock_problem_5_1c']) {
    it(`reproduces ${id} (rates per year, lead time in years)`, () => {
      const { inputs, expected } = byId(id);
      const r = reorderPoint({
        meanDailyDemand: inputs.demand_mean!,
        sdDailyDemand: inputs.demand_sd!,
        leadTimeDays: inputs.lead_time!,
        leadTimeSdDays: 0,
        serviceLevel: criticalRatio(inputs.holding_cost!, inputs.stockout_cost!),
        reviewPeriodDays: 0,
      });
      expect(r.reorderPoint).toBeCloseTo(expected.reorder_point!, 7);
      expect(economicOrderQuantity(inputs.fixed_cost!, inputs.holding_cost!, inputs.demand_mean!)).toBeCloseTo(
        expected.order_quantity!,
        7,
      );
    });
  }
});

describe('safety stock with variable lead time', () => {
  it('adds lead-time variance: z·sqrt(L·σd² + d²·σL²)', () => {
    // d = 14.2/day, σd = 5, L = 35 ± 6 days, 95%: sqrt(35·25 + 14.2²·36) = sqrt(875 + 7259.04) = 90.19
    const ss = safetyStock({
      z: zForServiceLevel(0.95),
      meanDailyDemand: 14.2,
      sdDailyDemand: 5,
      days: 35,
      leadTimeSdDays: 6,
    });
    expect(ss).toBeCloseTo(1.6448536269514722 * Math.sqrt(8134.04), 9);
    expect(ss).toBeCloseTo(148.35, 2);
  });

  it('gives reorder point and order-up-to for a 7-day review', () => {
    const r = reorderPoint({
      meanDailyDemand: 10,
      sdDailyDemand: 4,
      leadTimeDays: 30,
      leadTimeSdDays: 5,
      serviceLevel: 0.95,
      reviewPeriodDays: 7,
    });
    // SS(L) = 1.6449·sqrt(30·16 + 100·25) = 1.6449·54.589 = 89.79; ROP = 300 + 89.79
    expect(r.safetyStock).toBeCloseTo(89.79, 2);
    expect(r.reorderPoint).toBeCloseTo(389.79, 2);
    // SS(L+R) = 1.6449·sqrt(37·16 + 2500) = 1.6449·55.606 = 91.46; S = 370 + 91.46
    expect(r.orderUpTo).toBeCloseTo(461.46, 2);
  });
});

describe('order rounding', () => {
  it('rounds up to the MOQ, then to whole case packs', () => {
    expect(roundOrderQty(412, 500, 24)).toBe(504);
    expect(roundOrderQty(412, 500, null)).toBe(500);
    expect(roundOrderQty(612.2, 500, 24)).toBe(624);
    expect(roundOrderQty(0, 500, 24)).toBe(0);
    expect(roundOrderQty(-3, 500, 24)).toBe(0);
  });
});

describe('safety stock with the level’s own uncertainty', () => {
  it('adds T²·σℓ²: a wrong level is wrong on every day of the interval', () => {
    // T = 30, σd = 4, σℓ = 0.5, d = 10, σL = 2: √(30·16 + 900·0.25 + 100·4) = √1105.
    const i = { meanDailyDemand: 10, sdDailyDemand: 4, days: 30, leadTimeSdDays: 2 };
    expect(demandSdOverInterval({ ...i, sdLevel: 0.5 })).toBeCloseTo(Math.sqrt(1105), 12);
    // Without it (or with 0) the textbook formula: √(480 + 400) = √880.
    expect(demandSdOverInterval(i)).toBeCloseTo(Math.sqrt(880), 12);
    expect(demandSdOverInterval({ ...i, sdLevel: 0 })).toBeCloseTo(Math.sqrt(880), 12);
  });
});
