import type { TicketInput } from '../../cs/ticket';
import { splitText } from './message-text';
import type { GorgiasTicketCase } from './to-ticket';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/**
 * The ticket a person pasted when the page could not be read (the manual path): the text is the
 * customer's message, its quoted history and signature cut as on the page; a "Subject:" line, an
 * email address and the ticket id of the URL are used when present. Classified and drafted like
 * any ticket; nothing in it is trusted more than page text.
 */
export function ticketFromPaste(text: string, ticketId: string | null): GorgiasTicketCase {
  const subjectLine = /^\s*(?:subject|betreff|objet|asunto|件名)\s*[:：]\s*(.+)$/im.exec(text);
  const body = subjectLine ? text.replace(subjectLine[0], '') : text;
  const own = splitText(body.trim()).text || body.trim();
  const email = EMAIL.exec(text)?.[0];
  const ticket: TicketInput = {
    subject: subjectLine?.[1]?.trim().slice(0, 1000) ?? '',
    channel: 'email',
    ...(email ? { customer: { email } } : {}),
    messages: [{ from: 'customer', body: own.slice(0, 50_000) }],
    orders: [],
  };
  return { ticketId: ticketId ?? 'pasted', ticket };
}
