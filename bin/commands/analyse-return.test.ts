import { describe, expect, it } from 'vitest';
import { analyseReturn, toAnalyseOutput } from '../../lib/returns/analyse';
import { analyseOutputSchema, returnCaseSchema } from '../../lib/returns/schema';
import { analyseReturnCommand } from './analyse-return';

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
      'window',
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
    // No request time on the line: the window is measured to --now, and the output says so.
    expect(out.window).toEqual({
      from: '2026-11-04T00:00:00.000Z',
      from_source: 'delivered',
      to: '2026-11-20T00:00:00.000Z',
      to_source: 'now',
      days: 16,
    });
  });

  it('accepts a line with only items, selected_reason and comment', () => {
    const c = returnCaseSchema.parse({ items: [{ title: 'Mug' }], selected_reason: 'Other', comment: '' });
    expect(toAnalyseOutput(analyseReturn(c, { now: new Date('2026-11-20T00:00:00Z') })).decision).toBe('refund');
  });

  it('rejects a line without a comment', () => {
    expect(() => returnCaseSchema.parse({ items: [{ title: 'Mug' }], selected_reason: 'Other' })).toThrow();
  });

  it('through the command: a return asked for on day 7 and opened on day 60 gets the exchange its reason deserves', async () => {
    const line = {
      items: [
        { sku: 'TEE-BLK-M', title: 'Classic Tee', variant: 'Black / M', price: 45, quantity: 1, category: 'apparel' },
      ],
      selected_reason: 'Size > Too small',
      comment: 'It runs small, I need a size up',
      created_at: '2026-09-08T10:00:00Z',
      order: { number: '#1047', delivered_at: '2026-09-01T10:00:00Z', country: 'US' },
    };
    const out: Record<string, unknown>[] = [];
    const run = async (lines: unknown[]) => {
      out.length = 0;
      return analyseReturnCommand.run({
        args: ['--now', '2026-10-31T10:00:00Z'],
        lines: (async function* () {
          for (const l of lines) yield JSON.stringify(l);
        })(),
        out: (v) => out.push(v as Record<string, unknown>),
        err: () => {},
      });
    };
    expect(await run([line, { ...line, created_at: null }])).toBe(0);
    expect(out[0]).toMatchObject({
      decision: 'exchange',
      rule: 'exchange.fit',
      window: { to: '2026-09-08T10:00:00.000Z', to_source: 'requested', days: 7 },
    });
    // Without the request time, --now is the fallback, and the output says which date was used.
    expect(out[1]).toMatchObject({
      decision: 'deny',
      rule: 'window.expired',
      window: { to: '2026-10-31T10:00:00.000Z', to_source: 'now', days: 60 },
    });
  });
});
