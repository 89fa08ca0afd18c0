import { describe, expect, it } from 'vitest';
import { type HistoryIo, type HistoryProgress, intentFromLabel, readGorgiasHistory } from './history';

const customer = (text: string, intents: Array<{ name: string; rejected?: boolean }> = []) => ({
  public: true,
  from_agent: false,
  body_text: text,
  stripped_text: text,
  intents,
});
const agent = (text: string) => ({ public: true, from_agent: true, body_text: text });

/** Two list pages (documented shape) and the tickets; the second page answers 429 once. */
function fakeGorgias(opts: { throttleOnce?: boolean } = {}) {
  const asked: string[] = [];
  const waits: number[] = [];
  let throttled = false;
  const tickets: Record<string, unknown> = {
    '11': {
      id: 11,
      tags: [],
      messages: [
        customer('Where is my parcel? Ordered ten days ago.', [{ name: 'order/status' }]),
        agent('On its way!'),
      ],
    },
    '12': {
      id: 12,
      tags: [{ name: 'VIP' }, { name: 'Refund' }],
      messages: [customer('I sent the jumper back, when do I get my money?')],
    },
    '13': { id: 13, tags: [{ name: 'spam' }], messages: [customer('Win a prize')] },
    '14': {
      id: 14,
      tags: [],
      messages: [
        customer('Can I change the address on my order?', [
          { name: 'shipping/status', rejected: true },
          { name: 'address change' },
        ]),
      ],
    },
  };
  const io: HistoryIo = {
    async get(path) {
      asked.push(path);
      const url = new URL(path, 'https://acme.gorgias.com');
      if (url.pathname === '/api/tickets') {
        if (!url.searchParams.get('cursor'))
          return {
            status: 200,
            retryAfter: null,
            json: {
              data: [
                { id: 11, tags: [] },
                { id: 12, tags: [{ name: 'Refund' }] },
              ],
              meta: { next_cursor: 'c2' },
            },
          };
        if (opts.throttleOnce && !throttled) {
          throttled = true;
          return { status: 429, retryAfter: '3', json: null };
        }
        return {
          status: 200,
          retryAfter: null,
          json: {
            data: [
              { id: 13, tags: [{ name: 'spam' }] },
              { id: 14, tags: [] },
            ],
            meta: { next_cursor: null },
          },
        };
      }
      const m = /^\/api\/tickets\/(\d+)\/$/.exec(url.pathname);
      return m && tickets[m[1]!]
        ? { status: 200, retryAfter: null, json: tickets[m[1]!] }
        : { status: 404, retryAfter: null, json: null };
    },
    async wait(ms) {
      waits.push(ms);
    },
    now: () => 1_000_000,
  };
  return { io, asked, waits };
}

describe('past tickets through the Gorgias API (issue 15 item 4)', () => {
  it('matches brand tags and Gorgias intent names to our intents', () => {
    expect(intentFromLabel('order/status')).toBe('order_status');
    expect(intentFromLabel('ORDER_STATUS')).toBe('order_status');
    expect(intentFromLabel('Refund')).toBe('refund_status');
    expect(intentFromLabel('WISMO')).toBe('order_status');
    expect(intentFromLabel('address change')).toBe('address_change');
    expect(intentFromLabel('VIP')).toBeNull();
  });

  it('pages through the list with its cursor, reads each ticket, labels by intent then tag, GET only', async () => {
    const g = fakeGorgias();
    const seen: HistoryProgress[] = [];
    const r = await readGorgiasHistory(g.io, { max: 100, cancelled: () => false }, (p) => seen.push(p));
    expect(r.progress.phase).toBe('done');
    expect(r.examples.map((e) => [e.ticketId, e.label])).toEqual([
      ['11', 'order_status'],
      ['12', 'refund_status'],
      ['14', 'address_change'],
    ]);
    // The agent's reply is not the customer's words.
    expect(r.examples[0]?.text).not.toContain('On its way');
    expect(g.asked[0]).toBe('/api/tickets?limit=100&order_by=created_datetime%3Adesc');
    expect(g.asked[1]).toContain('cursor=c2');
    // Ticket 13 is read (its messages may carry Gorgias intents) but tagged only "spam": no example.
    expect(g.asked).toContain('/api/tickets/13/');
    // n of N: reading progress counts up to the tickets listed; found counts the examples.
    const last = seen.at(-1)!;
    expect([last.read, last.toRead, last.listed, last.found]).toEqual([4, 4, 4, 3]);
  });

  it('waits out a 429 for its Retry-After, then goes on', async () => {
    const g = fakeGorgias({ throttleOnce: true });
    const seen: HistoryProgress[] = [];
    const r = await readGorgiasHistory(g.io, { max: 100, cancelled: () => false }, (p) => seen.push(p));
    expect(g.waits).toEqual([3000]);
    expect(seen.some((p) => p.phase === 'waiting' && p.resumeAt === 1_003_000)).toBe(true);
    expect(r.examples).toHaveLength(3);
  });

  it('stops when cancelled and keeps what it read', async () => {
    const g = fakeGorgias();
    let reads = 0;
    const r = await readGorgiasHistory(g.io, { max: 100, cancelled: () => reads >= 1 }, (p) => {
      reads = p.read;
    });
    expect(r.progress.phase).toBe('cancelled');
    expect(r.examples.map((e) => e.ticketId)).toEqual(['11']);
  });

  it('stops at max tickets and says so plainly when the key is refused', async () => {
    const g = fakeGorgias();
    const r = await readGorgiasHistory(g.io, { max: 2, cancelled: () => false }, () => {});
    expect(g.asked[0]).toContain('limit=2');
    expect(g.asked.some((a) => a.includes('cursor='))).toBe(false);
    expect(r.progress.listed).toBe(2);
    const refused = await readGorgiasHistory(
      { ...g.io, get: async () => ({ status: 401, retryAfter: null, json: null }) },
      { max: 10, cancelled: () => false },
      () => {},
    );
    expect(refused.progress).toMatchObject({ phase: 'failed', error: expect.stringMatching(/refused the key/) });
  });
});
