import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random';
import { dayNumber } from './dates';
import { buildHistory, emptyHistory } from './history';
import type { OrderLine, Promo } from './import/types';
import { planReorder } from './plan';
import { checkData, emptyPromoTargets, salesGaps } from './quality';
import { resolveSettings } from './settings';

const TODAY = '2026-11-27';
const order = (sku: string, day: string): OrderLine => ({
  id: `${sku}-${day}`,
  source: 'shopify-orders',
  channel: 'shopify',
  orderId: `#${day}`,
  day,
  sku,
  qty: 2,
  unitPrice: 30,
  currency: 'USD',
  country: 'US',
  excluded: null,
});
const promo = (name: string, target: { collection?: string; tag?: string; skus?: string[] }): Promo => ({
  id: name,
  name,
  start: '2026-12-01',
  end: '2026-12-07',
  skus: target.skus ?? [],
  collection: target.collection ?? null,
  tag: target.tag ?? null,
  upliftPct: 30,
});
const history = buildHistory(
  [order('HOOD-GRY-M', '2026-11-20'), order('TEE-BLK-M', '2026-11-21')],
  [],
  [],
  TODAY,
).history;
const promos = [
  promo('Cold Weather Week', { collection: 'Cold Weather' }),
  promo('Spring linen preview', { collection: 'Linen Shop' }),
  promo('Winter launch email', { tag: 'winter' }),
  promo('Gift guide', { skus: ['TEE-BLK-M'] }),
];
const check = (products: Record<string, { collections?: string[]; tags?: string[] }> | undefined) =>
  checkData({
    history,
    stock: [null, null],
    terms: [null, null],
    promos,
    productsKnown: products !== undefined,
    products,
    today: TODAY,
    settings: resolveSettings(),
  }).checklist;

describe('promo target checks', () => {
  it('warns that collection/tag promos cannot be resolved when there is no catalogue at all', () => {
    const list = check(undefined);
    expect(list.find((c) => c.id === 'promo-targets')).toMatchObject({
      ok: false,
      severity: 'warning',
      detail: expect.stringContaining(
        'Cold Weather Week, Spring linen preview, Winter launch email target a collection',
      ),
    });
    // Nothing to check membership against: the empty-target item is not shown.
    expect(list.find((c) => c.id === 'promo-empty-target')).toBeUndefined();
  });

  it('with a catalogue, only warns about the collection or tag no SKU is in', () => {
    const list = check({
      'HOOD-GRY-M': { collections: ['Cold Weather'], tags: ['winter'] },
      'TEE-BLK-M': { collections: ['Essentials'], tags: [] },
    });
    expect(list.find((c) => c.id === 'promo-targets')!.ok).toBe(true);
    expect(list.find((c) => c.id === 'promo-empty-target')).toEqual({
      id: 'promo-empty-target',
      ok: false,
      severity: 'warning',
      title: 'Collection and tag promotions reach SKUs',
      detail: 'Spring linen preview targets collection "Linen Shop" but no SKU is in it',
      skus: [],
    });
  });

  it('passes when every collection and tag promo reaches a SKU', () => {
    expect(
      emptyPromoTargets(promos.slice(0, 1).concat(promos.slice(2)), {
        A: { collections: ['Cold Weather'] },
        B: { tags: ['winter'] },
      }),
    ).toEqual([]);
    expect(emptyPromoTargets([promo('Tag sale', { tag: 'fleece' })], { A: { tags: ['winter'] } })).toEqual([
      'Tag sale targets tag "fleece" but no SKU has it',
    ]);
  });

  it('a full plan with a catalogue warns about the promo whose collection holds no SKU', () => {
    const result = planReorder({
      today: TODAY,
      orders: [order('HOOD-GRY-M', '2026-11-20'), order('TEE-BLK-M', '2026-11-21')],
      counts: [],
      suppliers: [],
      promos,
      products: { 'HOOD-GRY-M': { collections: ['Cold Weather'], tags: ['winter'] } },
    });
    expect(result.checklist.find((c) => c.id === 'promo-empty-target')).toMatchObject({
      ok: false,
      detail: 'Spring linen preview targets collection "Linen Shop" but no SKU is in it',
    });
  });
});

describe('salesGaps', () => {
  /** The plain definition: per channel, the day totals over every SKU, and runs of zero days after the first sale. */
  const naive = (h: ReturnType<typeof emptyHistory>, minDays: number) => {
    const out: string[] = [];
    const C = h.channels.length;
    for (let c = 0; c < C; c++) {
      const perDay = new Float64Array(h.days);
      for (let s = 0; s < h.skus.length; s++)
        for (let t = 0; t < h.days; t++) perDay[t]! += h.qty[(s * C + c) * h.days + t]!;
      const first = perDay.findIndex((v) => v > 0);
      const total = perDay.reduce((a, b) => a + b, 0);
      if (first < 0 || total / (h.days - first) < 1) continue;
      for (let t = first; t < h.days; ) {
        if (perDay[t]! > 0) {
          t += 1;
          continue;
        }
        let e = t;
        while (e < h.days && perDay[e] === 0) e += 1;
        if (e - t >= minDays) out.push(`${h.channels[c]} ${t}-${e}`);
        t = e;
      }
    }
    return out;
  };
  it('finds the same gaps as summing every day of every SKU, busy or slow, with gaps anywhere', () => {
    const rand = mulberry32(3);
    for (let trial = 0; trial < 20; trial++) {
      const skus = Array.from({ length: 1 + Math.floor(rand() * 30) }, (_, i) => `S${i}`);
      const h = emptyHistory(skus, dayNumber('2025-01-01'), 200);
      const rate = trial % 2 === 0 ? 2 : 0.02; // busy and too slow to judge
      const gapFrom = Math.floor(rand() * 190);
      const gapLen = 1 + Math.floor(rand() * 20);
      const lateStart = trial % 3 === 0 ? 30 : 0; // a channel that opens later
      for (let i = 0; i < h.qty.length; i++) {
        const t = i % h.days;
        if (t < lateStart || (t >= gapFrom && t < gapFrom + gapLen)) continue;
        h.qty[i] = rand() < rate / (1 + rate) ? 1 + Math.floor(rand() * 3) : 0;
      }
      const got = salesGaps(h, 3).map((g) => `${g.split(':')[0]} ${g.match(/\((\d+) days\)/)![1]}`);
      const want = naive(h, 3).map((g) => {
        const [ch, range] = g.split(' ');
        const [a, b] = range!.split('-').map(Number);
        return `${ch} ${b! - a!}`;
      });
      expect(got).toEqual(want);
    }
    // A busy store with one 5-day gap on Amazon only: found, and only there.
    const h = emptyHistory(['A', 'B'], dayNumber('2026-01-01'), 60);
    h.qty.fill(2);
    for (let t = 20; t < 25; t++) for (const s of [0, 1]) h.qty[(s * 3 + 2) * 60 + t] = 0;
    expect(salesGaps(h, 3)).toEqual(['amazon: no sales Jan 21–25 2026 (5 days) — missing export?']);
  });
});
