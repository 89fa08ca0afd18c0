import { describe, expect, it } from 'vitest';
import { inventorySummary, type ListingUpdate, mergeListing, readInventory } from './marketplace-status';

describe('marketplace status', () => {
  it('counts statuses and reasons from Manage All Inventory', () => {
    const s = inventorySummary([
      { sku: 'MA023', title: 'Tee', status: 'suppressed', reason: 'Main image missing' },
      { sku: 'A', title: 'A', status: 'active', reason: null },
      { sku: 'B', title: 'B', status: 'inactive', reason: 'Out of stock' },
    ]);
    expect(s.counts).toMatchObject({ active: 1, inactive: 1, suppressed: 1 });
    expect(s.suppressed).toEqual([{ sku: 'MA023', title: 'Tee', reason: 'Main image missing' }]);
    expect(s.reasons.map((r) => r.reason)).toEqual(['Main image missing', 'Out of stock']);
  });
});

describe('listing reads', () => {
  const editor: ListingUpdate = {
    channel: 'amazon',
    sku: 'TEE-CL-BLK-M',
    asin: 'B0CLTEE001',
    title: 'Northwind Classic Tee',
    status: null,
    reason: null,
    seenAt: '2026-11-27T04:00:00.000Z',
    source: 'editor',
    productId: '8123456789',
    driftFields: ['title', 'bullets[0]'],
    driftAt: '2026-11-27T04:00:00.000Z',
    violations: 7,
  };

  it('keeps what a read does not know: an editor without an alert keeps the status, an inventory read the drift', () => {
    const first = mergeListing(undefined, editor);
    expect(first).toMatchObject({ id: 'amazon:TEE-CL-BLK-M', status: 'unknown', violations: 7 });
    const inventory = {
      ...editor,
      status: 'suppressed' as const,
      reason: 'Main image missing',
      seenAt: '2026-11-28T09:00:00.000Z',
      source: 'inventory' as const,
      productId: null,
      driftFields: null,
      driftAt: null,
      violations: null,
    };
    const second = mergeListing(first, inventory);
    expect(second).toMatchObject({
      status: 'suppressed',
      reason: 'Main image missing',
      source: 'inventory',
      productId: '8123456789',
      driftFields: ['title', 'bullets[0]'],
      violations: 7,
    });
    expect(mergeListing(second, editor)).toMatchObject({ status: 'suppressed', reason: null, source: 'editor' });
  });

  it('records one update per inventory row with a SKU and matches SKUs to canonical products', () => {
    const { updates, view } = readInventory(
      {
        marketplace: 'Demo Store | United States',
        rows: [
          { sku: 'TEE-CL-BLK-M', asin: 'B0CLTEE001', title: 'Tee M', status: 'active', reason: null },
          { sku: 'MA023', asin: null, title: 'Mug', status: 'inactive', reason: 'Out of stock' },
          { sku: '', asin: null, title: 'No SKU', status: 'unknown', reason: null },
        ],
      },
      [{ id: '8123456789', product: { variants: [{ sku: 'TEE-CL-BLK-M' }, { sku: 'TEE-CL-BLK-L' }] } }],
      '2026-11-27T04:00:00.000Z',
    );
    expect(updates.map((u) => [u.sku, u.productId, u.source])).toEqual([
      ['TEE-CL-BLK-M', '8123456789', 'inventory'],
      ['MA023', null, 'inventory'],
    ]);
    expect(view).toMatchObject({ recorded: 2, matched: 1, reasons: [{ reason: 'Out of stock', count: 1 }] });
  });
});
