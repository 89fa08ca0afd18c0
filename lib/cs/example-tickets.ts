import type { TicketInput } from './ticket';

/** A calm "where is my order" with a paid, fulfilled order and UPS tracking: the autonomous case (tests, demos). */
export const WISMO_TICKET: TicketInput = {
  subject: 'Where is my order #1047?',
  customer: { name: 'Jane Doe' },
  messages: [{ from: 'customer', body: 'Hi, where is my order #1047? I have not received it yet.' }],
  orders: [
    {
      number: '#1047',
      financial_status: 'Paid',
      fulfillment_status: 'Fulfilled',
      carrier: 'UPS',
      tracking_number: '1Z999AA10123456784',
      tracking_url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      line_items: [],
    },
  ],
};
