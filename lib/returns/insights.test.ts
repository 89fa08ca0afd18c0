import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildInsights } from './insights';
import { importLoopReturnsText } from './loop-export';

const records = importLoopReturnsText(
  readFileSync(new URL('../../e2e/fixtures/loop/returns-export.csv', import.meta.url), 'utf8'),
).records;

describe('buildInsights on the imported fixture export', () => {
  it('shows the spike SKU with its alert, the baseline and weekly periods', () => {
    const i = buildInsights(records, { by: 'sku', period: 'week', now: new Date('2026-11-17T00:00:00Z') });
    expect(i.alerts.map((a) => a.key)).toEqual(['JKT-RAIN-NVY-M']);
    expect(i.baseline.total).toBe(393);
    const spike = i.keys.find((k) => k.key === 'JKT-RAIN-NVY-M');
    expect(spike?.total).toBe(30);
    expect(spike?.defectShare).toBeGreaterThan(i.baseline.defect * 2);
    expect(i.periods[0]).toBe('2026-07-06');
    expect(i.keys.reduce((s, k) => s + k.total, 0)).toBe(393);
  });

  it('groups by product title too', () => {
    const i = buildInsights(records, { by: 'product', period: 'month' });
    expect(i.keys.map((k) => k.key)).toContain('Storm Rain Jacket');
    expect(i.periods).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });
});
