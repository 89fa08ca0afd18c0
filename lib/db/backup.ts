import { z } from 'zod';
import { detectInjection } from '../ai/guards/injection';
import type { OrderLine } from '../planning/import/types';
import { BACKUP_SETTING_KEYS } from '../settings/items';
import { SETTING_SCHEMAS } from '../settings/setting-schemas';
import { ROW_SCHEMAS } from './row-schemas';
import { readSalesLines, replaceSalesLines } from './sales-lines';
import { type CounterpartDB, TABLE_NAMES } from './schema';

export const BACKUP_FORMAT = 'counterpart-backup';
/** The format this version writes. 1: settings held the AI provider. 2: the provider is for reference only. */
export const BACKUP_FORMAT_VERSION = 2;

/**
 * The tables a backup file holds: the database's, with the sales lines one row per line under
 * `salesLines` (as before they were stored packed) instead of their packs, so files of every
 * version restore alike and a restore checks and compares each line.
 */
type TableName = Exclude<(typeof TABLE_NAMES)[number], 'salesPacks'> | 'salesLines';
const unpacked = TABLE_NAMES.filter((t): t is Exclude<typeof t, 'salesPacks'> => t !== 'salesPacks');
/** In the order earlier versions wrote them (sales lines after returns). */
export const BACKUP_TABLES: readonly TableName[] = [
  ...unpacked.slice(0, unpacked.indexOf('returns') + 1),
  'salesLines',
  ...unpacked.slice(unpacked.indexOf('returns') + 1),
];
// Every table has a row schema (compile-time).
const _allChecked: Record<TableName, unknown> = ROW_SCHEMAS;

/** A backup table's rows as stored. */
async function storedRows(database: CounterpartDB, name: TableName): Promise<Record<string, unknown>[]> {
  if (name === 'salesLines') return (await readSalesLines(database)) as unknown as Record<string, unknown>[];
  return (await database.table(name).toArray()) as Record<string, unknown>[];
}
void _allChecked;

/**
 * Tables a restore never writes: the AI cache is rebuilt by use, and a cached answer planted by a
 * file would be served as the model's own (a draft with the attacker's link, a safe intent).
 */
export const NOT_RESTORED_TABLES: readonly TableName[] = ['aiCache'];

/** The AI provider's settings key as format 1 wrote it inside `settings`. */
const PROVIDER_KEY = 'local:settings.ai';

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  exportedAt: z.string(),
  schemaVersion: z.number().int().positive(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  settings: z.record(z.string(), z.unknown()),
  /** Settings a restore never applies (the AI provider), kept so a person can re-enter them. */
  reference: z.record(z.string(), z.unknown()).optional(),
});
export type Backup = z.infer<typeof envelope>;

/** How a backup reads and writes configuration (WXT storage in the extension, a map in tests). */
export interface SettingsIO {
  read(): Promise<Record<string, unknown>>;
  write(values: Record<string, unknown>): Promise<void>;
}

/**
 * Every table and setting in one JSON-serialisable object; secrets live elsewhere and are never
 * included. `provider` (the AI settings without the key) is written under `reference` only.
 */
export async function exportBackup(
  database: CounterpartDB,
  settings: SettingsIO,
  now: Date,
  provider?: unknown,
): Promise<Backup> {
  const tables: Backup['tables'] = {};
  await database.transaction('r', database.tables, async () => {
    for (const name of BACKUP_TABLES) tables[name] = await storedRows(database, name);
  });
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: database.verno,
    tables,
    settings: await settings.read(),
    ...(provider === undefined ? {} : { reference: { [PROVIDER_KEY]: provider } }),
  };
}

/**
 * A backup of an older format in today's shape. Format 1 kept the AI provider among the settings;
 * it moves to `reference` (never restored). Rows need no change: Dexie versions 1–3 only added
 * tables and indexes.
 */
export function migrateBackup(backup: Backup): Backup {
  // Also for a current-format file that carries the provider among its settings (hand-made or
  // crafted): it is set aside, never applied.
  if (backup.formatVersion >= BACKUP_FORMAT_VERSION && !(PROVIDER_KEY in backup.settings)) return backup;
  const { [PROVIDER_KEY]: provider, ...settings } = backup.settings;
  return {
    ...backup,
    formatVersion: BACKUP_FORMAT_VERSION,
    settings,
    ...(provider === undefined ? {} : { reference: { ...backup.reference, [PROVIDER_KEY]: provider } }),
  };
}

