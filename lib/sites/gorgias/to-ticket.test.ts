import { describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { exampleTicketSnapshot } from '../example-snapshot';
import type { SnapshotEnvelope } from '../snapshot';
import { gorgiasTicketCase } from './to-ticket';

const data = {
  ticketId: '4101',
  subject: 'Where is my order?',
  channel: 'email',
  customer: { name: 'Jane Doe', email: null, id: null },
  messages: [{ id: '1', from: 'customer', author: 'Jane Doe', time: null, body: 'Where is order #1047?' }],
  tags: [],
  orders: [],
  partial: false,
  ui: 'v2',
};
const envelope = (over: Partial<SnapshotEnvelope> = {}) => exampleTicketSnapshot({ data, ...over });

describe('Gorgias snapshot → ticket', () => {
  it('turns a checked ticket snapshot into the CLI-shaped ticket, nulls dropped', () => {
    expect(gorgiasTicketCase(checkPageData(envelope()))).toEqual({
      ticketId: '4101',
      ticket: {
        subject: 'Where is my order?',
        channel: 'email',
        customer: { name: 'Jane Doe', email: undefined },
        messages: [{ from: 'customer', body: 'Where is order #1047?', author: 'Jane Doe', time: undefined }],
        orders: [],
      },
    });
  });

  it('gives no ticket for another page, an unrecognised page, or data that failed its schema', () => {
    expect(gorgiasTicketCase(checkPageData(envelope({ page: 'unknown' })))).toBeNull();
    expect(gorgiasTicketCase(checkPageData(envelope({ recognised: false })))).toBeNull();
    expect(gorgiasTicketCase(checkPageData(envelope({ data: { ...data, messages: 'none' } })))).toBeNull();
    expect(gorgiasTicketCase(null)).toBeNull();
  });
});
