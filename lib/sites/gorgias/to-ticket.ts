import type { TicketInput } from '../../cs/ticket';
import type { CheckedSnapshot } from '../data-schemas';
import { pageData } from '../page-data';
import { normaliseTicket } from './normalise';
import { type GorgiasTicket, gorgiasTicketSchema } from './schema';

/** Turns a Gorgias snapshot's `data` into the ticket the CS pipeline works on (same shape as the CLI input). */
export function ticketFromGorgias(page: GorgiasTicket): TicketInput {
  const data = normaliseTicket(page);
  return {
    subject: data.subject,
    channel: data.channel,
    customer: { name: data.customer.name ?? undefined, email: data.customer.email ?? undefined },
    // The sender's own words: the original of a translated message when it was readable.
    messages: data.messages.map((m) => ({
      from: m.from,
      body: m.original ?? m.body,
      author: m.author,
      time: m.time ?? undefined,
    })),
    orders: data.orders,
  };
}

/** A Gorgias ticket as the CS process sees it. */
export interface GorgiasTicketCase {
  ticketId: string;
  ticket: TicketInput;
}

/**
 * The ticket a checked snapshot shows, or null when it is not a recognised Gorgias ticket view.
 * Not parsed again: `checkPageData` held the data to `gorgiasTicketSchema` when the snapshot was
 * published, and only checked snapshots are stored.
 */
export function gorgiasTicketCase(snapshot: CheckedSnapshot | null): GorgiasTicketCase | null {
  const data = pageData(snapshot, 'gorgias', 'ticket', gorgiasTicketSchema);
  return data ? { ticketId: data.ticketId, ticket: ticketFromGorgias(data) } : null;
}
