import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../messaging/router';
import type { OrderLine } from '../planning/import/types';
import { restoreBackup, type SettingsIO } from './backup';
import { isQuotaError, QUOTA_MESSAGE, storageErrorMessage } from './quota';
import { putSalesLines, readSalesLines } from './sales-lines';
import { CounterpartDB } from './schema';

const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const line = (id: string): OrderLine => ({
  id,
  source: 'shopify-orders',
  channel: 'shopify',
  orderId: `o-${id}`,
  day: '2026-11-01',
  sku: 'TEE',
  qty: 1,
  unitPrice: null,
  currency: null,
  country: null,
  excluded: null,
});

describe('full storage', () => {
  it('is recognised as the DOMException, as Dexie’s error, and wrapped in a transaction abort', () => {
    expect(isQuotaError(full())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', full()))).toBe(true);
    expect(isQuotaError(new Error('outer', { cause: full() }))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('gives a message a person can act on, and other errors keep their own', () => {
    expect(storageErrorMessage(new Dexie.AbortError('x', full()))).toBe(QUOTA_MESSAGE);
    expect(QUOTA_MESSAGE).toMatch(/storage for Counterpart is full, so nothing was saved/);
    expect(storageErrorMessage(new Error('other'))).toBe('other');
  });

  it('a restore that runs out of space half-way leaves every table as it was', async () => {
    const database = new CounterpartDB(`quota-${Math.random()}`);
    await putSalesLines(database, [line('s1'), line('s2')]);
    await database.suppliers.add({
      id: 'p1',
      sku: 'TEE',
      supplier: 'Acme',
      leadTimeDays: 10,
      leadTimeSdDays: null,
      moq: null,
      casePack: null,
      unitCost: null,
      currency: null,
    });
    const settings: SettingsIO & { written: number } = {
      written: 0,
      read: async () => ({}),
      write: async () => {
        settings.written++;
      },
    };
    // salesLines is written first (table order), suppliers second: the second write fails.
    const table = database.table.bind(database);
    const spy = vi.spyOn(database, 'table').mockImplementation((name: string) => {
      const t = table(name) as ReturnType<typeof database.table>;
      if (name === 'suppliers') t.bulkAdd = () => Promise.reject(full()) as never;
      return t;
    });
    await expect(
      restoreBackup(database, settings, {
        format: 'counterpart-backup',
        formatVersion: 2,
        exportedAt: '2026-11-27T12:00:00.000Z',
        schemaVersion: 3,
        tables: { salesLines: [line('s9')], suppliers: [] },
        settings: { 'local:settings.retention': { days: 30 } },
      }),
    ).rejects.toSatisfy(isQuotaError);
    spy.mockRestore();
    expect((await readSalesLines(database)).map((r) => r.id)).toEqual(['s1', 's2']);
    expect(await database.suppliers.count()).toBe(1);
    expect(settings.written).toBe(0);
  });

  it('reaches a page through the background as one clear sentence', async () => {
    const route = createRouter(
      {
        'panel.submitManual': async () => {
          throw new Dexie.AbortError('Transaction aborted', full());
        },
      },
      { runtimeId: 'ext', extensionOrigin: 'chrome-extension://ext' },
    );
    const panel = {
      id: 'ext',
      url: 'chrome-extension://ext/panel.html',
      frameId: 1,
      tab: { id: 4, url: 'https://acme.gorgias.com/app/ticket/9' },
    };
    expect(await route({ type: 'panel.submitManual', payload: { text: 'x' } }, panel)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: QUOTA_MESSAGE },
    });
  });
});

describe('imports that span tables', () => {
  it('a past-replies import that runs out of space writes neither replies nor a log entry', async () => {
    const { importPastRepliesFile } = await import('./past-replies');
    const database = new CounterpartDB(`quota-replies-${Math.random()}`);
    const spy = vi.spyOn(database.imports, 'add').mockImplementation(() => Promise.reject(full()) as never);
    const csv = ['Ticket ID,Subject,Customer message,Agent reply', '9001,Late,Where is it?,On its way.'].join('\n');
    await expect(importPastRepliesFile(database, { content: csv, format: 'csv' }, '2026-11-27')).rejects.toSatisfy(
      isQuotaError,
    );
    spy.mockRestore();
    expect(await database.pastReplies.count()).toBe(0);
    expect(await database.imports.count()).toBe(0);
  });
});
