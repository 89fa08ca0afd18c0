import { z } from 'zod';
import { cleanMessage } from '../../cs/normalise';
import { type IntentId, isIntentId } from '../../cs/taxonomy';
import { apiMessageSchema, htmlToText } from './api-schema';

/**
 * Past tickets through Gorgias' documented REST API (issue 15 item 4, first source).
 *
 * Why the REST API with the user's key and not the page's session: the import runs from the
 * options page, with no Gorgias tab needed; the key is used for this run only (held in the
 * background's memory, never stored, never sent anywhere but the account's own
 * `https://{account}.gorgias.com/api/`), and only GETs are made. The same-origin session read
 * (lib/sites/gorgias/api-read.ts) serves the ticket on screen; a bulk read through the agent's
 * session would run inside their tab at the app's own 10 requests/s, and the content script has
 * no channel for it.
 *
 * Endpoints (developers.gorgias.com, "Pagination" and "List tickets"; ticket and message fields
 * as in lib/sites/gorgias/api-schema.ts): `GET /api/tickets?limit=&cursor=&order_by=` answers
 * `{ data: Ticket[], meta: { next_cursor } }`; `GET /api/tickets/{id}/` answers the ticket with
 * its `messages[]`. Labels: a customer message's Gorgias intents (`intents[].name`, not
 * rejected; helpdesk `models/ticket/types.ts` `TicketMessageIntent`) first, else the ticket's
 * tags, matched to our intents by id or words ("order status", "ORDER_STATUS", "order/status")
 * or the aliases below. Rate limits: a 429 is waited out for its `Retry-After` seconds (the
 * documented limit for API keys is 40 requests per 20 s).
 */

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);
const intentSchema = z.object({ name: z.string().max(200), rejected: z.boolean().nullish() });
const messageSchema = apiMessageSchema.extend({ intents: z.array(intentSchema).max(50).nullish() });

export const historyTicketSchema = z.object({
  id,
  subject: z.string().max(1000).nullish(),
  tags: z
    .array(z.object({ name: z.string().max(100) }))
    .max(100)
    .default([]),
  messages: z.array(messageSchema).max(2000).nullish(),
});
export type HistoryTicket = z.infer<typeof historyTicketSchema>;

export const ticketsPageSchema = z.object({
  data: z.array(z.unknown()).max(100),
  meta: z
    .object({ next_cursor: z.string().max(500).nullish() })
    .partial()
    .nullish(),
});

/** Words brands and Gorgias use for our intents that are not our ids' own words. */
const ALIASES: Record<string, IntentId> = {
  wismo: 'order_status',
  where_is_my_order: 'order_status',
  order_tracking: 'tracking_request',
  tracking: 'tracking_request',
  shipping_delay: 'delivery_late',
  late_delivery: 'delivery_late',
  delayed: 'delivery_late',
  lost_package: 'delivery_issue',
  damaged: 'product_defect',
  defective: 'product_defect',
  refund: 'refund_status',
  refund_request: 'refund_status',
  return: 'return_request',
  returns: 'return_request',
  exchange: 'exchange_request',
  cancel: 'cancel_order',
  cancellation: 'cancel_order',
  order_cancel: 'cancel_order',
  change_address: 'address_change',
  shipping_address_change: 'address_change',
  discount: 'promo_code',
  discount_code: 'promo_code',
  sizing: 'size_fit',
  size: 'size_fit',
  product_info: 'product_question',
  product_question: 'product_question',
  payment: 'billing',
  subscription_cancel: 'subscription',
  login: 'account',
  b2b: 'wholesale',
  review: 'feedback',
  complaint: 'feedback',
};

/** Our intent for a brand's tag or a Gorgias intent name, or null ("order/status", "Order Status", "wismo"). */
export function intentFromLabel(raw: string): IntentId | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s/:.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (isIntentId(key)) return key;
  if (ALIASES[key]) return ALIASES[key];
  // "order_status_request" → "order_status"; "shipping_delay_other" → "shipping_delay".
  const parts = key.split('_');
  for (let n = parts.length - 1; n >= 1; n--) {
    const head = parts.slice(0, n).join('_');
    if (isIntentId(head)) return head;
    if (ALIASES[head]) return ALIASES[head];
  }
  return null;
}

type Message = z.infer<typeof messageSchema>;
const isCustomer = (m: Message) => m.public && !m.from_agent;

/** The ticket's label: its first customer message's Gorgias intent, else its first tag that is one of our intents. */
export function labelOfTicket(t: HistoryTicket): { label: IntentId; from: 'intent' | 'tag' } | null {
  for (const m of (t.messages ?? []).filter(isCustomer)) {
    for (const i of m.intents ?? []) {
      if (i.rejected) continue;
      const label = intentFromLabel(i.name);
      if (label) return { label, from: 'intent' };
    }
  }
  for (const tag of t.tags) {
    const label = intentFromLabel(tag.name);
    if (label) return { label, from: 'tag' };
  }
  return null;
}

/** Whether a list row can carry a label at all (tags, or messages with intents): others are not fetched. */
export function mayHaveLabel(t: HistoryTicket): boolean {
  return labelOfTicket(t) !== null || t.messages === undefined || t.messages === null;
}

