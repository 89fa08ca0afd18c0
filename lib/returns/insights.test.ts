import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildInsights, insightsCsv, insightsView, toReturnRecords } from './insights';
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

describe('insights over the stored lines', () => {
  it('reads stored lines as records, skipping lines with an unknown reason, date or SKU', () => {
    const line = { id: '1:A', returnId: '1', sku: 'A', createdAt: '2026-11-01T10:00:00.000Z', reason: 'too_small' };
    expect(
      toReturnRecords([
        line,
        { ...line, id: '2:A', reason: 'vibes' },
        { ...line, id: '3:A', createdAt: undefined },
        { ...line, id: '4:A', sku: 7 },
        { ...line, id: '5:B', returnId: 5, sku: 'B', product: 'Boot' },
      ]),
    ).toEqual([
      { id: '1:A', returnId: '1', sku: 'A', product: 'A', createdAt: '2026-11-01T10:00:00.000Z', reason: 'too_small' },
      {
        id: '5:B',
        returnId: '5',
        sku: 'B',
        product: 'Boot',
        createdAt: '2026-11-01T10:00:00.000Z',
        reason: 'too_small',
      },
    ]);
  });

  it('counts 393 lines of 358 returns from 6 July to 16 November, with the alert test used', () => {
    const v = insightsView(toReturnRecords(records), { by: 'sku', period: 'month' });
    expect(v).toMatchObject({
      lines: 393,
      returns: 358,
      firstAt: '2026-07-06T19:27:08.000Z',
      lastAt: '2026-11-16T15:14:04.000Z',
      test: { windowDays: 28, alpha: 0.01, minReturns: 20, minGroupReturns: 5 },
    });
    expect(insightsView([], { by: 'sku', period: 'week' })).toMatchObject({ lines: 0, returns: 0, firstAt: null });
  });

  it('exports one CSV line per product and month, named for the grouping, the period and the day', () => {
    const c = insightsCsv(toReturnRecords(records), { by: 'product', period: 'month' }, '2026-11-27');
    expect(c.fileName).toBe('counterpart-return-reasons-by-product-month-2026-11-27.csv');
    expect(c.rows).toBe(77);
    expect(c.csv.split('\n')[0]?.startsWith('product,period,total,too_small')).toBe(true);
  });
});
