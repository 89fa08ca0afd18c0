import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../import/core';
import { SOURCES } from '../planning/import/sources';
import { TABLE_OF_SOURCE } from './import-store';
import { loadMemberships, loadPlanInput, storeRecords } from './planning-store';
import { CounterpartDB } from './schema';

const fixture = (f: string) => readFileSync(path.join(__dirname, '../../e2e/fixtures/planning', f), 'utf8');

describe('planning store: the SKU catalogue', () => {
  it('stores the products import in skuCatalog once, and merges it with the products captured off Shopify', async () => {
    const database = new CounterpartDB(`catalog-${Math.random()}`);
    expect(await loadMemberships(database)).toBeUndefined();
    expect((await loadPlanInput(database)).products).toBeUndefined();

    const records = importText(fixture('shopify-products.csv'), SOURCES.products).records;
    expect(TABLE_OF_SOURCE.products).toBe('skuCatalog');
    expect(await storeRecords(database, TABLE_OF_SOURCE.products, records)).toEqual({
      inserted: 15,
      updated: 0,
      unchanged: 0,
    });
    expect(await storeRecords(database, 'skuCatalog', records)).toEqual({ inserted: 0, updated: 0, unchanged: 15 });
    // A product the listings process captured off its Shopify page (canonical shape, with collections).
    await database.table('products').put({
      id: '8123456789',
      product: {
        title: 'Fleece Hoodie',
        tags: ['fleece', 'winter', 'bestseller'],
        collections: ['Cold Weather', 'New In'],
        variants: [{ sku: 'HOOD-GRY-M' }, { sku: 'HOOD-GRY-XL' }],
      },
    });
    // The calendar spells the collection in lower case; the catalogue's spelling wins.
    await database.table('calendar').put({
      id: 'p1',
      name: 'Cold Weather Week',
      start: '2026-12-01',
      end: '2026-12-07',
      skus: [],
      collection: 'cold weather',
      tag: null,
      upliftPct: 30,
    });

    const input = await loadPlanInput(database);
    expect(Object.keys(input.products!)).toHaveLength(16);
    expect(input.products!['HOOD-GRY-M']).toEqual({
      collections: ['Cold Weather', 'Essentials', 'New In'],
      tags: ['fleece', 'hoodie', 'winter', 'bestseller'],
    });
    expect(input.products!['HOOD-GRY-XL']).toEqual({
      collections: ['Cold Weather', 'New In'],
      tags: ['fleece', 'winter', 'bestseller'],
    });
    expect(input.promos![0]!.collection).toBe('Cold Weather');

    // The Shopify panel's per-SKU load answers only its SKUs; a SKU outside the catalogue gets an empty map.
    const one = await loadPlanInput(database, ['BEANIE-RED']);
    expect(one.products).toEqual({
      'BEANIE-RED': { collections: ['Cold Weather', 'Accessories'], tags: ['accessories', 'knitwear', 'winter'] },
    });
    expect((await loadPlanInput(database, ['NOT-SOLD'])).products).toEqual({});
    database.close();
  });

  it('uses the captured products alone when nothing was imported', async () => {
    const database = new CounterpartDB(`catalog-${Math.random()}`);
    await database.table('products').put({
      id: 'p',
      product: { title: 'Classic Tee', tags: ['tee'], variants: [{ sku: 'TEE-CL-BLK-M' }] },
    });
    expect((await loadPlanInput(database)).products).toEqual({ 'TEE-CL-BLK-M': { collections: [], tags: ['tee'] } });
    database.close();
  });
});
