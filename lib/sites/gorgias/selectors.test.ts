// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadGorgiasFixture } from './fixture-loader';
import { queryAll, SELECTORS, type SelectorName } from './selectors';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});
function counts(path: string): Record<SelectorName, number> {
  const w = loadGorgiasFixture('app.html', `https://northwind.gorgias.com${path}`);
  opened.push(w);
  const doc = w.document as unknown as Document;
  return Object.fromEntries(
    (Object.keys(SELECTORS) as SelectorName[]).map((k) => [k, queryAll(doc, k).length]),
  ) as Record<SelectorName, number>;
}

// Ticket 4104: 3 messages (customer, agent, customer), one tag, one order with two line items.
// channelIcon counts the three message icons plus the tag chip's `close` ligature (legacy only).
const COMMON = {
  customerLink: 1,
  sidebar: 1,
  message: 3,
  messageBody: 3,
  messageAuthor: 3,
  messageTime: 3,
  tagChip: 1,
  shopifyWidget: 1,
  orderCard: 1,
  copyProductTitle: 2,
  copySku: 2,
  replyEditor: 1,
  replyPlaceholder: 1,
};

describe('Gorgias selector match counts per fixture variant', () => {
  it('legacy UI', () => {
    expect(counts('/app/views/123/4104')).toEqual({
      ...COMMON,
      ticketHeader: 1,
      subjectInput: 1,
      subjectTextbox: 0,
      threadRoot: 1,
      channelIcon: 4,
      tagsV2: 0,
      tagsLegacy: 1,
    });
  });

  it('helpdesk v2 UI', () => {
    expect(counts('/app/views/123/4104?ui=v2')).toEqual({
      ...COMMON,
      ticketHeader: 0,
      subjectInput: 0,
      subjectTextbox: 1,
      threadRoot: 1,
      channelIcon: 3,
      tagsV2: 1,
      tagsLegacy: 0,
    });
  });

  it('drift variant: thread found only by its module-class fallback (scroll container and list)', () => {
    expect(counts('/app/views/123/4104?ui=drift')).toEqual({
      ...COMMON,
      ticketHeader: 1,
      subjectInput: 1,
      subjectTextbox: 0,
      threadRoot: 2,
      channelIcon: 4,
      tagsV2: 0,
      tagsLegacy: 1,
    });
  });

  it('ticket without a Shopify widget matches no widget, card or copy button', () => {
    const c = counts('/app/views/123/4106');
    expect([c.shopifyWidget, c.orderCard, c.copySku, c.copyProductTitle]).toEqual([0, 0, 0, 0]);
    expect(c.message).toBe(1);
  });
});
