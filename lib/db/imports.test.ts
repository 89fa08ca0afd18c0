import { describe, expect, it } from 'vitest';
import { REJECTED_KEPT, recordImport } from './imports';
import { CounterpartDB } from './schema';

describe('import log writer', () => {
  it('counts every rejected row and keeps the first 1000 with their line and reason', async () => {
    const database = new CounterpartDB(`imports-${Math.random()}`);
    const rejected = Array.from({ length: REJECTED_KEPT + 5 }, (_, i) => ({
      line: i + 2,
      reason: 'bad SKU',
      extra: 1,
    }));
    const id = await recordImport(database, {
      source: 'cs.pastReplies',
      fileName: 'replies.csv',
      fileHash: 'abc',
      importedAt: '2026-11-27T10:00:00.000Z',
      rowsTotal: 1105,
      rowsAccepted: 100,
      rejected,
    });
    const row = await database.imports.get(id);
    expect(row?.rowsRejected).toBe(1005);
    expect(row?.rejected).toHaveLength(1000);
    expect(row?.rejected[0]).toEqual({ line: 2, reason: 'bad SKU' });
  });

  it('keeps how the file was read and why nothing was imported, for the loader and the planner', async () => {
    const database = new CounterpartDB(`imports-${Math.random()}`);
    const read = {
      fatal: 'Supplier sheet: dates could not be told',
      encoding: 'windows-1252',
      delimiter: ';',
      dateOrder: null,
      needsDateOrder: { examples: ['03/11/2026'] },
    };
    const id = await recordImport(database, {
      source: 'suppliers',
      fileName: 'suppliers.csv',
      fileHash: 'h',
      importedAt: '2026-11-27T10:00:00.000Z',
      rowsTotal: 3,
      rowsAccepted: 0,
      rejected: [],
      ...read,
    });
    expect(await database.imports.get(id)).toMatchObject(read);
  });
});
