import type { Order } from '../../cs/ticket';
import { GORGIAS_LABELS, labelsOf, normLabel } from '../labels';
import { parseLocaleDate, parseMoney } from '../locale';
import { MONTHS } from '../locale-months';
import { splitText } from './message-text';
import type { GorgiasTicket } from './schema';

/**
 * What the page showed, in the engine's terms (runs in the background, so the word tables and
 * locale parsing stay out of the 30 kB content script): status words of the five languages to
 * Shopify's English, "€1.299,00" to amount + currency, "12.11.2026" to a day, and each message's
 * quoted history and signature cut from its text (element-level quotes were cut on the page).
 */
const FINANCIAL: ReadonlyArray<[keyof typeof GORGIAS_LABELS, string]> = [
  ['partiallyRefunded', 'Partially refunded'],
  ['partiallyPaid', 'Partially paid'],
  ['refunded', 'Refunded'],
  ['voided', 'Voided'],
  ['pending', 'Pending'],
  ['authorized', 'Authorized'],
  ['paid', 'Paid'],
];
const FULFILMENT: ReadonlyArray<[keyof typeof GORGIAS_LABELS, string]> = [
  ['partiallyFulfilled', 'Partially fulfilled'],
  ['unfulfilled', 'Unfulfilled'],
  ['fulfilled', 'Fulfilled'],
  ['restocked', 'Restocked'],
];

/** The English (Shopify) status word for a status in any of the five languages; the text itself when unknown. */
export function statusWord(text: string | null | undefined, table: typeof FINANCIAL): string | null {
  if (!text) return null;
  const t = normLabel(text);
  for (const [key, english] of table)
    if (labelsOf(GORGIAS_LABELS, key).includes(t) || t === english.toLowerCase()) return english;
  return text;
}

/** An order as the card or the API gave it, normalised. */
export function normaliseOrder(o: Order, lang: string): Order {
  const money = typeof o.total === 'string' && /[^\d.]/.test(o.total) ? parseMoney(o.total) : null;
  const day =
    o.created_at && !/^\d{4}-\d{2}-\d{2}/.test(o.created_at) ? parseLocaleDate(o.created_at, lang, MONTHS)?.day : null;
  return {
    ...o,
    financial_status: statusWord(o.financial_status, FINANCIAL),
    fulfillment_status: statusWord(o.fulfillment_status, FULFILMENT),
    ...(money ? { total: money.amount.toFixed(2), currency: o.currency ?? money.currency } : {}),
    ...(day ? { created_at: day } : {}),
  };
}

/** The ticket data with orders normalised and quoted history cut from every message's text. */
export function normaliseTicket(data: GorgiasTicket): GorgiasTicket {
  const lang = data.lang ?? 'en-US';
  return {
    ...data,
    orders: data.orders.map((o) => normaliseOrder(o, lang)),
    messages: data.messages.map((m) => {
      const split = splitText(m.body);
      if (!split.quoted) return m;
      return { ...m, body: split.text, quoted: [split.quoted, m.quoted ?? ''].filter(Boolean).join('\n\n') };
    }),
  };
}