/** What restoring a table would do. `removed`: rows now stored that the file's table lacks. */
export interface TableDiff {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** Rows that fail their schema (the restore refuses the file while there are any). */
  invalid: Array<{ index: number; reason: string }>;
  /** Rows held back (not restored) with why, e.g. past replies that read as instructions to the model. */
  held: Array<{ index: number; reason: string }>;
}

/** What restoring a setting would do. */
export interface SettingDiff {
  status: 'changed' | 'unchanged' | 'invalid' | 'unknown';
  /** Top-level fields whose value changes. */
  fields: string[];
  reason?: string;
}

/** A checked backup and what applying it would change; nothing is written until `applyRestore`. */
export interface RestorePlan {
  exportedAt: string;
  /** The file's format version, before migration. */
  fromFormat: number;
  tables: Partial<Record<TableName, TableDiff>>;
  /** Tables the file lacks: left as they are. */
  untouched: TableName[];
  /** Tables the file has but a restore never writes (left as they are). */
  skipped: TableName[];
  settings: Record<string, SettingDiff>;
  /** The file carries AI provider settings: never restored (endpoint and key are entered again). */
  providerIgnored: boolean;
  /** True when nothing blocks applying: no invalid row, no invalid or unknown setting. */
  ok: boolean;
  /** Checked rows and settings to write. */
  rows: Partial<Record<TableName, Record<string, unknown>[]>>;
  values: Record<string, unknown>;
}

/** Key-order-independent JSON, to compare a file's row with the stored one. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
}

/** Text of a past reply the drafter would show the model as an example, screened like a ticket. */
function heldPastReply(row: Record<string, unknown>): string | null {
  for (const field of ['subject', 'customerText', 'replyText'] as const) {
    const result = detectInjection(String(row[field] ?? ''));
    if (result.injection) return `${field} reads as instructions to the model (${result.reasons[0] ?? 'injection'})`;
  }
  return null;
}

/**
 * Checks a parsed backup file and works out what restoring it would change, without writing:
 * every row against its table's schema, every setting against its schema, past replies through
 * the injection detector. Throws when the file is not a backup or comes from a newer version.
 */
export async function planRestore(database: CounterpartDB, settings: SettingsIO, input: unknown): Promise<RestorePlan> {
  const parsed = envelope.safeParse(input);
  if (!parsed.success) {
    throw new Error(`This file is not a Counterpart backup: ${z.prettifyError(parsed.error).split('\n')[0]}`);
  }
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION || parsed.data.schemaVersion > database.verno) {
    throw new Error(
      `This backup comes from a newer Counterpart (data version ${parsed.data.schemaVersion}, format ${parsed.data.formatVersion}; this one reads up to ${database.verno}, format ${BACKUP_FORMAT_VERSION}). Update the extension first.`,
    );
  }
  const backup = migrateBackup(parsed.data);
  const unknownTables = Object.keys(backup.tables).filter((t) => !(BACKUP_TABLES as string[]).includes(t));
  if (unknownTables.length)
    throw new Error(`The backup names tables this version does not know: ${unknownTables.join(', ')}.`);

  const plan: RestorePlan = {
    exportedAt: backup.exportedAt,
    fromFormat: parsed.data.formatVersion,
    tables: {},
    untouched: BACKUP_TABLES.filter((t) => !(t in backup.tables)),
    skipped: NOT_RESTORED_TABLES.filter((t) => t in backup.tables),
    settings: {},
    providerIgnored: backup.reference?.[PROVIDER_KEY] !== undefined,
    ok: true,
    rows: {},
    values: {},
  };

  await database.transaction('r', database.tables, async () => {
    for (const name of BACKUP_TABLES) {
      const fileRows = backup.tables[name];
      if (!fileRows || NOT_RESTORED_TABLES.includes(name)) continue;
      const keyPath = name === 'salesLines' ? 'id' : (database.table(name).schema.primKey.keyPath as string);
      const stored = new Map<unknown, string>();
      for (const row of await storedRows(database, name)) stored.set(row[keyPath], canonical(row));
      const diff: TableDiff = { added: 0, changed: 0, unchanged: 0, removed: 0, invalid: [], held: [] };
      const keep: Record<string, unknown>[] = [];
      const seen = new Set<unknown>();
      fileRows.forEach((raw, index) => {
        const checked = ROW_SCHEMAS[name].safeParse(raw);
        if (!checked.success) {
          diff.invalid.push({ index, reason: firstIssue(checked.error) });
          return;
        }
        const row = checked.data as Record<string, unknown>;
        const held = name === 'pastReplies' ? heldPastReply(row) : null;
        if (held) {
          diff.held.push({ index, reason: held });
          return;
        }
        const key = row[keyPath];
        if (key !== undefined && seen.has(key)) {
          diff.invalid.push({ index, reason: `${keyPath} ${String(key)} appears twice` });
          return;
        }
        seen.add(key);
        keep.push(row);
        const before = key === undefined ? undefined : stored.get(key);
        if (before === undefined) diff.added++;
        else if (before === canonical(row)) diff.unchanged++;
        else diff.changed++;
      });
      diff.removed = [...stored.keys()].filter((k) => !seen.has(k)).length;
      if (diff.invalid.length) plan.ok = false;
      plan.tables[name] = diff;
      plan.rows[name] = keep;
    }
  });

  const current = await settings.read();
  for (const [key, value] of Object.entries(backup.settings)) {
    const schema = (SETTING_SCHEMAS as Record<string, z.ZodType>)[key];
    if (!schema || !(BACKUP_SETTING_KEYS as readonly string[]).includes(key)) {
      plan.settings[key] = { status: 'unknown', fields: [], reason: 'not a setting a backup restores' };
      plan.ok = false;
      continue;
    }
    const checked = schema.safeParse(value);
    if (!checked.success) {
      plan.settings[key] = { status: 'invalid', fields: [], reason: firstIssue(checked.error) };
      plan.ok = false;
      continue;
    }
    const next = checked.data as Record<string, unknown>;
    const before = (current[key] ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(next)])]
      .filter((f) => canonical(before[f]) !== canonical(next[f]))
      .sort();
    plan.settings[key] = { status: fields.length ? 'changed' : 'unchanged', fields };
    plan.values[key] = next;
  }
  return plan;
}

