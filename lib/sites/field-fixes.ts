import { z } from 'zod';
import { type CheckedSnapshot, checkPageData } from './data-schemas';

/**
 * Fields the user can fill in by hand when the page did not show them (issue 13, item 5): which
 * missing-field messages each one answers, and how a typed value is laid into the page's data.
 * The background applies the fixes in one place (`withFieldFixes`, called where the tab's snapshot
 * becomes an engine's case); the panel lists the same fields next to what was missing.
 */
export interface FixableField {
  app: 'gorgias' | 'loop';
  page: string;
  field: string;
  /** What the panel calls it. */
  label: string;
  /** The adapter's missing-field messages this value answers. */
  answers: RegExp;
}

export const FIXABLE_FIELDS: readonly FixableField[] = [
  {
    app: 'gorgias',
    page: 'ticket',
    field: 'orderNumber',
    label: 'Order number',
    answers: /order widget|order number/i,
  },
  { app: 'gorgias', page: 'ticket', field: 'customerEmail', label: 'Customer e-mail', answers: /customer email/i },
  { app: 'loop', page: 'return', field: 'orderNumber', label: 'Order number', answers: /: order number not found/i },
  { app: 'loop', page: 'return', field: 'reason', label: 'Return reason', answers: /return reason/i },
  { app: 'loop', page: 'return', field: 'comment', label: 'Customer comment', answers: /customer comment/i },
  { app: 'loop', page: 'return', field: 'customerEmail', label: 'Customer e-mail', answers: /customer email/i },
];

export const fieldNameSchema = z.string().regex(/^[a-zA-Z]{1,40}$/);
/** One record's typed values, field → value. */
export const fieldFixesSchema = z.record(fieldNameSchema, z.string().trim().min(1).max(2000));
export type FieldFixes = z.infer<typeof fieldFixesSchema>;

/** The fixable fields a snapshot's missing list names, each with the first message it answers. */
export function fixableMissing(
  snapshot: Pick<CheckedSnapshot, 'app' | 'page' | 'missing'>,
): Array<FixableField & { missing: string }> {
  const out: Array<FixableField & { missing: string }> = [];
  for (const f of FIXABLE_FIELDS) {
    if (f.app !== snapshot.app || f.page !== snapshot.page) continue;
    const missing = snapshot.missing.find((m) => f.answers.test(m));
    if (missing) out.push({ ...f, missing });
  }
  return out;
}

/** The missing-field messages the given filled-in fields answer (the panel marks them "filled in by you"). */
export function answeredMissing(
  snapshot: Pick<CheckedSnapshot, 'app' | 'page' | 'missing'>,
  fields: string[],
): string[] {
  const used = FIXABLE_FIELDS.filter(
    (f) => f.app === snapshot.app && f.page === snapshot.page && fields.includes(f.field),
  );
  return snapshot.missing.filter((m) => used.some((f) => f.answers.test(m)));
}

/** Whether `field` can be fixed on this app's page. */
export function isFixable(app: string, page: string, field: string): boolean {
  return FIXABLE_FIELDS.some((f) => f.app === app && f.page === page && f.field === field);
}

/**
 * The snapshot with the user's values laid in (only where the page left the field empty) and the
 * missing messages they answer removed. The page's own reading always wins over a typed value.
 */
export function withFieldFixes(snapshot: CheckedSnapshot, fixes: FieldFixes | null): CheckedSnapshot {
  if (!fixes || !snapshot.recognised || Object.keys(fixes).length === 0) return snapshot;
  const data = structuredClone(snapshot.data) as Record<string, unknown>;
  if (!data || typeof data !== 'object') return snapshot;
  const used: FixableField[] = [];
  for (const f of FIXABLE_FIELDS) {
    const value = fixes[f.field];
    if (f.app !== snapshot.app || f.page !== snapshot.page || !value) continue;
    if (lay(snapshot.app, f.field, value, data)) used.push(f);
  }
  if (!used.length) return snapshot;
  // Checked again like a published snapshot (fills the order's defaults, holds typed values to the
  // page schema's limits); a value the schema refuses leaves the page's reading as it was.
  const fixed = checkPageData({
    ...snapshot,
    data,
    missing: snapshot.missing.filter((m) => !used.some((f) => f.answers.test(m))),
  });
  return fixed.recognised ? fixed : snapshot;
}

function lay(app: string, field: string, value: string, data: Record<string, unknown>): boolean {
  const customer = (data.customer ?? {}) as Record<string, unknown>;
  if (field === 'customerEmail') {
    if (customer.email) return false;
    data.customer = { ...customer, email: value };
    return true;
  }
  if (app === 'gorgias' && field === 'orderNumber') {
    const orders = Array.isArray(data.orders) ? data.orders : [];
    if (orders.length) return false;
    data.orders = [{ number: value.slice(0, 40) }];
    return true;
  }
  if (app === 'loop') {
    const key = { orderNumber: 'order_number', reason: 'selected_reason', comment: 'comment' }[field];
    if (!key || data[key]) return false;
    data[key] = value.slice(0, { order_number: 100, selected_reason: 300, comment: 2000 }[key]);
    return true;
  }
  return false;
}
