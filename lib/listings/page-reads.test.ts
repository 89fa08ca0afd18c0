import { describe, expect, it } from 'vitest';
import { captureAndCheck, type ProductRead } from './capture';
import { DEMO_TEE, DEMO_TEE_CAPTURE } from './demo';
import { editorListings, editorReport } from './editor';
import { readInventory } from './marketplace-status';
import { listingUpdatesOf, shownCapture } from './page-reads';
import { listingsContext } from './readiness';

const CTX = listingsContext({ amazonTitlePolicy: 'auto', protectedSkus: [], faireWholesaleRatio: 0.5 }, '2026-11-27');
const AT = '2026-11-27T06:00:00.000Z';
const READ: ProductRead = {
  product: DEMO_TEE,
  shopifyStatus: DEMO_TEE_CAPTURE.shopifyStatus,
  source: DEMO_TEE_CAPTURE.source,
};
const first = captureAndCheck(null, READ, CTX, DEMO_TEE_CAPTURE.at);
const PRODUCTS = [first.record];

describe('listing records a Seller Central read updates', () => {
  it('records the editor listing as the editor report sees it', () => {
    const editor = {
      sku: 'TEE-CL-BLK-M',
      asin: 'B0CLTEE001',
      marketplace: 'Demo Store | United States',
      live: { title: 'Northwind Classic Tee', attributes: { marketplace: 'US' } },
      status: null,
    };
    const updates = listingUpdatesOf({ editor, inventory: null }, PRODUCTS, CTX, AT);
    const report = editorReport({ live: editor.live, sku: editor.sku, products: PRODUCTS, ...CTX });
    expect(updates).toEqual(editorListings(editor, report, AT));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ sku: 'TEE-CL-BLK-M', productId: first.record.id, source: 'editor' });
  });

  it('records every inventory row with a SKU, and nothing for any other page', () => {
    const inventory = {
      marketplace: 'Demo Store | United States',
      rows: [
        { sku: 'TEE-CL-BLK-M', asin: 'B0CLTEE001', title: 'Tee M', status: 'active' as const, reason: null },
        { sku: '', asin: null, title: 'No SKU', status: 'unknown' as const, reason: null },
      ],
    };
    const updates = listingUpdatesOf({ editor: null, inventory }, PRODUCTS, CTX, AT);
    expect(updates).toEqual(readInventory(inventory, PRODUCTS, AT).updates);
    expect(updates.map((u) => u.sku)).toEqual(['TEE-CL-BLK-M']);
    expect(listingUpdatesOf({ editor: null, inventory: null }, PRODUCTS, CTX, AT)).toEqual([]);
  });
});

describe('the product capture the panel shows', () => {
  it('shows the stored version as changed until a panel has shown it, then up to date', () => {
    const latest = first.history;
    expect(latest?.version).toBe(1);
    const unseen = shownCapture(first.record, READ, CTX, AT, latest, null);
    expect(unseen.history).toEqual(latest);
    expect(unseen.record).toEqual(first.record);
    expect(unseen.write).toBe(false);
    expect(shownCapture(first.record, READ, CTX, AT, latest, 1).history).toBeNull();
  });

  it('shows a change the store does not hold yet as changed now', () => {
    const pending = shownCapture(null, READ, CTX, AT, null, 1);
    expect(pending.history?.version).toBe(1);
    expect(pending.write).toBe(true);
  });
});
