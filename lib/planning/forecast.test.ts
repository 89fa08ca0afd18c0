import { describe, expect, it } from 'vitest';
import { mulberry32, poisson } from '../util/random';
import { dayNumber } from './dates';
import { fitSku, forecastInto, makeScratch, sumOver } from './forecast';
import { emptyHistory } from './history';

const TODAY = dayNumber('2026-11-27');

/** One SKU, all demand on the web channel, from a rate function of the day offset (negative = past). */
function history(days: number, rate: (t: number) => number, seed = 7) {
  const h = emptyHistory(['SKU'], TODAY - days, days);
  const rand = mulberry32(seed);
  for (let t = 0; t < days; t++) h.qty[t] = poisson(rand, rate(t - days));
  return h;
}

function forecast(
  h: ReturnType<typeof history>,
  days = 35,
  inStock: boolean | null = true,
  uplift: Float32Array | null = null,
) {
  const model = fitSku(h, 0, makeScratch(h.days), inStock, uplift);
  const out = new Float64Array(Math.max(days, 1));
  forecastInto(model, TODAY, out);
  return { model, out, total: sumOver(out, days) };
}

describe('demand model on crafted histories', () => {
  it('steady demand: level ≈ the rate, no trend, sd ≈ √rate (Poisson)', () => {
    const { model, total } = forecast(history(400, () => 10));
    expect(model.level).toBeGreaterThan(9);
    expect(model.level).toBeLessThan(11);
    expect(model.slope).toBe(0);
    expect(model.sdDaily).toBeGreaterThan(2.6);
    expect(model.sdDaily).toBeLessThan(3.8);
    expect(total / 35).toBeCloseTo(model.level, 0);
  });

  it('trending demand: a significant slope is kept, damped, and lifts the forecast above the recent mean', () => {
    // 5/day a year ago rising to 25/day now.
    const { model, total } = forecast(
      history(365, (t) => 25 + (20 * t) / 365),
      35,
    );
    expect(model.slope).toBeGreaterThan(0.02);
    expect(Math.abs(model.trendT)).toBeGreaterThanOrEqual(2);
    expect(model.level).toBeGreaterThan(22);
    expect(total / 35).toBeGreaterThan(model.level);
    // Damped: never more than ~99 days' worth of slope.
    const far = forecast(
      history(365, (t) => 25 + (20 * t) / 365),
      1000,
    ).out;
    expect(far[999]!).toBeLessThan(model.level + model.slope * 100 + 5);
  });

  it('seasonal demand: a yearly index from ≥ 365 days puts next month’s peak in the forecast', () => {
    // Winter peak: 30/day in December, 10/day in June (two years of history).
    const season = (t: number) => 20 + 10 * Math.cos((2 * Math.PI * (t + 28)) / 364);
    const h = history(728, season);
    const { model, total } = forecast(h, 28);
    expect(model.yearly).not.toBeNull();
    const truth = Array.from({ length: 28 }, (_, k) => season(k)).reduce((a, b) => a + b, 0);
    expect(Math.abs(total - truth) / truth).toBeLessThan(0.1);
    // Without a year of history there is no yearly index.
    expect(forecast(history(300, season)).model.yearly).toBeNull();
  });

  it('promo: past promo days are divided out of the baseline', () => {
    const days = 200;
    const promoDays = (t: number) => t >= -60 && t < -56; // a 4-day +100% promo two months ago
    const h = history(days, (t) => (promoDays(t) ? 20 : 10));
    const uplift = new Float32Array(days).fill(1);
    for (let t = 0; t < days; t++) if (promoDays(t - days)) uplift[t] = 2;
    const withUplift = forecast(h, 35, true, uplift).model;
    expect(withUplift.level).toBeGreaterThan(9);
    expect(withUplift.level).toBeLessThan(11);
  });

  it('stockout-censored: a zero run while out of stock is excluded from the mean, not counted as zero demand', () => {
    const days = 180;
    const rate = (t: number) => (t >= -30 && t < -10 ? 0 : 8);
    const h = history(days, rate);
    const { model } = forecast(h);
    expect(model.inferredStockoutDays).toBe(20);
    expect(model.level).toBeGreaterThan(7.2);
    expect(model.level).toBeLessThan(8.8);
    // Counting the stockout as zero demand would give the weighted mean below (~5.4).
    let sw = 0;
    let swy = 0;
    for (let t = 0; t < days; t++) {
      const w = 0.5 ** ((days - 1 - t) / 28);
      sw += w;
      swy += w * h.qty[t]!;
    }
    expect(swy / sw).toBeLessThan(6);
    // Known stockout days from counts are excluded the same way.
    const h2 = history(days, rate);
    for (let t = days - 30; t < days - 10; t++) h2.censored[t] = 1;
    const m2 = forecast(h2).model;
    expect(m2.knownStockoutDays).toBe(20);
    expect(m2.inferredStockoutDays).toBe(0);
    expect(m2.level).toBeCloseTo(model.level, 6);
  });

  it('a zero run up to today counts as real demand when the SKU is in stock now', () => {
    const h = history(120, (t) => (t >= -20 ? 0 : 6));
    expect(forecast(h, 35, true).model.inferredStockoutDays).toBe(0);
    expect(forecast(h, 35, false).model.inferredStockoutDays).toBe(20);
  });

  it('a seasonal low is not taken for a stockout', () => {
    // Sales fade to 0.1/day in summer and come back: the zero runs there are expected.
    const h = history(400, (t) => Math.max(0.1, 4 * Math.cos((2 * Math.PI * (t + 20)) / 364)));
    expect(forecast(h).model.inferredStockoutDays).toBeLessThan(15);
  });

  it('new SKU: five weeks of history are fitted from the first sale', () => {
    const h = history(400, (t) => (t >= -35 ? 5 : 0));
    const { model } = forecast(h);
    expect(model.historyDays).toBeLessThanOrEqual(35);
    expect(model.yearly).toBeNull();
    expect(model.level).toBeGreaterThan(3.5);
  });
});
