import { describe, expect, it } from 'vitest';
import { pruneOldRows } from './retention';
import { CounterpartDB } from './schema';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function seeded(): Promise<CounterpartDB> {
  const database = new CounterpartDB(`retention-${Math.random()}`);
  for (const [entityId, age] of [
    ['old', 91],
    ['edge', 89],
    ['new', 1],
  ] as const) {
    const at = daysAgo(age);
    await database.snapshots.add({
      app: 'gorgias',
      page: 'ticket',
      entityId,
      url: 'https://a.gorgias.com/app/ticket/1',
      capturedAt: at.toISOString(),
      hash: entityId,
      data: {},
    });
    await database.aiCache.add({
      key: entityId,
      value: 1,
      meta: {},
      storedAt: at.getTime(),
      createdAt: at.toISOString(),
    });
    await database.aiUsage.add({
      at: at.getTime(),
      provider: 'local',
      model: 'm',
      operation: 'draft',
      cached: false,
      durationMs: 1,
    });
    await database.audit.add({
      at: at.toISOString(),
      kind: 'cs.draft',
      app: 'gorgias',
      entityId,
      provider: 'local',
      model: 'm',
      action: 'shown',
    });
    await database.shadowAnswers.add({
      at: at.toISOString(),
      ticketId: entityId,
      localIntent: 'order_status',
      modelIntent: 'order_status',
      provider: 'custom',
    });
  }
  await database.pastReplies.add({
    id: 'gorgias:1',
    ticketId: '1',
    subject: 's',
    customerText: 'c',
    replyText: 'r',
    tags: [],
    createdAt: daysAgo(400).toISOString(),
  });
  return database;
}

describe('retention', () => {
  it('removes snapshots, AI cache, usage, audit and shadow-answer rows older than the period, each by its own date', async () => {
    const database = await seeded();
    const report = await pruneOldRows(database, 90, NOW);
    expect(report).toEqual({ snapshots: 1, aiCache: 1, aiUsage: 1, audit: 1, shadowAnswers: 1 });
    expect((await database.shadowAnswers.toArray()).map((r) => r.ticketId)).toEqual(['edge', 'new']);
    expect((await database.snapshots.toArray()).map((r) => r.entityId)).toEqual(['edge', 'new']);
    expect((await database.aiCache.toArray()).map((r) => r.key).sort()).toEqual(['edge', 'new']);
    expect(await database.aiUsage.count()).toBe(2);
    expect((await database.audit.toArray()).map((r) => r.entityId)).toEqual(['edge', 'new']);
  });

  it('keeps the user’s own data (past replies) whatever its age', async () => {
    const database = await seeded();
    await pruneOldRows(database, 7, NOW);
    expect(await database.pastReplies.count()).toBe(1);
    expect(await database.snapshots.count()).toBe(1);
  });

  it('a shorter period prunes more; running again removes nothing more', async () => {
    const database = await seeded();
    expect(await pruneOldRows(database, 30, NOW)).toEqual({
      snapshots: 2,
      aiCache: 2,
      aiUsage: 2,
      audit: 2,
      shadowAnswers: 2,
    });
    expect(await pruneOldRows(database, 30, NOW)).toEqual({
      snapshots: 0,
      aiCache: 0,
      aiUsage: 0,
      audit: 0,
      shadowAnswers: 0,
    });
  });
});