/** The customer's opening words: the first public customer message, quoted history and signature removed. */
export function customerOpening(t: HistoryTicket): string {
  const m = (t.messages ?? []).find(isCustomer);
  if (!m) return '';
  const body =
    m.stripped_text ||
    m.body_text ||
    (m.stripped_html || m.body_html ? htmlToText(m.stripped_html || m.body_html || '') : '');
  const text = cleanMessage(body ?? '').trim();
  const subject = t.subject?.trim() ?? '';
  return (subject && !text.toLowerCase().startsWith(subject.toLowerCase()) ? `${subject}\n${text}` : text).slice(
    0,
    20_000,
  );
}

export interface HistoryProgress {
  phase: 'listing' | 'reading' | 'waiting' | 'done' | 'cancelled' | 'failed';
  /** Tickets listed so far (all of them, labelled or not). */
  listed: number;
  /** Tickets whose opening is read, of `toRead` (those with a usable label). */
  read: number;
  toRead: number;
  /** Examples found (a text and one of our intents). */
  found: number;
  /** While waiting out a 429: when asking again (ms since epoch). */
  resumeAt: number | null;
  /** Plain-words reason when failed. */
  error: string | null;
}

/** What the importer needs from outside: a GET returning status, Retry-After and the JSON; a cancellable wait; the clock. */
export interface HistoryIo {
  get(path: string): Promise<{ status: number; retryAfter: string | null; json: unknown }>;
  wait(ms: number): Promise<void>;
  now(): number;
}

/** `Retry-After` → ms to wait: seconds as Gorgias documents them, 1 s to 10 min (absent or a date: 20 s). */
export function retryAfterMs(header: string | null): number {
  return Math.min(Math.max((Number(header) || 20) * 1000, 1000), 600_000);
}

class Cancelled extends Error {}

/**
 * Pages through the account's tickets (newest first, up to `max`), then reads each labelled
 * ticket's customer opening. GET only; 429 waited out (up to `maxWaits` times in a row); stops at
 * the next request once `cancelled()` is true, keeping what it found. `onProgress` is called
 * after every request.
 */
export async function readGorgiasHistory(
  io: HistoryIo,
  opts: { max: number; pageSize?: number; maxWaits?: number; cancelled: () => boolean },
  onProgress: (p: HistoryProgress) => void,
): Promise<{ examples: Array<{ text: string; label: IntentId; ticketId: string }>; progress: HistoryProgress }> {
  const p: HistoryProgress = {
    phase: 'listing',
    listed: 0,
    read: 0,
    toRead: 0,
    found: 0,
    resumeAt: null,
    error: null,
  };
  const examples: Array<{ text: string; label: IntentId; ticketId: string }> = [];
  const report = () => onProgress({ ...p });
  const get = async (path: string): Promise<unknown | null> => {
    for (let waits = 0; ; waits++) {
      if (opts.cancelled()) throw new Cancelled();
      const res = await io.get(path);
      if (res.status === 429) {
        if (waits >= (opts.maxWaits ?? 20)) throw new Error('Gorgias kept answering “too many requests”.');
        const before = p.phase;
        const ms = retryAfterMs(res.retryAfter);
        p.phase = 'waiting';
        p.resumeAt = io.now() + ms;
        report();
        await io.wait(ms);
        p.phase = before;
        p.resumeAt = null;
        continue;
      }
      if (res.status === 401 || res.status === 403)
        throw new Error('Gorgias refused the key: check the account, the e-mail and the API key.');
      if (res.status === 404) return null;
      if (res.status < 200 || res.status >= 300) throw new Error(`Gorgias answered ${res.status}.`);
      return res.json;
    }
  };
  try {
    const rows: HistoryTicket[] = [];
    let cursor: string | null = null;
    const size = Math.min(opts.pageSize ?? 100, 100);
    do {
      const q = new URLSearchParams({
        limit: String(Math.min(size, opts.max - rows.length)),
        order_by: 'created_datetime:desc',
      });
      if (cursor) q.set('cursor', cursor);
      const page = ticketsPageSchema.safeParse(await get(`/api/tickets?${q}`));
      if (!page.success) throw new Error('Gorgias answered the ticket list in a shape Counterpart does not know.');
      for (const raw of page.data.data) {
        const t = historyTicketSchema.safeParse(raw);
        if (t.success) rows.push(t.data);
      }
      p.listed = rows.length;
      report();
      cursor = page.data.meta?.next_cursor ?? null;
      if (page.data.data.length === 0) break;
    } while (cursor && rows.length < opts.max);

    const todo = rows.slice(0, opts.max).filter(mayHaveLabel);
    p.phase = 'reading';
    p.toRead = todo.length;
    report();
    for (const row of todo) {
      // The list may already carry the messages; else the ticket is read on its own.
      const full =
        row.messages?.some(isCustomer) === true
          ? row
          : historyTicketSchema.safeParse(await get(`/api/tickets/${encodeURIComponent(row.id)}/`)).data;
      p.read += 1;
      const ticket = full ? { ...full, tags: full.tags.length ? full.tags : row.tags } : null;
      const label = ticket ? labelOfTicket(ticket) : null;
      const text = ticket ? customerOpening(ticket) : '';
      if (label && text) {
        examples.push({ text, label: label.label, ticketId: row.id });
        p.found = examples.length;
      }
      report();
    }
    p.phase = 'done';
  } catch (error) {
    if (error instanceof Cancelled) p.phase = 'cancelled';
    else {
      p.phase = 'failed';
      p.error = error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
    }
    p.resumeAt = null;
  }
  report();
  return { examples, progress: { ...p } };
}
