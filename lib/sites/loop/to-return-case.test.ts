// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { extract } from './extract';
import { loadLoopFixture } from './fixture-loader';
import { loopReturnOf } from './to-return-case';

const NOW = new Date('2026-11-20T12:00:00Z');
let open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});

function checked(id: string) {
  const url = `https://admin.loopreturns.com/returns/${id}`;
  const w = loadLoopFixture(url);
  open.push(w);
  return checkPageData(extract(w.document as unknown as Document, new URL(url), NOW));
}

describe('Loop return snapshot to the returns engine’s input', () => {
  it('keeps the case, the return id and each item’s own reason and comment', () => {
    const page = loopReturnOf(checked('48213578'));
    expect(page).toMatchObject({
      returnId: '48213578',
      createdAt: '2026-11-16',
      comment: 'the seam ripped on first wear',
      selectedReason: 'Changed my mind',
      itemNotes: [{ reason: 'Changed my mind', comment: 'the seam ripped on first wear' }],
    });
    expect(page?.case).toMatchObject({
      items: [{ sku: 'CHN-EVD-KHK-3232', title: 'Everyday Chino', price: 68, quantity: 1, final_sale: false }],
      selected_reason: 'Changed my mind',
      order: { number: '#1052', created_at: '2026-11-05', delivered_at: '2026-11-09', country: 'US' },
      customer: { email: 'marcus.bell@example.com', orders_count: 2, returns_count: 0 },
      requested_outcome: 'refund',
    });
    expect(page?.case.history).toBeUndefined();
  });

  it('is null for another page kind, an unrecognised page or no snapshot', () => {
    const snap = checked('48213578');
    expect(loopReturnOf(checkPageData({ ...snap, recognised: false }))).toBeNull();
    expect(loopReturnOf(checkPageData({ ...snap, app: 'shopify', recognised: false }))).toBeNull();
    expect(loopReturnOf(null)).toBeNull();
  });
});
