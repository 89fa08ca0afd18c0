import { describe, expect, it } from 'vitest';
import { classifyDemand, croston, tsb } from './intermittent';

// A textbook-style sequence: demands of 3, 5 and 2 on days 2, 5 and 7 (α = 0.1).
const Y = [0, 3, 0, 0, 5, 0, 2];

describe('intermittent-demand methods, by hand', () => {
  it('Croston: first demand 3 after 2 days, then z = 3 + 0.1·(5 − 3) = 3.2, p = 2 + 0.1·(3 − 2) = 2.1, then 3.08 and 2.09', () => {
    const f = croston(Y, 0, Y.length, 0.1, false);
    expect(f.forecast).toBeCloseTo(3.08 / 2.09, 12); // 1.47368…
    // One-step errors after the first demand: −1.5, −1.5, 3.5, −1.5238…, 0.4762…
    const e = [-1.5, -1.5, 3.5, -3.2 / 2.1, 2 - 3.2 / 2.1];
    expect(f.rmse).toBeCloseTo(Math.sqrt(e.reduce((s, x) => s + x * x, 0) / e.length), 12);
  });

  it('SBA: Croston × (1 − α/2) = 0.95 × 3.08 / 2.09 = 1.4', () => {
    expect(croston(Y, 0, Y.length, 0.1, true).forecast).toBeCloseTo(1.4, 12);
  });

  it('TSB (α = 0.1, β = 0.2): probability 0.5 → 0.4 → 0.32 → 0.456 → 0.3648 → 0.49184, size 3 → 3.2 → 3.08', () => {
    expect(tsb(Y, 0, Y.length, 0.1, 0.2).forecast).toBeCloseTo(0.49184 * 3.08, 12); // 1.5148672
  });

  it('TSB decays when sales stop; Croston does not move without a demand', () => {
    const stopped = [...Y, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(tsb(stopped, 0, stopped.length, 0.1, 0.2).forecast).toBeCloseTo(0.49184 * 0.8 ** 10 * 3.08, 12);
    expect(croston(stopped, 0, stopped.length, 0.1, true).forecast).toBeCloseTo(1.4, 12);
  });

  it('skips censored days: a stockout between demands does not lengthen the interval', () => {
    const y = [0, 3, 0, 0, 0, 5];
    const ok = [1, 1, 1, 0, 0, 1]; // days 4–5 out of stock
    // Observed: 0, 3, 0, 5 → first interval 2, second 2: p = 2 + 0.1·(2 − 2) = 2, z = 3.2.
    expect(croston(y, 0, y.length, 0.1, false, ok).forecast).toBeCloseTo(3.2 / 2, 12);
  });

  it('no demand at all forecasts 0', () => {
    expect(croston([0, 0, 0], 0, 3, 0.1, true)).toEqual({ forecast: 0, rmse: 0 });
    expect(tsb([0, 0, 0], 0, 3, 0.1, 0.1)).toEqual({ forecast: 0, rmse: 0 });
  });
});

describe('demand pattern by ADI and CV² (cut-offs 1.32 and 0.49)', () => {
  it('smooth: a sale every day of the same size', () => {
    expect(classifyDemand(10, 10, 50, 250)).toBe('smooth');
  });
  it('erratic: a sale every day, sizes 1 and 10 (CV² = 20.25 / 30.25 = 0.67)', () => {
    expect(classifyDemand(10, 10, 55, 505)).toBe('erratic');
  });
  it('intermittent: 3, 5 and 2 over 7 days (ADI 2.33, CV² = 1.556 / 11.11 = 0.14)', () => {
    expect(classifyDemand(7, 3, 10, 38)).toBe('intermittent');
  });
  it('lumpy: 1 and 20 over 10 days (ADI 5, CV² = 90.25 / 110.25 = 0.82)', () => {
    expect(classifyDemand(10, 2, 21, 401)).toBe('lumpy');
  });
});
