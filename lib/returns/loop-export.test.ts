import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { upsertById } from '../import/core';
import { detectReasonAlerts } from './analytics';
import { importLoopReturnsText, type LoopReturnLine, parseLoopTimestamp } from './loop-export';

const FIXTURE = readFileSync(new URL('../../e2e/fixtures/loop/returns-export.csv', import.meta.url), 'utf8');

describe('importLoopReturnsText on the fixture export', () => {
  const result = importLoopReturnsText(FIXTURE);

  it('rejects exactly the six broken rows with their line and reason', () => {
    expect(result.fatal).toBeNull();
    expect(result.rejected.map((r) => r.reason.split(':')[0]?.split(' (')[0])).toEqual([
      'Return ID is empty',
      'SKU is empty',
      'Created At is not a date',
      'Price is negative',
      'Quantity is not a whole number',
      'SKU is empty',
    ]);
    const lines = result.rejected.map((r) => r.line);
    expect(lines[0]).toBeGreaterThan(390);
    expect(FIXTURE.split('\n')[(lines[3] ?? 0) - 1]).toContain('-12.00');
  });

  it('imports the duplicate row once, keyed by return id and SKU', () => {
    expect(result.duplicates).toBe(1);
    expect(result.records.length).toBe(result.rowsRead - result.rejected.length - 1);
    expect(new Set(result.records.map((r) => r.id)).size).toBe(result.records.length);
    const store = new Map<string, LoopReturnLine>();
    upsertById(store, result.records);
    expect(upsertById(store, importLoopReturnsText(FIXTURE).records)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: result.records.length,
    });
  });

  it('classifies each row and keeps the dropdown it came with', () => {
    const chino = result.records.find((r) => r.comment === 'Fabric pilled after two washes');
    expect(chino).toMatchObject({ reason: 'poor_quality', selectedReason: 'Quality', mismatch: false });
    expect(result.records.every((r) => /^\d{4}-\d{2}-\d{2}T/.test(r.createdAt))).toBe(true);
  });

  it('leads to a defect alert on the planted spike SKU and no other', () => {
    const alerts = detectReasonAlerts(result.records, { now: new Date('2026-11-17T00:00:00Z') });
    expect(alerts.map((a) => `${a.key}/${a.group}`)).toEqual(['JKT-RAIN-NVY-M/defect']);
  });

  it('reports progress as rows are parsed', () => {
    const seen: number[] = [];
    importLoopReturnsText(FIXTURE, { chunkSize: 8_000, onProgress: (p) => seen.push(p.rows) });
    expect(seen.length).toBeGreaterThan(3);
    // Papa counts the empty record after the final newline too.
    expect(seen.at(-1)).toBe(FIXTURE.split('\n').length);
  });
});

describe('importLoopReturnsText column names', () => {
  it("accepts Loop's data-model column names", () => {
    const text = [
      'return_id,created_at,sku,product_title,price,quantity,parent_return_reason,return_reason,return_comment',
      '555,2026-11-01T10:00:00Z,TEE-1,Classic Tee,25.00,1,Changed my mind,,the seam ripped on first wear',
    ].join('\n');
    const r = importLoopReturnsText(text);
    expect(r.records[0]).toMatchObject({ id: '555:TEE-1', reason: 'defective', mismatch: true, price: 25 });
  });

  it('fails the whole file when a required column is missing', () => {
    const r = importLoopReturnsText('Return ID,Created At,Comment\n1,2026-11-01,hi');
    expect(r.fatal).toContain('sku');
  });
});

describe('parseLoopTimestamp', () => {
  it('reads the export formats and refuses impossible dates', () => {
    expect(parseLoopTimestamp('2026-11-15 10:42:07')).toBe('2026-11-15T10:42:07.000Z');
    expect(parseLoopTimestamp('2026-11-15T10:42:07-05:00')).toBe('2026-11-15T15:42:07.000Z');
    expect(parseLoopTimestamp('11/15/2026')).toBe('2026-11-15T00:00:00.000Z');
    expect(parseLoopTimestamp('2026-13-45 99:00:00')).toBeNull();
    expect(parseLoopTimestamp('02/30/2026')).toBeNull();
    expect(parseLoopTimestamp('yesterday')).toBeNull();
  });
});
