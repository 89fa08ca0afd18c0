import type { CounterpartDB } from './schema';

const DAY_MS = 86_400_000;

/** Rows removed per table by one pruning run. */
export interface PruneReport {
  snapshots: number;
  aiCache: number;
  aiUsage: number;
  audit: number;
  shadowAnswers: number;
}

/**
 * Removes snapshots, cached AI answers, usage and audit rows, and the model's shadow answers, older
 * than `days` before `now`, each judged by its own date (`capturedAt`, `createdAt`, `at`), in one transaction. Everything else
 * (imports, plans, past replies, returns, listings) is the user's data and is kept.
 */
export async function pruneOldRows(database: CounterpartDB, days: number, now: Date): Promise<PruneReport> {
  const cutoffMs = now.getTime() - days * DAY_MS;
  const cutoffIso = new Date(cutoffMs).toISOString();
  return database.transaction(
    'rw',
    [database.snapshots, database.aiCache, database.aiUsage, database.audit, database.shadowAnswers],
    async () => ({
      snapshots: await database.snapshots.where('capturedAt').below(cutoffIso).delete(),
      aiCache: await database.aiCache.where('createdAt').below(cutoffIso).delete(),
      aiUsage: await database.aiUsage.where('at').below(cutoffMs).delete(),
      audit: await database.audit.where('at').below(cutoffIso).delete(),
      shadowAnswers: await database.shadowAnswers.where('at').below(cutoffIso).delete(),
    }),
  );
}
