import { z } from 'zod';

/** One Shopify order as the Gorgias sidebar shows it (all fields optional except the number: widgets vary). */
export const orderSchema = z.object({
  number: z.string().max(40),
  financial_status: z.string().max(40).nullish(),
  fulfillment_status: z.string().max(40).nullish(),
  tracking_number: z.string().max(80).nullish(),
  carrier: z.string().max(80).nullish(),
  tracking_url: z.string().max(2000).nullish(),
  total: z.union([z.string().max(40), z.number()]).nullish(),
  currency: z.string().max(8).nullish(),
  created_at: z.string().max(40).nullish(),
  line_items: z
    .array(
      z.object({
        sku: z.string().max(80).nullish(),
        title: z.string().max(300),
        quantity: z.number().int().nonnegative().nullish(),
        price: z.union([z.string().max(40), z.number()]).nullish(),
      }),
    )
    .max(200)
    .default([]),
});
export type Order = z.infer<typeof orderSchema>;

/** The ticket the CS engines work on: the CLI input line and what the background builds from a Gorgias snapshot. */
export const ticketInputSchema = z.object({
  subject: z.string().max(1000).default(''),
  channel: z.string().max(40).optional(),
  customer: z.object({ name: z.string().max(200).optional(), email: z.string().max(320).optional() }).optional(),
  messages: z
    .array(
      z.object({
        from: z.enum(['customer', 'agent', 'internal']),
        body: z.string().max(50_000),
        author: z.string().max(200).optional(),
        time: z.string().max(80).optional(),
      }),
    )
    .max(2000),
  orders: z.array(orderSchema).max(50).optional(),
});
export type TicketInput = z.infer<typeof ticketInputSchema>;

/**
 * The customer's side of the ticket as one text: subject plus customer messages, newest last.
 * Agent replies and internal notes are excluded (they would teach the classifier our own words).
 */
export function customerText(ticket: TicketInput): string {
  const parts = [ticket.subject, ...ticket.messages.filter((m) => m.from === 'customer').map((m) => m.body)];
  return parts.filter((p) => p.trim()).join('\n\n');
}

/** The newest customer message (what the reply answers), or the subject when there is none. */
export function lastCustomerMessage(ticket: TicketInput): string {
  const customer = ticket.messages.filter((m) => m.from === 'customer');
  return customer[customer.length - 1]?.body ?? ticket.subject;
}

/** The order the ticket is most likely about: the one whose number the customer mentions, else the newest. */
export function relevantOrder(ticket: TicketInput): Order | undefined {
  const orders = ticket.orders ?? [];
  if (orders.length === 0) return undefined;
  const text = customerText(ticket);
  const mentioned = orders.find((o) => {
    const digits = o.number.replace(/\D/g, '');
    return digits.length > 0 && new RegExp(`(?:#|\\b)${digits}\\b`).test(text);
  });
  if (mentioned) return mentioned;
  return [...orders].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''))[0];
}

/** Parses a ticket (CLI line, message payload); throws an Error with a readable one-line-per-issue message. */
export function parseTicketInput(value: unknown): TicketInput {
  const r = ticketInputSchema.safeParse(value);
  if (!r.success) throw new Error(`invalid ticket: ${z.prettifyError(r.error).replace(/\n/g, '; ')}`);
  return r.data;
}
