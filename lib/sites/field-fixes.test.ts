import { describe, expect, it } from 'vitest';
import { checkPageData } from './data-schemas';
import { exampleTicketSnapshot } from './example-snapshot';
import { answeredMissing, fieldFixesSchema, fixableMissing, withFieldFixes } from './field-fixes';
import { gorgiasTicketCase } from './gorgias/to-ticket';

const ticketData = (over: Record<string, unknown> = {}) => ({
  ticketId: '4101',
  subject: 'Where is my order?',
  channel: 'email',
  customer: { name: 'Ana', email: null, id: null },
  messages: [{ id: 'm1', from: 'customer', body: 'Where is it?', author: 'Ana', time: null }],
  tags: [],
  orders: [],
  partial: false,
  ui: 'v2',
  ...over,
});

const snapshot = (over: Record<string, unknown> = {}) =>
  checkPageData(
    exampleTicketSnapshot({
      data: ticketData(over),
      missing: ['Gorgias: order widget not found on ticket view', 'Gorgias: customer email not found on ticket view'],
    }),
  );

describe('field fixes', () => {
  it('lists the fixable fields the missing list names', () => {
    expect(fixableMissing(snapshot()).map((f) => f.field)).toEqual(['orderNumber', 'customerEmail']);
    expect(fixableMissing({ app: 'gorgias', page: 'ticket', missing: ['Gorgias: reply editor not found'] })).toEqual(
      [],
    );
  });

  it('lays typed values into the case the CS process works on and drops the answered misses', () => {
    const fixed = withFieldFixes(snapshot(), { orderNumber: '#1047', customerEmail: 'ana@example.com' });
    expect(fixed.missing).toEqual([]);
    const found = gorgiasTicketCase(fixed);
    expect(found?.ticket.orders).toEqual([
      { number: '#1047', financial_status: null, fulfillment_status: null, line_items: [] },
    ]);
    expect(found?.ticket.customer?.email).toBe('ana@example.com');
    // Without fixes, the case has no order.
    expect(gorgiasTicketCase(snapshot())?.ticket.orders).toEqual([]);
  });

  it('never overrides what the page showed', () => {
    const s = snapshot({ orders: [{ number: '#2000' }] });
    expect(gorgiasTicketCase(withFieldFixes(s, { orderNumber: '#1047' }))?.ticket.orders).toMatchObject([
      { number: '#2000' },
    ]);
  });

  it('lays a Loop reason and comment into the return data', () => {
    const loop = {
      ...snapshot(),
      app: 'loop' as const,
      page: 'return',
      data: {
        return_id: '77',
        order_number: null,
        created_at: null,
        order_created_at: null,
        delivered_at: null,
        customer: { email: null, name: null, country: null, orders_count: null, returns_count: null },
        items: [],
        selected_reason: null,
        comment: null,
        photos: [],
        requested_outcome: null,
        return_method: null,
        status: null,
      },
      missing: [
        'Loop: return reason of item 1 not found on return page',
        'Loop: customer comment not found on return page',
      ],
    };
    const fixed = withFieldFixes(loop, { reason: 'Too small', comment: 'Runs small' });
    expect(fixed.data).toMatchObject({ selected_reason: 'Too small', comment: 'Runs small' });
    expect(fixed.missing).toEqual([]);
  });

  it('rejects odd field names and empty values', () => {
    expect(fieldFixesSchema.safeParse({ 'order number': 'x' }).success).toBe(false);
    expect(fieldFixesSchema.safeParse({ orderNumber: '  ' }).success).toBe(false);
  });
});
