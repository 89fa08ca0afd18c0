import type { SnapshotEnvelope } from './snapshot';

/** A recognised Gorgias ticket snapshot for tests; `over` replaces any part of the envelope. */
export function exampleTicketSnapshot(over: Partial<SnapshotEnvelope> = {}): SnapshotEnvelope {
  return {
    app: 'gorgias',
    page: 'ticket',
    entityId: '4101',
    url: 'https://northwind.gorgias.com/app/ticket/4101',
    title: 'Where is my order?',
    capturedAt: '2026-11-27T10:00:00.000Z',
    recognised: true,
    missing: [],
    data: null,
    ...over,
  };
}
