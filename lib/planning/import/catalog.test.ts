import { describe, expect, it } from 'vitest';
import { planReorder } from '../plan';
import { alignPromoTargets, mergeMemberships } from './catalog';
import type { InventoryCount, OrderLine, Promo, SupplierTerm } from './types';

const row = (sku: string, collections: string[], tags: string[] = []) => ({ sku, collections, tags });

describe('mergeMemberships', () => {
  it('unions the products import and the captured Shopify products per SKU, ignoring case duplicates', () => {
    const merged = mergeMemberships(
      [row('HOOD-GRY-M', ['Cold Weather'], ['winter']), row('TEE-BLK-M', ['Essentials'], ['tee'])],
      [
        // Captured off the product page: one product, two variants; tag spelled differently.
        {
          tags: ['Winter', 'fleece'],
          collections: ['Cold Weather', 'New In'],
          variants: [{ sku: 'HOOD-GRY-M' }, { sku: 'HOOD-GRY-L' }],
        },
        // Captured before collections were read: no `collections` field at all.
        { tags: ['mug'], variants: [{ sku: 'MUG-CER-12' }, { sku: '' }] },
      ],
    );
    expect(merged).toEqual({
      'HOOD-GRY-M': { collections: ['Cold Weather', 'New In'], tags: ['winter', 'fleece'] },
      'TEE-BLK-M': { collections: ['Essentials'], tags: ['tee'] },
      'HOOD-GRY-L': { collections: ['Cold Weather', 'New In'], tags: ['Winter', 'fleece'] },
      'MUG-CER-12': { collections: [], tags: ['mug'] },
    });
  });

  it('answers only the asked SKUs, but an empty answer still means a catalogue exists', () => {
    const catalog = [row('HOOD-GRY-M', ['Cold Weather']), row('TEE-BLK-M', ['Essentials'])];
    expect(mergeMemberships(catalog, [], ['TEE-BLK-M'])).toEqual({
      'TEE-BLK-M': { collections: ['Essentials'], tags: [] },
    });
    expect(mergeMemberships(catalog, [], ['NOT-THERE'])).toEqual({});
  });

  it('returns null when neither source names a SKU', () => {
    expect(mergeMemberships([], [])).toBeNull();
    expect(mergeMemberships([], [{ tags: ['x'], variants: [{ sku: '' }] }])).toBeNull();
  });
});

describe('alignPromoTargets', () => {
  it('spells a promo’s collection and tag as the catalogue does when only case or spaces differ', () => {
    const products = { A: { collections: ['Cold Weather'], tags: ['winter'] } };
    const promos = [
      { id: '1', collection: 'cold weather ', tag: null },
      { id: '2', collection: null, tag: 'WINTER' },
      { id: '3', collection: 'Linen Shop', tag: null },
    ];
    expect(alignPromoTargets(promos, products)).toEqual([
      { id: '1', collection: 'Cold Weather', tag: null },
      { id: '2', collection: null, tag: 'winter' },
      { id: '3', collection: 'Linen Shop', tag: null },
    ]);
    expect(alignPromoTargets(promos, undefined)).toEqual(promos);
  });
});

describe('a calendar promo aimed at a collection', () => {
  // Three SKUs selling exactly 10 a day for 200 days, in stock, same supplier terms.
  const today = '2026-11-27';
  const skus = ['HOOD-GRY-M', 'BEANIE-RED', 'TEE-BLK-M'];
  const orders: OrderLine[] = [];
  for (let d = 1; d <= 200; d++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
    for (const sku of skus)
      orders.push({
        id: `${sku}-${day}`,
        source: 'shopify-orders',
        channel: 'shopify',
        orderId: `#${d}`,
        day,
        sku,
        qty: 10,
        unitPrice: 30,
        currency: 'USD',
        country: 'US',
        excluded: null,
      });
  }
  const counts: InventoryCount[] = skus.map((sku) => ({
    id: `c-${sku}`,
    source: 'shopify-inventory',
    sku,
    location: 'Warehouse',
    onHand: 400,
    available: 400,
    committed: 0,
    incoming: 0,
    asOf: today,
  }));
  const suppliers: SupplierTerm[] = skus.map((sku) => ({
    id: `s-${sku}`,
    sku,
    supplier: 'Lotus',
    leadTimeDays: 30,
    leadTimeSdDays: 0,
    moq: null,
    casePack: null,
    unitCost: 10,
    currency: 'USD',
  }));
  const promo: Promo = {
    id: 'cww',
    name: 'Cold Weather Week',
    start: '2026-12-01',
    end: '2026-12-07',
    skus: [],
    collection: 'Cold Weather',
    tag: null,
    upliftPct: 30,
  };
  const products = mergeMemberships(
    [
      row('HOOD-GRY-M', ['Cold Weather', 'Essentials']),
      row('BEANIE-RED', ['Cold Weather']),
      row('TEE-BLK-M', ['Essentials']),
    ],
    [],
  )!;
  const plan = planReorder({ today, orders, counts, suppliers, promos: [promo], products, seriesFor: skus });
  const series = (sku: string) => plan.series.find((s) => s.sku === sku)!.forecast;
  const line = (sku: string) => plan.lines.find((l) => l.sku === sku)!;
  // Horizon index of Dec 1–7 when today is Nov 27.
  const promoDays = [4, 5, 6, 7, 8, 9, 10];

  it('lifts the forecast of exactly the SKUs in the collection by 30% over the promo days', () => {
    const tee = series('TEE-BLK-M');
    for (const sku of ['HOOD-GRY-M', 'BEANIE-RED']) {
      const f = series(sku);
      for (const k of promoDays) expect(f[k]! / tee[k]!).toBeCloseTo(1.3, 2);
      // Outside the promo the forecasts are the same.
      expect(f[3]).toBe(tee[3]);
      expect(f[11]).toBe(tee[11]);
    }
    expect(tee[4]).toBeCloseTo(10, 0);
  });

  it('says so in the rationale of the SKUs in the collection, and not in the others', () => {
    expect(line('HOOD-GRY-M').rationale).toContain('Cold Weather Week Dec 1–7 adds 30%');
    expect(line('BEANIE-RED').promos).toEqual([
      { name: 'Cold Weather Week', start: '2026-12-01', end: '2026-12-07', upliftPct: 30 },
    ]);
    expect(line('TEE-BLK-M').rationale).not.toContain('Cold Weather Week');
    // 7 promo days × 10 × 30% = 21 more units over the 30-day lead time.
    expect(line('HOOD-GRY-M').leadTimeDemand - line('TEE-BLK-M').leadTimeDemand).toBeCloseTo(21, 0);
  });

  it('no longer warns that product data is missing', () => {
    expect(plan.checklist.find((c) => c.id === 'promo-targets')!.ok).toBe(true);
    const without = planReorder({ today, orders, counts, suppliers, promos: [promo] });
    expect(without.checklist.find((c) => c.id === 'promo-targets')).toMatchObject({ ok: false });
    expect(without.lines.find((l) => l.sku === 'HOOD-GRY-M')!.promos).toEqual([]);
  });
});
