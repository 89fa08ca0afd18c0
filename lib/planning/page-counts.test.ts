import { describe, expect, it } from 'vitest';
import { countsFromPage, inventoryPageStock, productPageStock } from './page-counts';

const at = (location: string, on_hand: number | null, available: number | null = on_hand) => ({
  location,
  available,
  on_hand,
  committed: 2,
  incoming: null,
});

describe('product page stock', () => {
  it('ties the location counts to the Inventory card’s SKU', () => {
    const stock = productPageStock(
      [{ sku: 'TEE-M' }, { sku: ' TEE-L ' }, { sku: 'TEE-M' }, { sku: '' }],
      [at('Brooklyn', 14), at('Reno', 7)],
      'TEE-M',
    );
    expect(stock.skus).toEqual(['TEE-M', 'TEE-L']);
    expect(stock.rows.map((r) => [r.sku, r.location, r.on_hand])).toEqual([
      ['TEE-M', 'Brooklyn', 14],
      ['TEE-M', 'Reno', 7],
    ]);
  });

  it('records nothing when several variants share the page and the card names no SKU', () => {
    const stock = productPageStock([{ sku: 'TEE-M' }, { sku: 'TEE-L' }], [at('Brooklyn', 14)], null);
    expect(stock).toEqual({ skus: ['TEE-M', 'TEE-L'], rows: [], countsSku: null, untied: 1 });
  });

  it('puts the card’s SKU first when no variant lists it', () => {
    expect(productPageStock([{ sku: 'TEE-L' }], [at('Brooklyn', 3)], 'TEE-M').skus).toEqual(['TEE-M', 'TEE-L']);
  });
});

describe('inventory list stock', () => {
  it('keeps rows with a SKU and lists each SKU once in page order', () => {
    const row = (sku: string, location: string) => ({ sku, ...at(location, 5) });
    const stock = inventoryPageStock([row('B', 'Reno'), row('A', 'Reno'), row(' ', 'Reno'), row('B', 'Brooklyn')]);
    expect(stock.skus).toEqual(['B', 'A']);
    expect(stock.rows).toHaveLength(3);
    expect(stock.countsSku).toBeNull();
    expect(stock.untied).toBe(0);
  });
});

describe('countsFromPage', () => {
  it('dates the counts by the capture day and takes on hand as available + committed when missing', () => {
    const counts = countsFromPage(
      [
        { sku: 'TEE-M', ...at('Brooklyn', null, 12) },
        { sku: 'TEE-M', ...at('Reno', null, null) },
      ],
      '2026-11-27T09:30:00Z',
    );
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({
      source: 'shopify-page',
      asOf: '2026-11-27',
      onHand: 14,
      available: 12,
      committed: 2,
      incoming: 0,
    });
  });
});
