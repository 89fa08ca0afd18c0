import { describe, expect, it } from 'vitest';
import { draftReply } from './draft';
import { bestClause, DEMO_POLICIES, missingPolicyNote, splitClauses } from './policy';
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
  it('splits a policy into sentence clauses numbered from 1, across paragraphs and list items', () => {
    const clauses = splitClauses('return', DEMO_POLICIES.return!);
    expect(clauses).toHaveLength(5);
    expect(clauses[4]).toMatchObject({ index: 5, text: 'Final-sale items and underwear cannot be returned.' });
    expect(
      splitClauses('shipping', 'Orders ship in 1–2 days. Delivery takes 3.5 days, e.g. to Ohio.\n- Free over $75.'),
    ).toEqual([
      { kind: 'shipping', index: 1, text: 'Orders ship in 1–2 days.' },
      { kind: 'shipping', index: 2, text: 'Delivery takes 3.5 days, e.g. to Ohio.' },
      { kind: 'shipping', index: 3, text: 'Free over $75.' },
    ]);
  });

  it('picks the clause that shares the most words with the question', () => {
    const c = bestClause(DEMO_POLICIES, ['shipping'], 'Can you change the shipping address on my order?');
    expect(c?.text).toBe('We can change the shipping address as long as the order has not been fulfilled yet.');
    expect(bestClause(DEMO_POLICIES, ['shipping'], 'zzz qqq')).toBeNull();
  });
});

/** A brand's shipping policy written as one paragraph (the form a brand pastes into the options). */
const ONE_PARAGRAPH = {
  shipping:
    'Orders ship within 1–2 business days from our warehouse. Standard shipping in the US takes 3–5 business days; express takes 1–2 business days. International orders take 7–14 business days and may be subject to duties.',
};

describe('policy quotes (issue 17)', () => {
  it('quotes only the delivery-time sentence of a one-paragraph shipping policy for a shipped order', () => {
    const d = draftReply(WISMO, 'order_status', 'en', { policies: ONE_PARAGRAPH });
    const policy = d.citations.filter((c) => c.kind === 'policy_clause');
    expect(policy).toEqual([
      {
        kind: 'policy_clause',
        label: 'Shipping policy §2',
        value: 'Standard shipping in the US takes 3–5 business days; express takes 1–2 business days.',
      },
    ]);
    expect(d.draft).not.toContain('from our warehouse');
    expect(d.draft).not.toContain('International orders');
    expect(d.missingPolicies).toEqual([]);
  });

  it('quotes when an unshipped order leaves the warehouse', () => {
    const unshipped = {
      ...WISMO,
      orders: [{ ...WISMO.orders![0]!, fulfillment_status: 'Unfulfilled', tracking_number: null }],
    };
    const d = draftReply(unshipped, 'order_status', 'en', { policies: ONE_PARAGRAPH });
    expect(d.draft).toContain('Order #1047 is confirmed');
    expect(d.citations.find((c) => c.kind === 'policy_clause')?.value).toBe(
      'Orders ship within 1–2 business days from our warehouse.',
    );
  });

  it('quotes no sentence that shares only one steering word with the case (a double charge is not about shipping costs)', () => {
    const refund = {
      refund:
        'Refunds are issued to the original payment method within 5 business days after we receive and inspect the return. Store credit is issued instantly and includes a 10% bonus. Shipping costs are not refunded unless the item arrived damaged or wrong.',
    };
    const billing = {
      ...WISMO,
      messages: [{ from: 'customer' as const, body: 'I was charged twice for order #1047.' }],
    };
    const d = draftReply(billing, 'billing', 'en', { policies: refund });
    expect(d.citations.some((c) => c.kind === 'policy_clause')).toBe(false);
    expect(d.draft).not.toContain('Shipping costs');
    expect(d.missingPolicies).toEqual([]);
  });

  it('does not quote a sentence for the word "order" alone (a late order is not about when orders leave the warehouse)', () => {
    const late = { ...WISMO, messages: [{ from: 'customer' as const, body: 'My order is late, still not here.' }] };
    const d = draftReply(late, 'delivery_late', 'en', { policies: ONE_PARAGRAPH });
    expect(d.draft).not.toContain('from our warehouse');
  });

  it('with no policy written, quotes and cites none and names the missing policy', () => {
    const d = draftReply(WISMO, 'order_status', 'en', { policies: {} });
    expect(d.citations.some((c) => c.kind === 'policy_clause')).toBe(false);
    expect(d.draft).not.toMatch(/business days|policy/i);
    expect(d.missingPolicies).toEqual(['shipping']);
    const ret = draftReply(WISMO, 'return_request', 'en', { policies: { shipping: ONE_PARAGRAPH.shipping } });
    expect(ret.missingPolicies).toEqual(['return', 'refund']);
    expect(missingPolicyNote(ret.missingPolicies)).toBe(
      'No return and refund policy is set, so this draft quotes none. Add your return and refund policies in Options to have them quoted.',
    );
    expect(missingPolicyNote(['shipping'])).toBe(
      'No shipping policy is set, so this draft quotes none. Add your shipping policy in Options to have it quoted.',
    );
  });

  it('signs as the support team when the brand has no name or signature yet', () => {
    const d = draftReply(WISMO, 'order_status', 'en', { policies: {}, voice: { brand: '' } });
    expect(d.draft).toMatch(/\n\nBest,\nThe support team$/);
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
