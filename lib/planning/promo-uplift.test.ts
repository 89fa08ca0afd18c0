import { describe, expect, it } from 'vitest';
import { stableId } from '../import/hash';
import { dayNumber, dayString } from './dates';
import type { OrderLine, Promo } from './import/types';
import { planReorder } from './plan';
import { PROMO_PRIOR_UNITS, posteriorMultiplier, promoType } from './promo-uplift';

const TODAY = '2026-11-27';
const T = dayNumber(TODAY);

const promo = (id: string, name: string, start: string, end: string, upliftPct: number): Promo => ({
  id,
  name,
  start,
  end,
  skus: ['all'],
  collection: null,
  tag: null,
  upliftPct,
});

/** 10 units a day for 500 days, `during` a day inside [from, to]. */
function orders(from: number, to: number, during: number): OrderLine[] {
  const out: OrderLine[] = [];
  for (let d = T - 500; d < T; d++) {
    out.push({
      id: stableId('t', d),
      source: 'shopify-orders',
      channel: 'shopify',
      orderId: `o-${d}`,
      day: dayString(d),
      sku: 'TEE',
      qty: d >= from && d <= to ? during : 10,
      unitPrice: 30,
      currency: 'USD',
      country: 'US',
      excluded: null,
    });
  }
  return out;
}

describe('promo uplift learned from past promos', () => {
  it('names a promo type without its year', () => {
    expect(promoType('Black Friday 2025')).toBe('black friday');
    expect(promoType('BLACK FRIDAY')).toBe('black friday');
    expect(promoType('Summer Sale — 2024 edition')).toBe('summer sale edition');
  });

  it('is the Gamma–Poisson posterior mean, the configured uplift as prior worth 10 baseline units', () => {
    expect(PROMO_PRIOR_UNITS).toBe(10);
    // Prior ×1.3; 280 units sold where the baseline expected 140: (1.3·10 + 280) / (10 + 140).
    expect(posteriorMultiplier(1.3, 280, 140)).toBeCloseTo(293 / 150, 12); // 1.9533
    // No evidence: the prior stands.
    expect(posteriorMultiplier(1.6, 0, 0)).toBe(1.6);
  });

  it('a planted +100 % promo last year replaces the configured +30 % for this year’s promo of the same type', () => {
    const last = promo('s25', 'Winter Sale 2025', '2025-12-01', '2025-12-14', 30);
    const next = promo('s26', 'Winter Sale', '2026-11-30', '2026-12-13', 30);
    const input = {
      today: TODAY,
      orders: orders(dayNumber('2025-12-01'), dayNumber('2025-12-14'), 20),
      counts: [],
      suppliers: [],
      promos: [last, next],
    };
    const line = planReorder(input).lines[0]!;
    // 14 promo days: 280 sold against a baseline of 140 → (13 + 280) / 150 = 1.953, +95 %.
    const m = 293 / 150;
    expect(line.rationale).toContain('Winter Sale Nov 30–Dec 13 adds 95% (learned from 1 past promo; 30% set)');
    // Lead time 30 (default) + review 7: the 14 promo days carry the learned uplift, not the configured one.
    const expected = 10 * 30 + 14 * 10 * (m - 1);
    expect(line.leadTimeDemand).toBeCloseTo(expected, 0);
    // Last year's promo sold no more than usual: (13 + 140) / 150 = 1.02, +2 %.
    const flat = { ...input, orders: orders(0, -1, 10) };
    expect(planReorder(flat).lines[0]!.rationale).toContain(
      'Winter Sale Nov 30–Dec 13 adds 2% (learned from 1 past promo',
    );
    // With no past promo of its type in the calendar the configured +30 % stands.
    const plain = planReorder({ ...flat, promos: [next] }).lines[0]!;
    expect(plain.rationale).toContain('Winter Sale Nov 30–Dec 13 adds 30%');
    expect(plain.leadTimeDemand).toBeCloseTo(10 * 30 + 14 * 10 * 0.3, 0);
  });
});
