import { describe, expect, it } from 'vitest';
import { aiUsageSince, dexieAiCache, logAiUsage } from './ai';
import { CounterpartDB } from './schema';

describe('AI storage', () => {
  it('keeps a cached answer with its creation time', async () => {
    const database = new CounterpartDB(`ai-${Math.random()}`);
    const cache = dexieAiCache(database);
    await cache.put('k', { value: { labels: [] }, meta: { provider: 'openai' }, storedAt: 0 } as never);
    expect(await cache.get('k')).toEqual({ value: { labels: [] }, meta: { provider: 'openai' }, storedAt: 0 });
    expect((await database.aiCache.get('k'))?.createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('lists the usage logged since a time, without row ids', async () => {
    const database = new CounterpartDB(`ai-${Math.random()}`);
    const record = {
      provider: 'local',
      model: 'rules-v1',
      operation: 'classify' as const,
      cached: false,
      durationMs: 3,
    };
    await logAiUsage(database, { ...record, at: 100 });
    await logAiUsage(database, { ...record, at: 200 });
    expect(await aiUsageSince(database, 150)).toEqual([{ ...record, at: 200 }]);
  });
});
