// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkPageData } from '../data-schemas';
import { flatLabels, LOOP_LABELS } from '../labels';
import { returnFromApi } from './api-schema';
import { extract } from './extract';
import { loadLoopFixture } from './fixture-loader';
import { mergeLoopRead } from './merge';
import type { LoopReturnData } from './schema';
import { installLabels, WORDS } from './selectors';

const NOW = new Date('2026-11-20T12:00:00Z');

// Read at import, before the hook below installs every language.
const ENGLISH = { ...WORDS };
describe('Loop label table', () => {
  it('builds in exactly the English entries of lib/sites/labels.ts', () => {
    for (const [key, set] of Object.entries(LOOP_LABELS))
      expect(ENGLISH[key as keyof typeof WORDS], key).toEqual(set.en.split('|'));
  });
});

// What the content script gets from the background when it starts (`sites.labels`).
beforeAll(() => installLabels(flatLabels(LOOP_LABELS)));
let open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});
function read(file: string, id: number) {
  const url = `https://admin.loopreturns.com/returns/${id}`;
  const w = loadLoopFixture(url, file);
  open.push(w);
  const snap = checkPageData(extract(w.document as unknown as Document, new URL(url), NOW));
  expect(snap.recognised, file).toBe(true);
  return { snap, data: snap.data as LoopReturnData };
}

describe('Loop adapter on the evidence-built variants', () => {
  it('headings with counts and inline "Label: value" text; purchased items kept apart; unlabelled prices marked uncertain', () => {
    const { snap, data } = read('counts-inline.html', 59001);
    expect(data.items.map((i) => [i.sku, i.title, i.price, i.reason?.text, i.comment])).toEqual([
      ['TEE-CLS-BLK-M', 'Classic Tee', 25, 'Size > Too small', 'Way too tight across the chest, I need an L.'],
      ['TNK-CLS-WHT-M', 'Classic Tank', 22, 'Style > Not as pictured', 'The colour is more grey than white.'],
    ]);
    expect(data).toMatchObject({
      order_number: '#1047',
      order_created_at: '2026-11-02',
      delivered_at: '2026-11-06',
      created_at: '2026-11-14',
      requested_outcome: 'exchange',
      status: 'Open',
    });
    expect(snap.missing).toEqual([]);
    expect(snap.uncertain).toEqual([
      'Loop: price of returned item 1 read from an unlabelled amount',
      'Loop: price of returned item 2 read from an unlabelled amount',
    ]);
  });

  it('item table: one item per row with its own reason and comment; euro amounts and day-first dates', () => {
    const { snap, data } = read('item-table.html', 59002);
    expect(
      data.items.map((i) => [i.sku, i.title, i.variant, i.price, i.currency, i.quantity, i.reason?.child]),
    ).toEqual([
      ['MER-CRW-NVY-S', 'Merino Crew', 'Navy / S', 27.9, 'EUR', 1, 'Too large'],
      ['WOL-COT-GRY-L', 'Wool Coat', 'Grey / L', 1299, 'EUR', 1, 'Arrived damaged'],
    ]);
    expect(data.items.map((i) => i.comment)).toEqual([
      'Sleeves are far too long.',
      'The lining is torn at the pocket.',
    ]);
    expect(data).toMatchObject({
      order_created_at: '2026-11-03',
      delivered_at: '2026-11-12',
      created_at: '2026-11-15',
      status: 'Needs Review',
    });
    expect(data.customer.country).toBe('GB');
    expect(snap.missing).toEqual([]);
  });

  it("photos: the shopper photos count, the AI overlay's icon and words never do", () => {
    const { data } = read('photos-overlay.html', 59003);
    expect(data.photos).toHaveLength(2);
    expect(data.comment).toBe('The box was crushed and the dripper is chipped.');
    expect(data.comment).not.toMatch(/unused|original packaging/);
  });

  it('German labels, "1.299,00 €" and "12.11.2026"', () => {
    const { snap, data } = read('german.html', 59004);
    expect(data.items[0]).toMatchObject({
      sku: 'WOL-COT-GRY-L',
      price: 1299,
      currency: 'EUR',
      quantity: 1,
      comment: 'Die Ärmel sind viel zu lang.',
    });
    expect(data).toMatchObject({
      order_number: '#1099',
      delivered_at: '2026-11-12',
      created_at: '2026-11-15',
      requested_outcome: 'exchange',
      status: 'Offen',
    });
    expect(data.customer).toMatchObject({ email: 'jonas.weber@example.de', country: 'DE' });
    expect(snap.missing).toEqual([]);
  });

  it('a drawer over the list: only the drawer is read, never the SKUs of the list behind it', () => {
    const { data } = read('drawer.html', 59005);
    expect(data.items.map((i) => i.sku)).toEqual(['JKT-WAX-OLV-M']);
    expect(data).toMatchObject({
      order_number: '#1071',
      delivered_at: '2026-11-08',
      requested_outcome: 'exchange',
      status: 'Open',
    });
  });
});

describe('Loop API return details', () => {
  const api = JSON.parse(
    readFileSync(resolve(process.cwd(), 'e2e/fixtures/loop/api/return-59001.json'), 'utf8'),
  ) as unknown;

  it('maps the documented answer and lays it over the page, keeping what only the page shows', () => {
    const answer = returnFromApi('59001', api);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data.items.map((i) => [i.sku, i.price, i.reason?.text, i.comment])).toEqual([
      ['TEE-CLS-BLK-M', 25, 'Size > Too small', 'Way too tight across the chest, I need an L.'],
      ['TNK-CLS-WHT-M', 22, 'Style > Not as pictured', 'The colour is more grey than white.'],
    ]);
    expect(answer.data).toMatchObject({
      order_number: '#1047',
      created_at: '2026-11-14',
      status: 'Open',
      requested_outcome: 'exchange',
    });
    const { data: dom } = read('counts-inline.html', 59001);
    const merged = mergeLoopRead(dom, '59001', answer.data);
    expect(merged).toMatchObject({ delivered_at: '2026-11-06', customer: { name: 'Dana Whitfield' } });
  });

  it('refuses an answer for another return or of another shape', () => {
    expect(returnFromApi('59002', api)).toMatchObject({ ok: false });
    expect(returnFromApi('59001', { id: 59001, line_items: 'no' })).toMatchObject({ ok: false });
  });
});