export interface RestoreReport {
  tables: Record<string, number>;
  settings: number;
  held: number;
}

/**
 * Applies a plan: each table the file contains is replaced by its checked rows, all in one
 * transaction (a failure, e.g. a full disk, leaves every table as it was); tables the file lacks
 * and the AI cache are left alone; then the checked settings are written. Refuses a plan with
 * invalid rows or settings.
 */
export async function applyRestore(
  database: CounterpartDB,
  settings: SettingsIO,
  plan: RestorePlan,
): Promise<RestoreReport> {
  if (!plan.ok) {
    const bad = [
      ...Object.entries(plan.tables).flatMap(([t, d]) => d.invalid.map((i) => `${t} row ${i.index + 1}: ${i.reason}`)),
      ...Object.entries(plan.settings)
        .filter(([, d]) => d.status === 'invalid' || d.status === 'unknown')
        .map(([k, d]) => `${k}: ${d.reason}`),
    ];
    throw new Error(
      `This backup has entries that fail their checks, so nothing was changed: ${bad.slice(0, 5).join('; ')}.`,
    );
  }
  const names = Object.keys(plan.rows) as TableName[];
  const report: RestoreReport = { tables: {}, settings: Object.keys(plan.values).length, held: 0 };
  if (names.length) {
    await database.transaction(
      'rw',
      names.map((n) => database.table(n === 'salesLines' ? 'salesPacks' : n)),
      async () => {
        for (const name of names) {
          const rows = plan.rows[name] ?? [];
          report.tables[name] = rows.length;
          // Sales lines are checked one by one above, then stored packed.
          if (name === 'salesLines') {
            await replaceSalesLines(database, rows as unknown as OrderLine[]);
            continue;
          }
          const table = database.table(name);
          await table.clear();
          await table.bulkAdd(rows);
        }
      },
    );
  }
  report.held = Object.values(plan.tables).reduce((n, d) => n + d.held.length, 0);
  await settings.write(plan.values);
  return report;
}

/** Checks and applies a backup in one step (the CLI and tests; the options page shows the plan first). */
export async function restoreBackup(
  database: CounterpartDB,
  settings: SettingsIO,
  input: unknown,
): Promise<RestoreReport> {
  return applyRestore(database, settings, await planRestore(database, settings, input));
}
