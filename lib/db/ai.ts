import type { AiCache, CachedEntry } from '../ai/cache';
import type { UsageRecord } from '../ai/usage';
import type { CounterpartDB } from './schema';

/** The AI answer cache in IndexedDB (the background's own database). */
export function dexieAiCache(database: CounterpartDB): AiCache {
  return {
    async get(key) {
      const row = await database.aiCache.get(key);
      return row ? ({ value: row.value, meta: row.meta, storedAt: row.storedAt } as CachedEntry) : undefined;
    },
    async put(key, entry) {
      await database.aiCache.put({
        key,
        value: entry.value,
        meta: entry.meta,
        storedAt: entry.storedAt,
        createdAt: new Date(entry.storedAt).toISOString(),
      });
    },
  };
}

/** Appends one AI call to the usage log. */
export async function logAiUsage(database: CounterpartDB, record: UsageRecord): Promise<void> {
  await database.aiUsage.add(record);
}

/** The AI calls logged since a time (ms since epoch), as usage records. */
export async function aiUsageSince(database: CounterpartDB, sinceMs: number): Promise<UsageRecord[]> {
  const rows = await database.aiUsage.where('at').aboveOrEqual(sinceMs).toArray();
  return rows.map(({ id: _id, ...r }) => ({ ...r, operation: r.operation as UsageRecord['operation'] }));
}
