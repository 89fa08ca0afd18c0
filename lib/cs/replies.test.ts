import { describe, expect, it } from 'vitest';
import { buildReplyIndex, importPastReplies, pastReplyCitations, similarReplies } from './replies';

const CSV = [
  'Ticket ID,Subject,Customer message,Agent reply,Tags',
  '101,Where is my order,"Hi, where is my order? It has not arrived",Your order shipped with UPS yesterday.,wismo',
  '102,Refund,I returned the shoes and want my refund,Your refund was issued today.,refund',
  '103,No reply,"A question that was never answered",,',
  '104,Size,"What size should I get, I am between M and L","Go with the L, our shirts run slim.",sizing',
  '101,Dup,duplicate,duplicate,',
].join('\n');

describe('importPastReplies', () => {
  it('imports CSV rows and rejects rows without a reply or with a duplicate id, with their line', () => {
    const r = importPastReplies(CSV);
    expect(r.rows.map((x) => x.id)).toEqual(['101', '102', '104']);
    expect(r.rejected).toEqual([
      { line: 4, reason: 'no agent reply column/value' },
      { line: 6, reason: 'duplicate ticket id 101' },
    ]);
    expect(r.rows[0]!.tags).toEqual(['wismo']);
  });

  it('imports the Gorgias JSON shape (messages with from_agent)', () => {
    const json = JSON.stringify([
      {
        id: 5,
        subject: 'Code',
        tags: [{ name: 'promo' }],
        messages: [
          { from_agent: false, body_text: 'My code does not work' },
          { from_agent: true, body_text: 'Here is a new code: HELLO10' },
        ],
      },
      { id: 6, messages: [{ from_agent: false, body_text: 'hello?' }] },
    ]);
    const r = importPastReplies(json);
    expect(r.rows).toEqual([
      {
        id: '5',
        subject: 'Code',
        customerText: 'My code does not work',
        replyText: 'Here is a new code: HELLO10',
        tags: ['promo'],
        createdAt: null,
      },
    ]);
    expect(r.rejected).toEqual([{ line: 2, reason: 'no agent reply' }]);
  });

  it('reports invalid JSON as one rejected line 0', () => {
    expect(importPastReplies('[{').rejected[0]!.line).toBe(0);
  });
});

describe('similarReplies', () => {
  it('ranks the past reply about the same question first (TF-IDF cosine)', () => {
    const index = buildReplyIndex(importPastReplies(CSV).rows);
    const top = similarReplies(index, 'Hello, my order has not arrived yet, where is it?', 2);
    expect(top[0]!.reply.id).toBe('101');
    expect(top[0]!.score).toBeGreaterThan(top[1]?.score ?? 0);
    expect(similarReplies(index, 'qwerty zxcv', 3)).toEqual([]);
  });
});

describe('pastReplyCitations', () => {
  it('labels each past reply with its ticket id and similarity', () => {
    const index = buildReplyIndex(importPastReplies(CSV).rows);
    const chips = pastReplyCitations(similarReplies(index, 'where is my order, not arrived', 1));
    expect(chips).toHaveLength(1);
    expect(chips[0]!.kind).toBe('past_reply');
    expect(chips[0]!.label).toMatch(/^Past reply #101 \(\d+% similar\)$/);
    expect(chips[0]!.value).toBe('Your order shipped with UPS yesterday.');
  });
});
