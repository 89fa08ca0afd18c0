/**
 * Files that yielded nothing usable (a fatal import, or no rows at all) and what they do to a plan.
 * A plan built without its orders, counts, supplier terms or bundles would look confident and be
 * wrong ("no sales… order 0, confidence high" from an empty orders file), so every line such a file
 * feeds is blocked with the reason instead: no quantity, no confidence. Which SKUs a file that could
 * not be read would have fed is unknowable, so it blocks them all. Calendar and products files only
 * aim promos: they lower confidence instead.
 */
import type { CheckItem } from './quality';
import type { PlanLine } from './reorder-line';

/** What a file is for in a plan, by the source that reads it. */
export const FILE_ROLES = {
  'shopify-orders': 'orders',
  'amazon-orders': 'orders',
  'shopify-inventory': 'inventory',
  'fba-inventory': 'inventory',
  '3pl-onhand': 'inventory',
  suppliers: 'suppliers',
  bundles: 'bundles',
  calendar: 'calendar',
  products: 'products',
  budget: 'budget',
} as const;
export type FileRole = (typeof FILE_ROLES)[keyof typeof FILE_ROLES];

/** Roles without which no line can be trusted. */
const BLOCKING: ReadonlySet<FileRole> = new Set(['orders', 'inventory', 'suppliers', 'bundles']);

/** A file whose import gave nothing usable: its source, name and the reason in plain words. */
export interface UnusableFile {
  /** The source that read it (`shopify-orders`…) or its role when the source was not recognised. */
  source: string;
  file: string;
  reason: string;
}

/** The role of a source id (`orders` for `shopify-orders`), or null for an id that is no source. */
export function roleOf(source: string): FileRole | null {
  return (FILE_ROLES as Record<string, FileRole>)[source] ?? (source in ROLE_WORDS ? (source as FileRole) : null);
}

const ROLE_WORDS: Record<FileRole, string> = {
  orders: 'orders',
  inventory: 'inventory',
  suppliers: 'suppliers',
  bundles: 'bundles',
  calendar: 'calendar',
  products: 'products',
  budget: 'budget',
};

/**
 * Why an import is unusable for planning, or null when it is usable: its fatal message, or that it
 * had no usable rows (every row rejected, or an empty file).
 */
export function unusableReason(r: { fatal: string | null; records: number; rowsRead: number; rejected: number }) {
  if (r.fatal) return r.fatal;
  if (r.records > 0) return null;
  if (r.rowsRead === 0) return 'the file has no data rows';
  return r.rejected > 0 ? `none of its ${r.rowsRead} rows could be used (${r.rejected} rejected)` : 'no usable rows';
}

/** "the orders file orders.csv could not be read: <reason>" */
export function blockWords(f: UnusableFile): string {
  const role = roleOf(f.source);
  return `the ${role ? ROLE_WORDS[role] : f.source} file ${f.file} could not be read: ${f.reason}`;
}

/** The checklist item for unusable files (ok when there are none). */
export function unusableCheck(files: readonly UnusableFile[], skus: readonly string[]): CheckItem {
  const blocking = files.filter((f) => BLOCKING.has(roleOf(f.source) as FileRole));
  return {
    id: 'unusable-file',
    ok: files.length === 0,
    severity: 'error',
    title: files.length === 0 ? 'Every imported file was read' : 'A file could not be read',
    detail:
      files.length === 0
        ? 'No import failed or came out empty.'
        : `${files.map((f) => blockWords(f)).join('; ')}. ${blocking.length > 0 ? 'The plan is blocked for the SKUs it feeds until the file is fixed and imported again.' : 'Promos may be missing: confidence is low.'}`,
    skus: blocking.length > 0 ? [...skus] : [],
  };
}

/** Blocks a line for the unusable files that feed it (all of them for orders, counts, suppliers, bundles); returns it changed in place. */
export function blockLine(line: PlanLine, files: readonly UnusableFile[]): PlanLine {
  const blocking = files.filter((f) => BLOCKING.has(roleOf(f.source) as FileRole));
  if (blocking.length === 0) {
    if (files.length > 0) {
      const reasons = files.map((f) => blockWords(f));
      line.confidence = 'low';
      line.confidenceReasons = [...reasons, ...line.confidenceReasons];
      line.rationale = `${line.rationale} Confidence low: ${reasons.join('; ')}.`;
    }
    return line;
  }
  return blockLineFor(
    line,
    blocking.map((f) => blockWords(f)),
  );
}

/**
 * Blocks a line for figures that cannot be trusted (an unreadable file, a failed data check):
 * no quantity, no cost, no confidence, the reasons in its rationale. Returns it changed in place.
 */
export function blockLineFor(line: PlanLine, words: readonly string[]): PlanLine {
  line.blocked = words.join('; ');
  line.action = 'blocked';
  line.neededQty = null;
  line.orderQty = null;
  line.orderCost = null;
  line.cash = { status: 'none', fundedQty: null, note: null };
  line.confidence = 'low';
  line.confidenceReasons = [...words];
  line.rationale = `Blocked: ${line.blocked}. No quantity until it is fixed and imported again.`;
  return line;
}

/** One import log entry as the loader passes it (the `imports` table's row, without Dexie). */
export interface LoggedImport {
  id?: number;
  source: string;
  fileName: string;
  importedAt: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  fatal?: string | null;
}

/**
 * The unusable files by the import log: for each source, its latest import when that one gave
 * nothing usable (a later good import of the source lifts the block; importing a broken file over
 * good data blocks, since the data it should have replaced is now of unknown age).
 */
export function unusableFromLog(log: readonly LoggedImport[]): UnusableFile[] {
  const latest = new Map<string, LoggedImport>();
  for (const e of log) {
    const seen = latest.get(e.source);
    if (!seen || e.importedAt > seen.importedAt || (e.importedAt === seen.importedAt && (e.id ?? 0) > (seen.id ?? 0)))
      latest.set(e.source, e);
  }
  const out: UnusableFile[] = [];
  for (const e of latest.values()) {
    if (roleOf(e.source) === 'budget') continue;
    const reason = unusableReason({
      fatal: e.fatal ?? null,
      records: e.rowsAccepted,
      rowsRead: e.rowsTotal,
      rejected: e.rowsRejected,
    });
    if (reason) out.push({ source: e.source, file: e.fileName, reason });
  }
  return out.sort((a, b) => a.source.localeCompare(b.source));
}
