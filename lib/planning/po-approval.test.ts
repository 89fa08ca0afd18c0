import { describe, expect, it } from 'vitest';
import { approvalBlocks } from './po-approval';
import type { CheckItem } from './quality';

const po = {
  lines: [
    { sku: 'TEE', qty: 100 },
    { sku: 'CAP', qty: 24 },
    { sku: 'ZERO', qty: 0 },
  ],
};
const check = (over: Partial<CheckItem>): CheckItem => ({
  id: 'negative-on-hand',
  ok: false,
  severity: 'error',
  title: 'No negative on-hand',
  detail: '1 with negative on-hand: CAP',
  skus: ['CAP'],
  ...over,
});

describe('approving a PO', () => {
  it('may approve when every line plans cleanly', () => {
    const lines = [
      { sku: 'TEE', action: 'order' as const },
      { sku: 'CAP', action: 'order' as const },
    ];
    expect(approvalBlocks(po, { lines, checklist: [check({ ok: true, skus: [] })] })).toEqual([]);
  });

  it('is blocked by a blocked line, with the line’s reason', () => {
    const lines = [
      { sku: 'TEE', action: 'order' as const },
      { sku: 'CAP', action: 'blocked' as const, blocked: 'a stock count reports negative on-hand' },
    ];
    expect(approvalBlocks(po, { lines, checklist: [] })).toEqual([
      { sku: 'CAP', reason: 'a stock count reports negative on-hand' },
    ]);
  });

  it('is blocked by a failed error check naming the SKU, a line without on-hand, or a SKU the plan dropped', () => {
    const lines = [
      { sku: 'TEE', action: 'review' as const },
      { sku: 'CAP', action: 'order' as const },
    ];
    const blocks = approvalBlocks(
      { lines: [...po.lines, { sku: 'GONE', qty: 5 }] },
      { lines, checklist: [check({}), check({ id: 'stale-counts', severity: 'warning', skus: ['TEE'] })] },
    );
    expect(blocks.map((b) => b.sku)).toEqual(['TEE', 'CAP', 'GONE']);
    expect(blocks[1]!.reason).toContain('negative on-hand');
    expect(blocks[2]!.reason).toContain('not in the current plan');
  });
});
