import { z } from 'zod';
import { type CounterpartDB, TABLE_NAMES } from './schema';

export const BACKUP_FORMAT = 'counterpart-backup';

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  schemaVersion: z.number().int().positive(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  settings: z.record(z.string(), z.unknown()),
});
export type Backup = z.infer<typeof backupSchema>;

/** How a backup reads and writes configuration (WXT storage in the extension, a map in tests). */
export interface SettingsIO {
  read(): Promise<Record<string, unknown>>;
  write(values: Record<string, unknown>): Promise<void>;
}

/** Every table and setting in one JSON-serialisable object; secrets live elsewhere and are never included. */
export async function exportBackup(database: CounterpartDB, settings: SettingsIO, now: Date): Promise<Backup> {
  const tables: Backup['tables'] = {};
  await database.transaction('r', database.tables, async () => {
    for (const name of TABLE_NAMES) tables[name] = (await database.table(name).toArray()) as Record<string, unknown>[];
  });
  return {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    exportedAt: now.toISOString(),
    schemaVersion: database.verno,
    tables,
    settings: await settings.read(),
  };
}

export interface RestoreReport {
  tables: Record<string, number>;
  settings: number;
}

/**
 * Replaces all data with a backup, in one transaction: a file that does not parse, names an
 * unknown table or comes from a newer schema changes nothing.
 */
export async function restoreBackup(
  database: CounterpartDB,
  settings: SettingsIO,
  input: unknown,
): Promise<RestoreReport> {
  const parsed = backupSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`This file is not a Counterpart backup: ${z.prettifyError(parsed.error).split('\n')[0]}`);
  }
  const backup = parsed.data;
  if (backup.schemaVersion > database.verno) {
    throw new Error(
      `This backup comes from a newer Counterpart (data version ${backup.schemaVersion}, this one reads up to ${database.verno}). Update the extension first.`,
    );
  }
  const unknown = Object.keys(backup.tables).filter((t) => !(TABLE_NAMES as string[]).includes(t));
  if (unknown.length) throw new Error(`The backup names tables this version does not know: ${unknown.join(', ')}.`);
  const report: RestoreReport = { tables: {}, settings: Object.keys(backup.settings).length };
  await database.transaction('rw', database.tables, async () => {
    for (const name of TABLE_NAMES) {
      const table = database.table(name);
      await table.clear();
      const rows = backup.tables[name] ?? [];
      await table.bulkAdd(rows);
      report.tables[name] = rows.length;
    }
  });
  await settings.write(backup.settings);
  return report;
}
