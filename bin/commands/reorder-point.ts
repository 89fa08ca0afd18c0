import { reorderPointLine } from '../../lib/planning/batch';
import { type CliCommand, forEachJsonLine } from '../command';

/** Safety stock, reorder point and order-up-to level from demand and lead-time statistics. */
export const reorderPointCommand: CliCommand = {
  name: 'reorder-point',
  summary: 'Safety stock, reorder point and order-up-to level (formulas in lib/planning/FORMULAS.md)',
  usage: [
    'input line:  {"mean_daily_demand", "sd_daily_demand", "lead_time_days", "lead_time_sd_days"?: 0, "service_level"?: 0.95, "review_period_days"?: 0}',
    'output line: {"safety_stock", "reorder_point", "order_up_to"}',
    '  SS = z·sqrt(L·σd² + d²·σL²), z = Φ⁻¹(service level); ROP = d·L + SS; S = d·(L+R) + z·sqrt((L+R)·σd² + d²·σL²)',
  ].join('\n'),
  run: (io) => forEachJsonLine(io, (value) => reorderPointLine(value)),
};
