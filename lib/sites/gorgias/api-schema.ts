import { z } from 'zod';
import type { Order } from '../../cs/ticket';
import type { GORGIAS_CHANNELS, GorgiasTicket } from './schema';

/**
 * The Gorgias REST answers the structured read uses, checked in the background. Fields from
 * apps/helpdesk/src/models/ticket/types.ts (ticket, message) and the customer's Shopify integration
 * data (orders in Shopify's REST shape), public copy ines-parreira/prototypes; the public API is
 * documented at developers.gorgias.com. Unknown fields are ignored (the API adds fields).
 */
const str = (max: number) => z.string().max(max);
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

const actorSchema = z.object({ id: id.nullish(), name: str(300).nullish(), email: str(320).nullish() }).nullish();

export const apiMessageSchema = z.object({
  id: id.nullish(),
  public: z.boolean().default(true),
  from_agent: z.boolean().default(false),
  sender: actorSchema,
  channel: str(60).nullish(),
  body_text: str(200_000).nullish(),
  body_html: str(400_000).nullish(),
  stripped_text: str(200_000).nullish(),
  stripped_html: str(400_000).nullish(),
  stripped_signature: str(20_000).nullish(),
  created_datetime: str(60).nullish(),
});

export const apiTicketSchema = z.object({
  id,
  subject: str(1000).nullish(),
  channel: str(60).nullish(),
  language: str(20).nullish(),
  status: str(40).nullish(),
  customer: actorSchema,
  tags: z
    .array(z.object({ name: str(100) }))
    .max(100)
    .default([]),
  messages: z.array(apiMessageSchema).max(2000).default([]),
});

const money = z.union([str(40), z.number()]).nullish();
export const apiShopifyOrderSchema = z.object({
  name: str(40),
  financial_status: str(40).nullish(),
  fulfillment_status: str(40).nullish(),
  total_price: money,
  currency: str(8).nullish(),
  created_at: str(60).nullish(),
  line_items: z
    .array(
      z.object({
        sku: str(80).nullish(),
        title: str(300),
        quantity: z.number().int().nonnegative().nullish(),
        price: money,
      }),
    )
    .max(200)
    .default([]),
  fulfillments: z
    .array(
      z.object({
        tracking_number: str(80).nullish(),
        tracking_url: str(2000).nullish(),
        tracking_company: str(80).nullish(),
      }),
    )
    .max(50)
    .default([]),
});

export const apiCustomerSchema = z.object({
  id,
  name: str(300).nullish(),
  email: str(320).nullish(),
  integrations: z
    .record(
      z.string(),
      z
        .object({ __integration_type__: str(60).nullish(), orders: z.array(z.unknown()).max(200).nullish() })
        .passthrough(),
    )
    .nullish(),
});

const CHANNELS: Record<string, (typeof GORGIAS_CHANNELS)[number]> = {
  email: 'email',
  chat: 'chat',
  'instagram-direct-message': 'instagram-direct-message',
  'instagram-comment': 'instagram',
  'instagram-ad-comment': 'instagram',
  'instagram-mention': 'instagram',
  facebook: 'facebook',
  'facebook-messenger': 'facebook-messenger',
  'facebook-mention': 'facebook',
  phone: 'phone',
  sms: 'sms',
  'help-center': 'help-center',
  'contact-form': 'contact-form',
  whatsapp: 'whatsapp',
  twitter: 'twitter',
  'twitter-direct-message': 'twitter',
};

/** Visible text of an HTML body without a DOM (the service worker has none): tags dropped, entities for the usual five. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function shopifyOrders(customer: z.infer<typeof apiCustomerSchema> | null): Order[] {
  const out: Order[] = [];
  for (const integration of Object.values(customer?.integrations ?? {})) {
    if (integration.__integration_type__ !== 'shopify') continue;
    for (const raw of integration.orders ?? []) {
      const o = apiShopifyOrderSchema.safeParse(raw);
      if (!o.success) continue;
      const f = o.data.fulfillments.find((x) => x.tracking_number) ?? o.data.fulfillments[0];
      out.push({
        number: o.data.name,
        financial_status: o.data.financial_status ?? null,
        fulfillment_status: o.data.fulfillment_status ?? null,
        tracking_number: f?.tracking_number ?? null,
        carrier: f?.tracking_company ?? null,
        tracking_url: f?.tracking_url ?? null,
        total: o.data.total_price ?? null,
        currency: o.data.currency ?? null,
        created_at: o.data.created_at ?? null,
        line_items: o.data.line_items.map((li) => ({
          sku: li.sku ?? null,
          title: li.title,
          quantity: li.quantity ?? null,
          price: li.price ?? null,
        })),
      });
    }
  }
  return out.slice(0, 50);
}

export type ApiReadResult = { ok: true; data: GorgiasTicket } | { ok: false; reason: string };

/**
 * The ticket view's data from the app's own answers. Refused (the DOM is used instead) when the
 * ticket does not pass its schema or its id is not the one in the URL (a merged ticket, or an answer
 * for another view), and the customer is dropped when it is not the ticket's customer.
 */
export function ticketFromApi(urlTicketId: string, ticketJson: unknown, customerJson: unknown): ApiReadResult {
  const t = apiTicketSchema.safeParse(ticketJson);
  if (!t.success)
    return { ok: false, reason: `ticket data did not pass its check (${t.error.issues[0]?.path.join('.') ?? ''})` };
  if (t.data.id !== urlTicketId)
    return { ok: false, reason: `the app answered for ticket ${t.data.id}, the page shows ${urlTicketId}` };
  const c = customerJson ? apiCustomerSchema.safeParse(customerJson) : null;
  const customer = c?.success && c.data.id === (t.data.customer?.id ?? null) ? c.data : null;
  const messages: GorgiasTicket['messages'] = t.data.messages.map((m) => {
    const full = m.body_text?.trim() || (m.body_html ? htmlToText(m.body_html) : '');
    const stripped = m.stripped_text?.trim() || (m.stripped_html ? htmlToText(m.stripped_html) : '') || full;
    const quoted =
      full && full !== stripped ? (full.startsWith(stripped) ? full.slice(stripped.length).trim() : full) : '';
    return {
      id: m.id ?? null,
      from: m.public === false ? 'internal' : m.from_agent ? 'agent' : 'customer',
      author: (m.sender?.name || m.sender?.email || '').slice(0, 200),
      time: m.created_datetime ?? null,
      body: stripped.slice(0, 50_000),
      ...(quoted || m.stripped_signature
        ? { quoted: [quoted, m.stripped_signature ?? ''].filter(Boolean).join('\n\n').slice(0, 50_000) }
        : {}),
    };
  });
  return {
    ok: true,
    data: {
      ticketId: t.data.id,
      subject: t.data.subject ?? '',
      channel: CHANNELS[t.data.channel ?? ''] ?? 'unknown',
      customer: {
        name: customer?.name ?? t.data.customer?.name ?? null,
        email: customer?.email ?? t.data.customer?.email ?? null,
        id: t.data.customer?.id ?? null,
      },
      messages,
      tags: t.data.tags.map((x) => x.name),
      orders: shopifyOrders(customer),
      partial: false,
      ui: 'v2',
    },
  };
}
