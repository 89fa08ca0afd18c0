import { describe, expect, it } from 'vitest';
import { checkPageData } from './data-schemas';
import type { SnapshotEnvelope } from './snapshot';

const base: SnapshotEnvelope = {
  app: 'gorgias',
  page: 'ticket',
  entityId: '4101',
  url: 'https://acme.gorgias.com/app/views/123/4101',
  title: 'Where is my order?',
  capturedAt: '2026-11-27T10:00:00.000Z',
  recognised: true,
  missing: [],
  data: { ticketId: 4101 },
};

describe('checkPageData', () => {
  it('turns data that breaks its page schema into an unrecognised snapshot that says why', () => {
    const checked = checkPageData(base);
    expect(checked.recognised).toBe(false);
    expect(checked.data).toBeNull();
    expect(checked.missing.at(-1)).toMatch(/did not pass validation/);
  });
  it('passes through pages without a schema and unrecognised pages untouched', () => {
    const list = { ...base, page: 'list', data: { anything: 1 } };
    expect(checkPageData(list)).toBe(list);
    const unknown = { ...base, recognised: false };
    expect(checkPageData(unknown)).toBe(unknown);
  });
});
