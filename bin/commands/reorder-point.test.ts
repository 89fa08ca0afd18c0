import { describe, expect, it } from 'vitest';
import { reorderPointLine } from '../../lib/planning/batch';
import { reorderPointCommand } from './reorder-point';

describe('reorder-point command', () => {
  it('computes SS, ROP and S for a sample line (d 10, σd 4, L 30±5, R 7, 95%)', () => {
    expect(
      reorderPointLine({
        mean_daily_demand: 10,
        sd_daily_demand: 4,
        lead_time_days: 30,
        lead_time_sd_days: 5,
        service_level: 0.95,
        review_period_days: 7,
      }),
    ).toEqual({ safety_stock: 89.7915, reorder_point: 389.7915, order_up_to: 461.4633 });
  });

  it('rejects a line without a lead time', () => {
    expect(() => reorderPointLine({ mean_daily_demand: 10, sd_daily_demand: 4 })).toThrow();
  });

  it('is registered under its name', () => {
    expect(reorderPointCommand.name).toBe('reorder-point');
  });
});
