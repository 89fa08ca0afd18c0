import { beforeEach, describe, expect, it } from 'vitest';
import { backfillLoopReturns } from '../returns/backfill';
import { AUDIT_KINDS, auditDetails, auditRows } from './audit';
import { allReturnLines, recordReturnOutcome, returnLineStore, saveReturnLines } from './returns-store';
import { db } from './schema';

const csv = [
  'Return ID,Created At,SKU,Product Title,Return Reason,Return Comment',
  '47100001,2026-11-01 10:00:00,TEE-CLS-BLK-M,Classic Tee,Too small,runs small',
].join('\n');
const file = () => Object.assign(new Blob([csv], { type: 'text/csv' }), { name: 'returns-export.csv' });

beforeEach(async () => {
  await db().returns.clear();
  await db().audit.clear();
});

describe('returns store', () => {
  it('backfills into the returns table and keeps a line the panel analysed', async () => {
    expect((await backfillLoopReturns(file(), returnLineStore())).inserted).toBe(1);
    expect((await backfillLoopReturns(file(), returnLineStore())).unchanged).toBe(1);
    const [line] = await allReturnLines();
    expect(line).toMatchObject({ id: '47100001:TEE-CLS-BLK-M', source: 'loop-returns', reason: 'too_small' });
    if (line?.source !== 'loop-returns') return expect.fail('no imported line');
    const analysed = { ...line, source: 'loop-page' as const, selectedReason: '', decision: 'exchange' };
    await saveReturnLines([analysed]);
    expect((await backfillLoopReturns(file(), returnLineStore())).keptFromPanel).toBe(1);
    expect((await allReturnLines()).map((l) => l.source)).toEqual(['loop-page']);
  });

  it('logs an outcome with the decision and rating as details', async () => {
    await recordReturnOutcome('2026-11-27T10:00:00.000Z', {
      returnId: '48213578',
      reason: 'defective',
      provider: 'local',
      model: 'rules',
      action: 'feedback',
      rating: 'good',
      decision: 'refund',
      rule: 'requested.refund',
    });
    const [row] = await auditRows(db(), AUDIT_KINDS.returnsDecision, 'feedback');
    expect(row).toMatchObject({ app: 'loop', entityId: '48213578', intent: 'defective', action: 'feedback' });
    expect(auditDetails(row ?? {})).toEqual({
      rating: 'good',
      decision: 'refund',
      rule: 'requested.refund',
      note: null,
    });
  });
});
