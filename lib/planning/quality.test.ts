import { describe, expect, it } from 'vitest';
import { buildHistory } from './history';
import type { OrderLine, Promo } from './import/types';
import { planReorder } from './plan';
import { checkData, emptyPromoTargets } from './quality';
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
