import { z } from 'zod';
import { orderSchema } from '../../cs/ticket';

export const GORGIAS_CHANNELS = [
  'email',
  'chat',
  'instagram-direct-message',
  'facebook',
  'phone',
  'sms',
  'help-center',
  'contact-form',
  'instagram',
  'facebook-messenger',
  'whatsapp',
  'twitter',
  'unknown',
] as const;

export const gorgiasMessageSchema = z.object({
  id: z.string().max(40).nullable(),
  from: z.enum(['customer', 'agent', 'internal']),
  author: z.string().max(200),
  time: z.string().max(80).nullable(),
  body: z.string().max(50_000),
  /** Quoted history and signature cut from `body` (kept apart, never classified as the sender's words). */
  quoted: z.string().max(50_000).nullable().optional(),
  /** The page showed a machine translation; `original` holds the sender's own words when they were readable. */
  translated: z.boolean().optional(),
  original: z.string().max(50_000).nullable().optional(),
});

/** The `data` part of a Gorgias ticket snapshot. */
export const gorgiasTicketSchema = z.object({
  ticketId: z.string().max(40),
  subject: z.string().max(1000),
  channel: z.enum(GORGIAS_CHANNELS),
  customer: z.object({
    name: z.string().max(200).nullable(),
    email: z.string().max(320).nullable(),
    id: z.string().max(40).nullable(),
  }),
  messages: z.array(gorgiasMessageSchema).max(2000),
  tags: z.array(z.string().max(100)).max(100),
  orders: z.array(orderSchema).max(50),
  /** True when the thread is a virtualised list: older messages may not be in the DOM. */
  partial: z.boolean(),
  /** The page's language (`<html lang>`), for reading its dates and numbers. */
  lang: z.string().max(35).optional(),
  /** Which UI the page showed (for the panel's diagnostics). */
  ui: z.enum(['legacy', 'v2']),
});
export type GorgiasTicket = z.infer<typeof gorgiasTicketSchema>;
