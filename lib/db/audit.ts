import type { AuditAction, AuditRow, CounterpartDB } from './schema';

/** The kinds of suggestion the audit log records (one per process step a person reviews). */
export const AUDIT_KINDS = {
  csDraft: 'cs.draft',
  returnsDecision: 'returns.decision',
  listingsApply: 'listings.apply',
  planningEdit: 'planning.edit',
} as const;
export type AuditKind = (typeof AUDIT_KINDS)[keyof typeof AUDIT_KINDS];

/** One audit entry as a writer gives it: `details` is stored as JSON in the row's `note`. */
export type AuditEntry = Omit<AuditRow, 'id' | 'kind' | 'note'> & {
  kind: AuditKind;
  details?: Record<string, unknown>;
};

/**
 * Appends one entry to the audit log and returns its id: the one writer of the `audit` table, so
 * every row has the same shape and its details one format (JSON). Joins an open Dexie transaction.
 */
export async function recordAudit(database: CounterpartDB, entry: AuditEntry): Promise<number> {
  const { details, ...row } = entry;
  const stored: AuditRow = details === undefined ? row : { ...row, note: JSON.stringify(details) };
  return database.audit.add(stored);
}

/** The details a writer stored with a row (`{}` when none, or when an old row holds free text). */
export function auditDetails(row: Pick<AuditRow, 'note'>): Record<string, unknown> {
  if (!row.note) return {};
  try {
    const parsed: unknown = JSON.parse(row.note);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every row of one kind, or of one kind and action (by the `[kind+action]` index). */
export function auditRows(database: CounterpartDB, kind: AuditKind, action?: AuditAction): Promise<AuditRow[]> {
  const index = database.audit.where('[kind+action]');
  return action ? index.equals([kind, action]).toArray() : index.between([kind, ''], [kind, '\uffff']).toArray();
}

/** One row by id (the id a writer got back), or undefined. */
export function auditRow(database: CounterpartDB, id: number): Promise<AuditRow | undefined> {
  return database.audit.get(id);
}
