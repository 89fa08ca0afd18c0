import type { SnapshotEnvelope } from '../sites/snapshot';
import type { CounterpartDB } from './schema';

/** Appends a capture of a record to the snapshot history. */
export async function recordSnapshot(database: CounterpartDB, snapshot: SnapshotEnvelope, hash: string): Promise<void> {
  await database.snapshots.add({
    app: snapshot.app,
    page: snapshot.page,
    entityId: snapshot.entityId,
    url: snapshot.url,
    capturedAt: snapshot.capturedAt,
    hash,
    data: snapshot.data,
  });
}
