// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotEnvelopeSchema } from '../snapshot-schema';
import { extract } from './extract';
import { loadGorgiasFixture } from './fixture-loader';
import { normaliseTicket } from './normalise';
import { type GorgiasTicket, gorgiasTicketSchema } from './schema';
import { queryAll, queryFirst, SELECTORS } from './selectors';

const BASE = 'https://northwind.gorgias.com';
const opened: Array<{ close(): void }> = [];
function open(path: string, file = 'app.html') {
  const w = loadGorgiasFixture(file, `${BASE}${path}`);
  opened.push(w);
  return { w, doc: w.document as unknown as Document };
}
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});
const read = (path: string, file = 'app.html') => {
  const { doc } = open(path, file);
  const snap = extract(doc, new URL(`${BASE}${path}`));
  return { snap, data: snap.data as GorgiasTicket };
};

describe('Gorgias selectors on the fixtures', () => {
  it('match the expected number of elements per UI variant', () => {
    const legacy = open('/app/views/123/4104').doc;
    expect(queryAll(legacy, 'message')).toHaveLength(3);
    expect(legacy.querySelectorAll(SELECTORS.subjectInput[0])).toHaveLength(1);
    expect(queryFirst(legacy, 'subjectTextbox')).toBeNull();
    expect(legacy.querySelectorAll(SELECTORS.threadRoot[0])).toHaveLength(1);
    expect(legacy.querySelectorAll(SELECTORS.replyEditor[0])).toHaveLength(1);
    expect(queryAll(legacy, 'orderCard')).toHaveLength(1);
    expect(queryAll(legacy, 'copySku')).toHaveLength(2);

    const v2 = open('/app/views/123/4104?ui=v2').doc;
    expect(v2.querySelectorAll(SELECTORS.message[0])).toHaveLength(0);
    expect(v2.querySelectorAll(SELECTORS.message[1])).toHaveLength(3);
    expect(v2.querySelectorAll(SELECTORS.subjectTextbox[0])).toHaveLength(1);
    expect(v2.querySelectorAll(SELECTORS.tagsV2[0])).toHaveLength(1);

    const drift = open('/app/views/123/4104?ui=drift').doc;
    expect(drift.querySelectorAll(SELECTORS.threadRoot[0])).toHaveLength(0);
    expect(queryFirst(drift, 'threadRoot')?.selector).toBe('[class*="TicketThread--"]');
    expect(queryFirst(drift, 'shopifyWidget')?.selector).toBe('[class*="ShopifyWidget--"]');

    const noOrder = open('/app/views/123/4106').doc;
    expect(queryAll(noOrder, 'orderCard')).toHaveLength(0);
  });
});

describe('extract (Gorgias ticket view)', () => {
  it('reads the WISMO ticket with its order, tracking and tags (legacy UI)', () => {
    const { snap, data } = read('/app/views/123/4101');
    expect(snapshotEnvelopeSchema.parse(snap)).toMatchObject({
      app: 'gorgias',
      page: 'ticket',
      entityId: '4101',
      recognised: true,
      missing: [],
    });
    expect(gorgiasTicketSchema.parse(data)).toBeTruthy();
    expect(data).toMatchObject({
      ticketId: '4101',
      subject: 'Where is my order #1047?',
      channel: 'email',
      customer: { name: 'Jane Doe', email: 'jane.doe@example.com', id: '77' },
      tags: ['wismo', 'vip'],
      partial: false,
      ui: 'legacy',
    });
    expect(data.messages.map((m) => [m.id, m.from, m.author])).toEqual([
      ['1001', 'customer', 'Jane Doe'],
      ['1002', 'internal', 'Priya (Team lead)'],
    ]);
    expect(data.messages[0]!.body).toBe(
      "Hi there,\n\nI ordered the Classic Tee (order #1047) on November 18th and haven't received it yet. Could you tell me where it is and when I can expect it?\n\nThanks so much,\nJane",
    );
    // The page's words as shown; the background's normaliseTicket gives the engine's terms.
    expect(data.orders[0]).toMatchObject({ total: '$89.00 USD', currency: null });
    expect(normaliseTicket(data).orders).toEqual([
      {
        number: '#1047',
        financial_status: 'Paid',
        fulfillment_status: 'Fulfilled',
        tracking_number: '1Z999AA10123456784',
        carrier: 'UPS',
        tracking_url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        total: '89.00',
        currency: 'USD',
        created_at: '2026-11-18',
        line_items: [{ sku: 'TSHIRT-BLK-M', title: 'Classic Tee — Black / M', quantity: 2, price: '44.50' }],
      },
    ]);
  });

  it('reads the v2 UI (breadcrumb subject, data-variant roles) and marks the virtualised thread partial', () => {
    const { data } = read('/app/views/123/4104?ui=v2');
    expect(data.ui).toBe('v2');
    expect(data.partial).toBe(true);
    expect(data.subject).toBe('STILL waiting for my order!!');
    expect(data.messages.map((m) => m.from)).toEqual(['customer', 'agent', 'customer']);
    expect(data.orders[0]!.line_items.map((l) => l.quantity)).toEqual([1, 1]);
  });

  it('falls back when hashes change and hooks disappear (drift variant)', () => {
    const { snap, data } = read('/app/views/123/4101?ui=drift');
    expect(snap.missing).toEqual([]);
    expect(data.messages).toHaveLength(2);
    expect(data.orders[0]!.number).toBe('#1047');
  });

  it('reads the Instagram channel from the source icon', () => {
    expect(read('/app/tickets/5/4103').data.channel).toBe('instagram-direct-message');
  });

  it('names the missing order widget on a ticket without one', () => {
    const { snap, data } = read('/app/ticket/4106');
    expect(snap.recognised).toBe(true);
    expect(snap.missing).toEqual(['Gorgias: order widget not found on ticket view']);
    expect(data.orders).toEqual([]);
  });

  it('follows SPA navigation: the next ticket is read after pushState', () => {
    const { w, doc } = open('/app/views/123/4101');
    (doc.querySelector('[data-ticket-link="4102"]') as HTMLElement).click();
    expect(w.location.pathname).toBe('/app/views/123/4102');
    const snap = extract(doc, new URL(w.location.href));
    expect(snap.entityId).toBe('4102');
    expect((snap.data as GorgiasTicket).subject).toBe('Charged twice for my order');
  });

  it('says it could not read an unrecognisable page at a ticket URL', () => {
    const { snap } = read('/app/views/123/9999', 'unknown.html');
    expect(snap.recognised).toBe(false);
    expect(snap.data).toBeNull();
    expect(snap.missing).toContain('Gorgias: ticket thread not found on ticket view');
  });

  it('stays idle on a list page and never throws on an empty document', () => {
    const { snap } = read('/app/views/123');
    expect(snap).toMatchObject({ page: 'list', entityId: null, recognised: false, missing: [] });
    const empty = document.implementation.createHTMLDocument('');
    expect(extract(empty, new URL(`${BASE}/app/ticket/1`)).recognised).toBe(false);
  });
});
