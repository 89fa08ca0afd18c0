import { describe, expect, it } from 'vitest';
import {
  aggregateReasons,
  aggregatesToCsv,
  binomialUpperTail,
  detectReasonAlerts,
  groupShares,
  periodOf,
  type ReturnRecord,
} from './analytics';
import type { ReasonId } from './taxonomy';

let n = 0;
function rec(sku: string, reason: ReasonId, createdAt: string): ReturnRecord {
  n += 1;
  return { id: `${n}:${sku}`, returnId: String(n), sku, product: sku.split('-')[0] ?? sku, createdAt, reason };
}
function many(count: number, sku: string, reason: ReasonId, createdAt: string): ReturnRecord[] {
  return Array.from({ length: count }, () => rec(sku, reason, createdAt));
}

describe('binomialUpperTail', () => {
  it('matches known values', () => {
    // P(X ≥ 1 | n = 2, p = .5) = .75; P(X ≥ 8 | n = 10, p = .5) = 56/1024.
    expect(binomialUpperTail(1, 2, 0.5)).toBeCloseTo(0.75, 12);
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });
});

describe('aggregateReasons', () => {
  it('counts per SKU per ISO week (Monday start) and per month with shares', () => {
    const rows = aggregateReasons(
      [
        rec('TEE-M', 'defective', '2026-11-16T09:00:00Z'), // Monday
        rec('TEE-M', 'too_small', '2026-11-22T23:00:00Z'), // Sunday, same week
        rec('TEE-M', 'changed_mind', '2026-11-23T01:00:00Z'), // next Monday
      ],
      { by: 'sku', period: 'week' },
    );
    expect(rows.map((r) => [r.period, r.total])).toEqual([
      ['2026-11-16', 2],
      ['2026-11-23', 1],
    ]);
    expect(rows[0]).toMatchObject({ defectShare: 0.5, sizingShare: 0.5 });
    expect(periodOf('2026-02-03T00:00:00Z', 'month')).toBe('2026-02');
  });

  it('exports aggregates as CSV with a column per reason', () => {
    const csv = aggregatesToCsv(
      aggregateReasons([rec('=SKU', 'defective', '2026-11-16T00:00:00Z')], { by: 'sku', period: 'month' }),
    );
    const [header, line] = csv.trim().split('\n');
    expect(header?.split(',')).toHaveLength(3 + 16 + 2);
    expect(line?.startsWith("'=SKU,2026-11,1,0,0,0,1")).toBe(true);
  });
});

describe('detectReasonAlerts', () => {
  // Baseline: 20 other SKUs, 10% defect share.
  const history: ReturnRecord[] = [];
  for (let i = 0; i < 20; i += 1) {
    history.push(...many(2, `S${i}`, 'defective', '2026-10-10T00:00:00Z'));
    history.push(...many(18, `S${i}`, 'changed_mind', '2026-10-10T00:00:00Z'));
  }
  const now = new Date('2026-11-20T00:00:00Z');

  it('alerts when 9 of 20 recent returns of a SKU are defects against a 10% baseline', () => {
    const spike = [
      ...many(9, 'HOT', 'defective', '2026-11-10T00:00:00Z'),
      ...many(11, 'HOT', 'too_small', '2026-11-10T00:00:00Z'),
    ];
    const alerts = detectReasonAlerts([...history, ...spike], { now });
    const a = alerts.find((x) => x.key === 'HOT' && x.group === 'defect');
    expect(a).toBeDefined();
    expect(a?.baseline).toBeCloseTo(0.1, 10);
    expect(a?.pValue).toBeCloseTo(binomialUpperTail(9, 20, 0.1), 12);
    expect(a?.pValue).toBeLessThan(0.01);
    expect(a?.test).toContain('one-sided exact binomial test');
  });

  it('stays quiet under the minimum counts even with a high share', () => {
    const small = [
      ...many(8, 'FEW', 'defective', '2026-11-10T00:00:00Z'),
      ...many(11, 'FEW', 'changed_mind', '2026-11-10T00:00:00Z'),
    ];
    expect(detectReasonAlerts([...history, ...small], { now }).filter((a) => a.key === 'FEW')).toEqual([]);
  });

  it('does not alert on a share near the baseline (3 of 20 against 10%)', () => {
    const normal = [
      ...many(3, 'OK', 'defective', '2026-11-10T00:00:00Z'),
      ...many(17, 'OK', 'changed_mind', '2026-11-10T00:00:00Z'),
    ];
    expect(
      detectReasonAlerts([...history, ...normal], { now, minGroupReturns: 3 }).filter((a) => a.key === 'OK'),
    ).toEqual([]);
  });

  it('corrects for many SKUs tested at once (Benjamini–Hochberg): 7 of 20 alerts alone, not among 30 ordinary SKUs', () => {
    const recent = '2026-11-10T00:00:00Z';
    const lone = [...many(7, 'LONE', 'defective', recent), ...many(13, 'LONE', 'changed_mind', recent)];
    // Alone it is the only pair tested: P(X ≥ 7 | 20, 0.10) = 0.0024 < 0.01.
    const alone = detectReasonAlerts([...history, ...lone], { now });
    expect(alone.map((a) => a.key)).toEqual(['LONE']);
    expect(alone[0]?.test).toContain('Benjamini–Hochberg at false discovery rate 0.01 over 1 tested sku × group pair');

    // 30 ordinary SKUs in the window (5 defects in 40 each, p ≈ 0.52) make 31 tested pairs: LONE's
    // p ≈ 0.007 is no longer below 1/31 × 0.01, while a strong spike (10 of 20, p ≈ 4e-5) still is.
    const ordinary: ReturnRecord[] = [];
    for (let i = 0; i < 30; i += 1) {
      ordinary.push(...many(5, `N${i}`, 'defective', recent), ...many(35, `N${i}`, 'changed_mind', recent));
    }
    const hot = [...many(10, 'HOT', 'defective', recent), ...many(10, 'HOT', 'changed_mind', recent)];
    const crowded = detectReasonAlerts([...history, ...ordinary, ...lone, ...hot], { now });
    expect(crowded.map((a) => a.key)).toEqual(['HOT']);
    expect(crowded[0]?.pValue).toBeLessThan(0.01 / 32);
    expect(crowded[0]?.test).toContain('over 32 tested sku × group pairs (rank 1: p ≤ 1/32 × 0.01)');
  });

  it('computes catalogue group shares', () => {
    const s = groupShares(history);
    expect(s.total).toBe(400);
    expect(s.defect).toBeCloseTo(0.1, 10);
    expect(s.preference).toBeCloseTo(0.9, 10);
  });
});
