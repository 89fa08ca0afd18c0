import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../lib/db/schema';
import { retentionSettings } from '../../lib/settings/retention';
import { PRUNE_ALARM, pruneNow, setupRetention } from './retention';

vi.mock('../../lib/clock', async (original) => ({
  ...(await original<typeof import('../../lib/clock')>()),
  now: () => new Date('2026-12-01T12:00:00.000Z'),
}));

async function snapshot(capturedAt: string): Promise<void> {
  await db().snapshots.add({
    app: 'gorgias',
    page: 'ticket',
    entityId: capturedAt,
    url: 'https://a.gorgias.com/app/ticket/1',
    capturedAt,
    hash: 'h',
    data: {},
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db().snapshots.clear();
});

describe('retention in the background', () => {
  it('prunes with the default 90 days, judged by "now" from the clock module', async () => {
    await snapshot('2026-08-01T00:00:00.000Z');
    await snapshot('2026-11-01T00:00:00.000Z');
    await pruneNow();
    expect((await db().snapshots.toArray()).map((r) => r.capturedAt)).toEqual(['2026-11-01T00:00:00.000Z']);
  });

  it('uses the period set in the options', async () => {
    await retentionSettings.setValue({ days: 14 });
    await snapshot('2026-11-01T00:00:00.000Z');
    await pruneNow();
    expect(await db().snapshots.count()).toBe(0);
  });

  it('schedules a daily alarm once', async () => {
    setupRetention();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(PRUNE_ALARM)).toBeTruthy());
    expect((await fakeBrowser.alarms.get(PRUNE_ALARM))?.periodInMinutes).toBe(1440);
  });
});
