import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS, auditDetails, auditRow, auditRows, recordAudit } from './audit';
import { CounterpartDB } from './schema';

const fresh = () => new CounterpartDB(`audit-${Math.random()}`);
const base = {
  at: '2026-11-27T10:00:00.000Z',
  app: 'gorgias',
  entityId: '42',
  provider: 'local',
  model: 'rules',
} as const;

describe('audit log writer', () => {
  it('stores details as JSON in the note and reads them back', async () => {
    const database = fresh();
    const id = await recordAudit(database, {
      ...base,
      kind: AUDIT_KINDS.csDraft,
      action: 'shown',
      suggestion: 'Hello',
      details: { mode: 'suggest', tier: 2 },
    });
    const row = await auditRow(database, id);
    expect(row?.note).toBe('{"mode":"suggest","tier":2}');
    expect(auditDetails(row ?? {})).toEqual({ mode: 'suggest', tier: 2 });
  });

  it('writes no note when an entry has no details', async () => {
    const database = fresh();
    const id = await recordAudit(database, { ...base, kind: AUDIT_KINDS.listingsApply, action: 'inserted' });
    expect(await auditRow(database, id)).not.toHaveProperty('note');
  });

  it('reads an old free-text note as no details instead of throwing', () => {
    expect(auditDetails({ note: 'rating: up; decision: refund (R1)' })).toEqual({});
    expect(auditDetails({ note: '[1,2]' })).toEqual({});
    expect(auditDetails({})).toEqual({});
  });

  it('lists the rows of one kind, or of one kind and action', async () => {
    const database = fresh();
    await recordAudit(database, { ...base, kind: AUDIT_KINDS.csDraft, action: 'shown' });
    await recordAudit(database, { ...base, kind: AUDIT_KINDS.csDraft, action: 'inserted' });
    await recordAudit(database, { ...base, kind: AUDIT_KINDS.returnsDecision, action: 'copied' });
    expect((await auditRows(database, AUDIT_KINDS.csDraft)).map((r) => r.action).sort()).toEqual(['inserted', 'shown']);
    expect((await auditRows(database, AUDIT_KINDS.csDraft, 'inserted')).length).toBe(1);
    expect((await auditRows(database, AUDIT_KINDS.returnsDecision)).map((r) => r.action)).toEqual(['copied']);
  });
});
