import type { ReturnLineStore } from '../returns/backfill';
import type { StoredReturnLine } from '../returns/service';
import { AUDIT_KINDS, recordAudit } from './audit';
import { db, type ReturnLineRow } from './schema';

/** Every stored return line (analysed in the panel or imported). */
export function allReturnLines(): Promise<ReturnLineRow[]> {
  return db().returns.toArray();
}

/** Stores an analysed return's lines; the same return (or an imported line of it) is overwritten, never duplicated. */
export async function saveReturnLines(rows: readonly StoredReturnLine[]): Promise<void> {
  await db().returns.bulkPut([...rows]);
}

/** The `returns` table as the backfill writes it. */
export function returnLineStore(): ReturnLineStore {
  const table = db().returns;
  return { bulkGet: (ids) => table.bulkGet(ids), bulkPut: (rows) => table.bulkPut(rows) };
}

/** What the person did with a return's suggestion (the audit log's `returns.decision`). */
export async function recordReturnOutcome(
  at: string,
  p: {
    returnId: string;
    reason: string;
    provider: string;
    model: string;
    action: 'copied' | 'feedback';
    suggestion?: string;
    rating?: 'good' | 'bad';
    decision: string;
    rule: string;
    note?: string;
  },
): Promise<void> {
  await recordAudit(db(), {
    at,
    kind: AUDIT_KINDS.returnsDecision,
    app: 'loop',
    entityId: p.returnId,
    intent: p.reason,
    provider: p.provider,
    model: p.model,
    action: p.action,
    suggestion: p.suggestion,
    details: { rating: p.rating ?? null, decision: p.decision, rule: p.rule, note: p.note ?? null },
  });
}
