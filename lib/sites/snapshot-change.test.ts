import { describe, expect, it } from 'vitest';
import { exampleTicketSnapshot } from './example-snapshot';
import type { SnapshotEnvelope } from './snapshot';
import { snapshotChange } from './snapshot-change';

const snap = (over: Partial<SnapshotEnvelope> = {}) => exampleTicketSnapshot({ data: { messages: 1 }, ...over });

describe('snapshot change', () => {
  it('treats a re-read of the same page at another time as no change', () => {
    const c = snapshotChange(snap(), snap({ capturedAt: '2026-11-27T10:05:00.000Z' }));
    expect([c.changed, c.keep, c.movedRecord]).toEqual([false, false, false]);
  });

  it('keeps a changed recognised record and says when the tab moved to another record', () => {
    expect(snapshotChange(snap(), snap({ data: { messages: 2 } }))).toMatchObject({
      changed: true,
      keep: true,
      movedRecord: false,
    });
    expect(snapshotChange(snap(), snap({ entityId: '4102' }))).toMatchObject({ changed: true, movedRecord: true });
    expect(snapshotChange(null, snap())).toMatchObject({ changed: true, keep: true, movedRecord: false });
  });

  it('does not keep list pages or unrecognised pages in the history', () => {
    expect(snapshotChange(null, snap({ entityId: null })).keep).toBe(false);
    expect(snapshotChange(null, snap({ recognised: false })).keep).toBe(false);
  });
});
