import { describe, expect, it } from 'vitest';
import { analyseReturn, toAnalyseOutput } from '../../lib/returns/analyse';
import { analyseOutputSchema, returnCaseSchema } from '../../lib/returns/schema';

const LINE =
  '{"items":[{"sku":"TEE-BLK-M","title":"Classic Tee","variant":"Black / M","price":"25.00","quantity":1,"category":"apparel","final_sale":false}],"selected_reason":"Changed my mind","comment":"the seam ripped on first wear","photos":[],"order":{"number":"#1047","created_at":"2026-11-01","delivered_at":"2026-11-04","country":"US"},"customer":{"email":"dana@example.com","orders_count":2,"returns_count":0}}';

describe('analyse-return command path', () => {
  it('turns a JSON line into the issue-5 output shape with the hidden defect and its rule', () => {
    const out = toAnalyseOutput(
      analyseReturn(returnCaseSchema.parse(JSON.parse(LINE)), { now: new Date('2026-11-20T00:00:00Z') }),
    );
    expect(Object.keys(out)).toEqual([
      'reason',
      'reasons',
      'mismatch',
      'decision',
      'rule',
      'warehouse',
      'flags',
      'draft',
    ]);
    expect(analyseOutputSchema.parse(out)).toMatchObject({
      reason: 'defective',
      mismatch: true,
      decision: 'refund',
      rule: 'default.refund',
      warehouse: 'US-East',
    });
    expect(out.reasons[0]?.evidence).toContain('ripped');
    expect(out.flags).toContain('mismatch');
  });

  it('accepts a line with only items, selected_reason and comment', () => {
    const c = returnCaseSchema.parse({ items: [{ title: 'Mug' }], selected_reason: 'Other', comment: '' });
    expect(toAnalyseOutput(analyseReturn(c)).decision).toBe('refund');
  });

  it('rejects a line without a comment', () => {
    expect(() => returnCaseSchema.parse({ items: [{ title: 'Mug' }], selected_reason: 'Other' })).toThrow();
  });
});
