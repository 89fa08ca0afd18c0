/**
 * Facts read / facts expected per evidence-built fixture variant (Gorgias and Loop DOM adapters),
 * as the process receives them: the CS ticket (`ticketFromGorgias`) and the Loop return data.
 * Run: npx tsx bench/adapter-facts.ts [sourceRoot] [label]. `sourceRoot` is a source tree to take
 * the adapters from (default: this one), so the same pages and expectations can be run against an
 * older tree (e.g. `git archive <commit> lib | tar -x -C /tmp/before`). Writes
 * bench/results/adapter-facts-<label>.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';

const root = path.resolve(process.argv[2] ?? '.');
const label = process.argv[3] ?? 'after';
const FIX = path.resolve('e2e/fixtures');
const load = (p: string) => import(pathToFileURL(path.join(root, p)).href);

function page(file: string, url: string): Document {
  const w = new Window({ url });
  w.document.write(readFileSync(path.join(FIX, file), 'utf8'));
  return w.document as unknown as Document;
}

type Facts = Record<string, unknown>;
type View = Record<string, unknown>;
const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const GORGIAS: Array<{ file: string; id: number; facts: (t: View) => Facts; expected: Facts }> = [
  {
    file: 'gorgias/v2-order-card.html',
    id: 5201,
    facts: (t: any) => ({
      subject: t.subject,
      channel: t.channel,
      customerName: t.customer?.name,
      customerEmail: t.customer?.email,
      roles: t.messages?.map((m: any) => m.from),
      authors: t.messages?.map((m: any) => m.author),
      customerText: t.messages?.[0]?.body,
      order: t.orders?.[0]?.number,
      financial: t.orders?.[0]?.financial_status,
      fulfilment: t.orders?.[0]?.fulfillment_status,
      total: t.orders?.[0]?.total,
      currency: t.orders?.[0]?.currency,
      orderDate: t.orders?.[0]?.created_at,
      products: t.orders?.[0]?.line_items?.map((l: any) => l.title),
    }),
    expected: {
      subject: 'Where is my order?',
      channel: 'email',
      customerName: 'Jane Doe',
      customerEmail: 'jane.doe@example.com',
      roles: ['customer', 'internal'],
      authors: ['Jane Doe', 'Sam Rivera'],
      customerText: 'Hi, where is my order #1047? It was supposed to arrive on Monday.\n\nThanks, Jane',
      order: '#1047',
      financial: 'Paid',
      fulfilment: 'Fulfilled',
      total: '128.00',
      currency: 'USD',
      orderDate: '2026-11-02',
      products: ['Classic Tee — Black / M', 'Classic Tank — White / M'],
    },
  },
  {
    file: 'gorgias/instagram-dm.html',
    id: 5202,
    facts: (t: any) => ({
      subject: t.subject,
      channel: t.channel,
      customerEmail: t.customer?.email,
      roles: t.messages?.map((m: any) => m.from),
      authors: t.messages?.map((m: any) => m.author),
      lastText: t.messages?.[2]?.body,
    }),
    expected: {
      subject: 'Instagram DM from lena.f',
      channel: 'instagram-direct-message',
      customerEmail: 'lena.fischer@example.com',
      roles: ['customer', 'agent', 'customer'],
      authors: ['Lena Fischer', 'Sam Rivera', 'Lena Fischer'],
      lastText: 'ok thanks, and is the sand colour see-through?',
    },
  },
  {
    file: 'gorgias/whatsapp-de.html',
    id: 5203,
    facts: (t: any) => ({
      channel: t.channel,
      roles: t.messages?.map((m: any) => m.from),
      authors: t.messages?.map((m: any) => m.author),
      order: t.orders?.[0]?.number,
      financial: t.orders?.[0]?.financial_status,
      fulfilment: t.orders?.[0]?.fulfillment_status,
      total: t.orders?.[0]?.total,
      currency: t.orders?.[0]?.currency,
      orderDate: t.orders?.[0]?.created_at,
      products: t.orders?.[0]?.line_items?.length,
    }),
    expected: {
      channel: 'whatsapp',
      roles: ['customer', 'agent'],
      authors: ['Jonas Weber', 'AI Agent'],
      order: '#1099',
      financial: 'Paid',
      fulfilment: 'Unfulfilled',
      total: '1299.00',
      currency: 'EUR',
      orderDate: '2026-11-12',
      products: 3,
    },
  },
  {
    file: 'gorgias/expanded-quote.html',
    id: 5204,
    facts: (t: any) => ({
      roles: t.messages?.map((m: any) => m.from),
      first: t.messages?.[0]?.body,
      agent: t.messages?.[1]?.body,
      last: t.messages?.[2]?.body,
    }),
    expected: {
      roles: ['customer', 'agent', 'customer'],
      first: 'I was charged twice for order #1052, please refund one of the charges.',
      agent: 'Sorry about that, Marcus. I am checking with our payments team.',
      last: 'Any news? The second charge of $128.00 is still there.',
    },
  },
  {
    file: 'gorgias/translated.html',
    id: 5205,
    facts: (t: any) => ({
      channel: t.channel,
      roles: t.messages?.map((m: any) => m.from),
      authors: t.messages?.map((m: any) => m.author),
      originalText: t.messages?.[1]?.body,
    }),
    expected: {
      channel: 'facebook-messenger',
      roles: ['customer', 'customer'],
      authors: ['Camille Martin', 'Camille Martin'],
      originalText: 'Je porte généralement du S.',
    },
  },
];

const item = (d: any, i: number) => d?.items?.[i] ?? {};
const LOOP: Array<{ file: string; id: number; facts: (d: any) => Facts; expected: Facts }> = [
  {
    file: 'loop/counts-inline.html',
    id: 59001,
    facts: (d) => ({
      skus: d?.items?.map((i: any) => i.sku),
      prices: d?.items?.map((i: any) => i.price),
      reasons: d?.items?.map((i: any) => i.reason?.text),
      comments: d?.items?.map((i: any) => i.comment),
      order: d?.order_number,
      ordered: d?.order_created_at,
      delivered: d?.delivered_at,
      created: d?.created_at,
      outcome: d?.requested_outcome,
      status: d?.status,
    }),
    expected: {
      skus: ['TEE-CLS-BLK-M', 'TNK-CLS-WHT-M'],
      prices: [25, 22],
      reasons: ['Size > Too small', 'Style > Not as pictured'],
      comments: ['Way too tight across the chest, I need an L.', 'The colour is more grey than white.'],
      order: '#1047',
      ordered: '2026-11-02',
      delivered: '2026-11-06',
      created: '2026-11-14',
      outcome: 'exchange',
      status: 'Open',
    },
  },
  {
    file: 'loop/item-table.html',
    id: 59002,
    facts: (d) => ({
      skus: d?.items?.map((i: any) => i.sku),
      prices: d?.items?.map((i: any) => i.price),
      currency: item(d, 0).currency,
      reasons: d?.items?.map((i: any) => i.reason?.text),
      comments: d?.items?.map((i: any) => i.comment),
      order: d?.order_number,
      delivered: d?.delivered_at,
      status: d?.status,
      outcome: d?.requested_outcome,
    }),
    expected: {
      skus: ['MER-CRW-NVY-S', 'WOL-COT-GRY-L'],
      prices: [27.9, 1299],
      currency: 'EUR',
      reasons: ['Size > Too large', 'Damaged/Defective > Arrived damaged'],
      comments: ['Sleeves are far too long.', 'The lining is torn at the pocket.'],
      order: '#2088',
      delivered: '2026-11-12',
      status: 'Needs Review',
      outcome: 'refund',
    },
  },
  {
    file: 'loop/photos-overlay.html',
    id: 59003,
    facts: (d) => ({
      sku: item(d, 0).sku,
      price: item(d, 0).price,
      comment: d?.comment,
      photos: d?.photos?.length,
      outcome: d?.requested_outcome,
    }),
    expected: {
      sku: 'HOM-POUR-STN',
      price: 54,
      comment: 'The box was crushed and the dripper is chipped.',
      photos: 2,
      outcome: 'refund',
    },
  },
  {
    file: 'loop/german.html',
    id: 59004,
    facts: (d) => ({
      sku: item(d, 0).sku,
      price: item(d, 0).price,
      currency: item(d, 0).currency,
      reason: item(d, 0).reason?.text,
      comment: item(d, 0).comment,
      order: d?.order_number,
      delivered: d?.delivered_at,
      created: d?.created_at,
      outcome: d?.requested_outcome,
      email: d?.customer?.email,
    }),
    expected: {
      sku: 'WOL-COT-GRY-L',
      price: 1299,
      currency: 'EUR',
      reason: 'Größe > Zu groß',
      comment: 'Die Ärmel sind viel zu lang.',
      order: '#1099',
      delivered: '2026-11-12',
      created: '2026-11-15',
      outcome: 'exchange',
      email: 'jonas.weber@example.de',
    },
  },
  {
    file: 'loop/drawer.html',
    id: 59005,
    facts: (d) => ({
      skus: d?.items?.map((i: any) => i.sku),
      price: item(d, 0).price,
      order: d?.order_number,
      delivered: d?.delivered_at,
      outcome: d?.requested_outcome,
      status: d?.status,
    }),
    expected: {
      skus: ['JKT-WAX-OLV-M'],
      price: 480,
      order: '#1071',
      delivered: '2026-11-08',
      outcome: 'exchange',
      status: 'Open',
    },
  },
];

async function main() {
  const g = await load('lib/sites/gorgias/extract.ts');
  const toTicket = await load('lib/sites/gorgias/to-ticket.ts');
  const l = await load('lib/sites/loop/extract.ts');
  const loopSel = await load('lib/sites/loop/selectors.ts');
  // What the content script gets from the background at start (absent in older trees).
  if (loopSel.installLabels) {
    const labels = await load('lib/sites/labels.ts');
    loopSel.installLabels(labels.flatLabels(labels.LOOP_LABELS));
  }
  const rows: Array<{ app: string; file: string; read: number; expected: number; missed: string[] }> = [];
  for (const v of GORGIAS) {
    const url = `https://northwind.gorgias.com/app/views/1/${v.id}`;
    const snap = g.extract(page(v.file, url), new URL(url));
    const ticket =
      snap.recognised && snap.data ? { ...toTicket.ticketFromGorgias(snap.data), channel: snap.data.channel } : {};
    const got = v.facts(ticket as View);
    const missed = Object.keys(v.expected).filter((k) => !eq(got[k], v.expected[k]));
    rows.push({
      app: 'gorgias',
      file: v.file,
      read: Object.keys(v.expected).length - missed.length,
      expected: Object.keys(v.expected).length,
      missed,
    });
  }
  for (const v of LOOP) {
    const url = `https://admin.loopreturns.com/returns/${v.id}`;
    const snap = l.extract(page(v.file, url), new URL(url), new Date('2026-11-20T12:00:00Z'));
    const got = v.facts(snap.data);
    const missed = Object.keys(v.expected).filter((k) => !eq(got[k], v.expected[k]));
    rows.push({
      app: 'loop',
      file: v.file,
      read: Object.keys(v.expected).length - missed.length,
      expected: Object.keys(v.expected).length,
      missed,
    });
  }
  const total = rows.reduce((a, r) => ({ read: a.read + r.read, expected: a.expected + r.expected }), {
    read: 0,
    expected: 0,
  });
  for (const r of rows)
    console.log(
      `${r.file.padEnd(30)} ${String(r.read).padStart(3)} / ${r.expected}${r.missed.length ? `  missed: ${r.missed.join(', ')}` : ''}`,
    );
  console.log(`total ${total.read} / ${total.expected}`);
  writeFileSync(
    `bench/results/adapter-facts-${label}.json`,
    `${JSON.stringify({ label, root, rows, total }, null, 2)}\n`,
  );
}

void main();
