import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ImportOptions, importText, type SourceSpec } from '../../import/core';
import { mulberry32 } from '../../util/random';
import { isDigits, isPlainPrice, Occurrences, SOURCES } from './sources';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../e2e/fixtures/planning/${name}`, import.meta.url), 'utf8');

/** The same source read only through its cells row builder (the reference). */
const cellsOnly = <K extends string, T extends { id: string }>(spec: SourceSpec<K, T>): SourceSpec<K, T> => ({
  ...spec,
  arrayRowBuilder: undefined,
});

const HEAD =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at,Refunded Amount,Source';

/**
 * Orders whose rows vary every cell the import reads, one at a time or together: later rows with
 * their own (same or different) order-level cells, padded cells, bad and zero quantities, locale
 * prices, broken and slash dates, cancelled / refunded / voided orders, POS, an order name seen
 * again later, empty names and SKUs, blank lines.
 */
function trickyOrders(rows: number, seed: number, slashDates: boolean): string {
  const rand = mulberry32(seed);
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rand() * xs.length)]!;
  const days = slashDates
    ? ['13/11/2026 10:00', '03/11/2026', '28/02/2026', ' 01/12/2026 ', '31/04/2026', '2026-11-03 09:00:00 -0500']
    : [
        '2026-11-03 10:00:00 -0500',
        '2026-11-03 11:00:00 -0500',
        '2026-11-04',
        '2026-11-04T08:00:00+00:00',
        '2026-02-30 10:00:00 -0500',
        'soon',
        '',
        ' 2026-11-05 10:00:00 -0500',
        '2026-11-0510:00',
      ];
  const statuses = ['paid', 'paid', 'Refunded', 'voided', 'pending', ''];
  const qtys = ['1', '1', '2', '0', '-1', '1.5', ' 3', 'x', '', '1 200', '007'];
  const prices = ['28.00', '28.00', '', '7,80 €', '-1', '1.299,00', '28', 'abc', '.5'];
  const skus = ['SKU-1', 'SKU-2', 'SKU-2', ' SKU-3 ', '', 'sku-1'];
  const sources = ['web', 'web', 'pos', 'POS', '', 'shopify_draft_order'];
  const currencies = ['USD', 'usd', '', 'EUR'];
  const countries = ['US', 'ca', '', 'DE'];
  const out = [HEAD];
  let order = 1000;
  for (let i = 0; i < rows; ) {
    const name = rand() < 0.03 ? '' : rand() < 0.05 ? '#1000' : `#${order++}`;
    const first = {
      status: pick(statuses),
      currency: pick(currencies),
      day: pick(days),
      cancelled: rand() < 0.1 ? '2026-11-05 10:00:00 -0500' : '',
      country: pick(countries),
      source: pick(sources),
    };
    const n = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < n && i < rows; k++, i++) {
      if (rand() < 0.02) out.push('');
      const own = k === 0 || rand() < 0.15;
      const v = (x: string, other: () => string) => (!own ? '' : k === 0 || rand() < 0.6 ? x : other());
      out.push(
        [
          k > 0 && rand() < 0.05 ? ` ${name}` : name,
          k === 0 ? 'a@example.com' : '',
          v(first.status, () => pick(statuses)),
          '',
          '',
          '',
          v(first.currency, () => pick(currencies)),
          '',
          '',
          '',
          '',
          v(first.day, () => pick(days)),
          pick(qtys),
          'Product',
          pick(prices),
          pick(skus),
          v(first.country, () => pick(countries)),
          v(first.cancelled, () => (rand() < 0.5 ? '' : '2026-11-06')),
          '',
          v(first.source, () => pick(sources)),
        ]
          .map((c) => (c.includes(',') ? `"${c}"` : c))
          .join(','),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

describe('order exports read from raw rows', () => {
  const spec = SOURCES['shopify-orders'];
  const same = (text: string, options: ImportOptions = {}) => {
    const fast = importText(text, spec, options);
    const reference = importText(text, cellsOnly(spec), options);
    expect(fast).toEqual(reference);
    return fast;
  };

  it('give exactly what the cells row builder gives on every Shopify orders fixture', () => {
    expect(same(fixture('shopify-orders.csv')).records.length).toBeGreaterThan(7000);
    expect(same(fixture('shopify-orders-semicolon.csv')).records.length).toBeGreaterThan(7000);
    expect(same(fixture('shopify-orders-broken.csv')).rejected.length).toBeGreaterThan(3);
    same(fixture('shopify-orders-header-only.csv'));
  }, 60_000);

  it('give exactly what the cells row builder gives on rows that vary every cell read', () => {
    for (const seed of [1, 2, 3, 4]) {
      const r = same(trickyOrders(1200, seed, false));
      expect(r.records.length).toBeGreaterThan(200);
      expect(r.rejected.length).toBeGreaterThan(200);
      expect(r.duplicates).toBeGreaterThan(0);
      expect(r.records.some((x) => x.excluded === 'cancelled')).toBe(true);
      expect(r.records.some((x) => x.channel === 'pos')).toBe(true);
    }
    const dmy = same(trickyOrders(800, 5, true));
    expect(dmy.dateOrder?.order).toBe('dmy');
    expect(same(trickyOrders(800, 6, true), { dateOrder: 'dmy' }).records.length).toBeGreaterThan(100);
  }, 60_000);
});

describe('digit checks of the fast paths', () => {
  it('accept exactly what /^\\d+$/ and /^\\d+(\\.\\d+)?$/ accept', () => {
    const cells = [
      '',
      '0',
      '007',
      '12',
      '1.5',
      '1.',
      '.5',
      '1..5',
      '1.2.3',
      '-1',
      '+1',
      ' 1',
      '1 ',
      '١',
      '28.00',
      'x',
      '.',
      '1e3',
    ];
    for (const c of cells) {
      expect(isDigits(c), c).toBe(/^\d+$/.test(c));
      expect(isPlainPrice(c), c).toBe(/^\d+(\.\d+)?$/.test(c));
    }
  });
});

describe('Occurrences', () => {
  it('counts each key since the last clear, past the short list into a map', () => {
    const o = new Occurrences();
    const ref = new Map<string, number>();
    const rand = mulberry32(9);
    for (let i = 0; i < 5000; i++) {
      if (rand() < 0.01) {
        o.clear();
        ref.clear();
      }
      const key = `k${Math.floor(rand() * 60)}`;
      const want = (ref.get(key) ?? 0) + 1;
      ref.set(key, want);
      expect(o.next(key)).toBe(want);
    }
  });
});
