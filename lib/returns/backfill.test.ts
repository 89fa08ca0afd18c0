import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BackfillProgress, backfillLoopReturns, type ReturnLineStore } from './backfill';

function memoryStore(): ReturnLineStore & { rows: Map<string, Record<string, unknown>> } {
  const rows = new Map<string, Record<string, unknown>>();
  return {
    rows,
    bulkGet: async (ids) => ids.map((id) => rows.get(id)),
    bulkPut: async (list) => {
      for (const r of list) rows.set(r.id, structuredClone(r) as unknown as Record<string, unknown>);
    },
  };
}

const csv = readFileSync(new URL('../../e2e/fixtures/loop/returns-export.csv', import.meta.url), 'utf8');
const file = () => Object.assign(new Blob([csv], { type: 'text/csv' }), { name: 'returns-export.csv' });

describe('backfill from a Loop returns export', () => {
  it('stores 393 lines, reports the 6 broken rows by line and reason, and is idempotent', async () => {
    const store = memoryStore();
    const progress: BackfillProgress[] = [];
    const first = await backfillLoopReturns(file(), store, (p) => progress.push(p));
    expect(first.accepted).toBe(393);
    expect(first.inserted).toBe(393);
    expect(first.rejected.map((r) => r.line)).toEqual([395, 396, 397, 398, 399, 400]);
    expect(first.rejected.every((r) => r.reason.length > 5)).toBe(true);
    expect(first.duplicates).toBe(1);
    expect(store.rows.size).toBe(393);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));

    const second = await backfillLoopReturns(file(), store);
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 393 });
    expect(store.rows.size).toBe(393);
  });

  it('keeps a line the panel already analysed', async () => {
    const store = memoryStore();
    store.rows.set('47100001:TEE-CLS-BLK-M', {
      id: '47100001:TEE-CLS-BLK-M',
      source: 'loop-page',
      reason: 'too_small',
    });
    const r = await backfillLoopReturns(file(), store);
    expect(r.keptFromPanel).toBe(1);
    expect(store.rows.get('47100001:TEE-CLS-BLK-M')?.source).toBe('loop-page');
  });
});
