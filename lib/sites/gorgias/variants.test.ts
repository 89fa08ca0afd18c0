// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { ticketFromApi } from './api-schema';
import { extract } from './extract';
import { GORGIAS_FIXTURES, loadGorgiasFixture } from './fixture-loader';
import { normaliseTicket } from './normalise';
import type { GorgiasTicket } from './schema';
import { ticketFromGorgias } from './to-ticket';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});
/** Reads a fixture variant at its ticket URL; the snapshot must pass the background's check. */
function read(file: string, id: number) {
  const url = `https://northwind.gorgias.com/app/views/1/${id}`;
  const w = loadGorgiasFixture(file, url);
  opened.push(w);
  const snap = checkPageData(extract(w.document as unknown as Document, new URL(url)));
  expect(snap.recognised, file).toBe(true);
  return { snap, data: snap.data as GorgiasTicket };
}
const json = (name: string) => JSON.parse(readFileSync(resolve(GORGIAS_FIXTURES, 'api', name), 'utf8')) as unknown;

describe('Gorgias adapter on the evidence-built variants', () => {
  it("today's order card: number, date, titles from alt, total and both status tags; SKUs and tracking named missing", () => {
    const { snap, data } = read('v2-order-card.html', 5201);
    expect(data.messages.map((m) => [m.from, m.author])).toEqual([
      ['customer', 'Jane Doe'],
      ['internal', 'Sam Rivera'],
    ]);
    expect(data.customer).toEqual({ name: 'Jane Doe', email: 'jane.doe@example.com', id: '301' });
    expect(normaliseTicket(data).orders).toEqual([
      {
        number: '#1047',
        financial_status: 'Paid',
        fulfillment_status: 'Fulfilled',
        tracking_number: null,
        carrier: null,
        tracking_url: null,
        total: '128.00',
        currency: 'USD',
        created_at: '2026-11-02',
        line_items: [
          { sku: null, title: 'Classic Tee — Black / M', quantity: null, price: null },
          { sku: null, title: 'Classic Tank — White / M', quantity: null, price: null },
        ],
      },
    ]);
    expect(snap.missing).toEqual(['Gorgias: tracking number and SKUs of order #1047 are not on the order card']);
  });

  it('Instagram DM: the channel from the text-less custom icon, the agent from the isAgent class', () => {
    const { snap, data } = read('instagram-dm.html', 5202);
    expect(data.channel).toBe('instagram-direct-message');
    expect(data.messages.map((m) => m.from)).toEqual(['customer', 'agent', 'customer']);
    expect(snap.missing).toEqual(['Gorgias: order widget not found on ticket view']);
  });

  it('WhatsApp in a German UI: channel from img alt, euro total, German status words and a day-first date', () => {
    const { data } = read('whatsapp-de.html', 5203);
    expect(data.channel).toBe('whatsapp');
    expect(data.messages.map((m) => m.from)).toEqual(['customer', 'agent']);
    expect(normaliseTicket(data).orders[0]).toMatchObject({
      number: '#1099',
      financial_status: 'Paid',
      fulfillment_status: 'Unfulfilled',
      total: '1299.00',
      currency: 'EUR',
      created_at: '2026-11-12',
    });
    expect(data.orders[0]?.line_items).toHaveLength(3);
  });

  it('expanded messages: quoted history and signature are cut from the customer text and kept apart', () => {
    const { data } = read('expanded-quote.html', 5204);
    const ticket = ticketFromGorgias(data);
    expect(ticket.messages.map((m) => m.body)).toEqual([
      'I was charged twice for order #1052, please refund one of the charges.',
      'Sorry about that, Marcus. I am checking with our payments team.',
      'Any news? The second charge of $128.00 is still there.',
    ]);
    // The injected line lives only in the quoted history, never in what the customer wrote.
    expect(ticket.messages.some((m) => /ignore previous instructions/i.test(m.body))).toBe(false);
    const normalised = normaliseTicket(data).messages;
    expect(normalised[0]?.quoted).toMatch(/Head of Ops[\s\S]*ignore previous instructions/);
    expect(normalised[2]?.quoted).toMatch(/^Sent from my iPhone/);
  });

  it('translated ticket: marks each translated message, takes the original when the page holds it, flags the rest as uncertain', () => {
    const { snap, data } = read('translated.html', 5205);
    expect(data.channel).toBe('facebook-messenger');
    expect(data.messages.map((m) => [m.translated, m.original])).toEqual([
      [true, null],
      [true, 'Je porte généralement du S.'],
    ]);
    expect(ticketFromGorgias(data).messages[1]?.body).toBe('Je porte généralement du S.');
    expect(snap.uncertain).toEqual(['Gorgias: message 1 is a translation (the original is not on the page)']);
  });
});

describe("Gorgias structured read (the app's ticket and customer JSON)", () => {
  it('reads roles, stripped text, quoted history and the Shopify order with tracking', () => {
    const read = ticketFromApi('5201', json('ticket-5201.json'), json('customer-301.json'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.data.messages.map((m) => [m.from, m.author, m.body])).toEqual([
      ['customer', 'Jane Doe', 'Hi, where is my order #1047? It was supposed to arrive on Monday.\n\nThanks, Jane'],
      ['internal', 'Sam Rivera', 'Carrier shows a delay at the hub.'],
    ]);
    expect(read.data.messages[0]?.quoted).toMatch(/^On Mon, Nov 2, 2026/);
    expect(read.data.tags).toEqual(['wismo']);
    expect(read.data.orders[0]).toMatchObject({
      number: '#1047',
      tracking_number: '1Z999AA10123456784',
      carrier: 'UPS',
      line_items: [{ sku: 'TEE-CLS-BLK-M' }, { sku: 'TNK-CLS-WHT-M' }],
    });
    expect(normaliseTicket(read.data).orders[0]).toMatchObject({
      financial_status: 'Paid',
      fulfillment_status: 'Fulfilled',
    });
  });

  it("refuses an answer for another ticket, and a customer that is not the ticket's", () => {
    expect(ticketFromApi('5202', json('ticket-9999-for-5202.json'), null)).toMatchObject({ ok: false });
    const other = { ...(json('customer-301.json') as object), id: 7 };
    const read = ticketFromApi('5201', json('ticket-5201.json'), other);
    expect(read.ok && read.data.orders).toEqual([]);
    expect(ticketFromApi('5201', { id: 'x' }, null)).toMatchObject({ ok: false });
  });
});
