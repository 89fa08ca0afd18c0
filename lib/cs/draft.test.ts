import { describe, expect, it } from 'vitest';
import { draftReply } from './draft';
import { bestClause, DEMO_POLICIES, splitClauses } from './policy';
import type { TicketInput } from './ticket';

const WISMO: TicketInput = {
  subject: 'Where is my order?',
  customer: { name: 'Jane Doe', email: 'jane@example.com' },
  messages: [{ from: 'customer', body: 'Hi, where is order #1047? It has been a week.' }],
  orders: [
    {
      number: '#1047',
      financial_status: 'Paid',
      fulfillment_status: 'Fulfilled',
      tracking_number: '1Z999AA10123456784',
      carrier: 'UPS',
      tracking_url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      line_items: [],
    },
  ],
};

describe('policy clauses', () => {
  it('splits a policy into paragraph clauses numbered from 1', () => {
    const clauses = splitClauses('return', DEMO_POLICIES.return!);
    expect(clauses).toHaveLength(4);
    expect(clauses[3]).toMatchObject({ index: 4, text: 'Final-sale items and underwear cannot be returned.' });
  });

  it('picks the clause that shares the most words with the question', () => {
    const c = bestClause(DEMO_POLICIES, ['shipping'], 'Can you change the shipping address on my order?');
    expect(c?.text).toBe('We can change the shipping address as long as the order has not been fulfilled yet.');
    expect(bestClause(DEMO_POLICIES, ['shipping'], 'zzz qqq')).toBeNull();
  });
});

describe('draftReply', () => {
  it('fills the WISMO template with the order fields and cites each one', () => {
    const d = draftReply(WISMO, 'order_status', 'en');
    expect(d.draft).toContain('Hi Jane,');
    expect(d.draft).toContain('order #1047 has shipped');
    expect(d.draft).toContain('Track it here: https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(d.citations.filter((c) => c.kind === 'order_field').map((c) => c.label)).toEqual([
      'Order',
      'Carrier',
      'Tracking number',
      'Tracking link',
    ]);
    expect(d.citations.some((c) => c.kind === 'policy_clause')).toBe(true);
    expect(d.flagged).toEqual([]);
  });

  it('writes German for a German ticket and cites no clause it did not quote', () => {
    const d = draftReply(
      { ...WISMO, messages: [{ from: 'customer', body: 'Wo ist meine Bestellung #1047?' }] },
      'tracking_request',
      'de',
    );
    expect(d.language).toBe('de');
    expect(d.draft.startsWith('Hallo Jane,')).toBe(true);
    expect(d.draft).toContain('Sendungsnummer 1Z999AA10123456784');
    expect(d.citations.some((c) => c.kind === 'policy_clause')).toBe(false);
  });

  it('falls back to English for a language without templates', () => {
    expect(draftReply(WISMO, 'order_status', 'it').language).toBe('en');
  });

  it('asks for the order number when no order was read', () => {
    const d = draftReply({ ...WISMO, orders: [] }, 'order_status', 'en');
    expect(d.draft).toContain('Could you send me your order number');
    expect(d.citations.filter((c) => c.kind === 'order_field')).toEqual([]);
  });
});

describe('holding reply', () => {
  it('promises nothing and cites nothing on an escalated ticket', () => {
    const d = draftReply(WISMO, 'refund_status', 'en', { holding: true });
    expect(d.draft).toBe(
      'Hi Jane,\n\nThank you for your message.\n\nI have passed it to a senior member of our team, who will get back to you personally.\n\nBest,\nSam at Northwind Apparel',
    );
    expect(d.citations).toEqual([]);
  });
});

describe('signature', () => {
  it("signs with the options' signature, in English and German", () => {
    const voice = { brand: 'Acme Socks', signature: 'Rita\nAcme Socks support' };
    expect(draftReply(WISMO, 'order_status', 'en', { voice }).draft).toMatch(/\n\nBest,\nRita\nAcme Socks support$/);
    expect(draftReply(WISMO, 'order_status', 'de', { voice }).draft).toMatch(
      /\n\nViele Grüße\nRita\nAcme Socks support$/,
    );
  });

  it("falls back to the agent's name, then to the brand's team, never to someone else's name", () => {
    expect(draftReply(WISMO, 'order_status', 'en', { voice: { brand: 'Acme Socks', agent: 'Rita' } }).draft).toMatch(
      /\nRita at Acme Socks$/,
    );
    const d = draftReply(WISMO, 'order_status', 'en', { voice: { brand: 'Acme Socks', signature: ' ' } }).draft;
    expect(d).toMatch(/\nThe Acme Socks team$/);
    expect(d).not.toContain('Sam');
  });
});
