import type { GorgiasTicket } from '../sites/gorgias/schema';
import type { TicketInput } from './ticket';

/** Turns a Gorgias snapshot's `data` into the ticket the CS engines work on (same shape as the CLI input). */
export function ticketFromGorgias(data: GorgiasTicket): TicketInput {
  return {
    subject: data.subject,
    channel: data.channel,
    customer: { name: data.customer.name ?? undefined, email: data.customer.email ?? undefined },
    messages: data.messages.map((m) => ({ from: m.from, body: m.body, author: m.author, time: m.time ?? undefined })),
    orders: data.orders,
  };
}
