import { fnv1a } from '../util/hash';
import type { SnapshotEnvelope } from './snapshot';

/** The hash of what a snapshot shows (its capture time left out: a re-read of the same page is no change). */
export const snapshotHash = (snapshot: SnapshotEnvelope): string =>
  fnv1a(JSON.stringify({ ...snapshot, capturedAt: '' }));

/**
 * How a newly published snapshot relates to the tab's previous one: whether anything changed
 * (else it is dropped), whether the tab moved to another record or page kind (then the pasted
 * manual input of the old one no longer applies), and whether it is kept in the snapshot history
 * (recognised pages of one record only).
 */
export function snapshotChange(
  previous: SnapshotEnvelope | null,
  next: SnapshotEnvelope,
): { hash: string; changed: boolean; movedRecord: boolean; keep: boolean } {
  const hash = snapshotHash(next);
  const changed = !previous || snapshotHash(previous) !== hash;
  return {
    hash,
    changed,
    movedRecord: previous !== null && (previous.entityId !== next.entityId || previous.page !== next.page),
    keep: changed && next.recognised && next.entityId !== null && next.entityId !== '',
  };
}
