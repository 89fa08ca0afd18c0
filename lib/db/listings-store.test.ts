import { beforeEach, describe, expect, it } from 'vitest';
import type { ProductRead } from '../listings/capture';
import { DEMO_TEE, DEMO_TEE_CAPTURE } from '../listings/demo';
import { listingsContext } from '../listings/readiness';
import { allListings, captureProduct, product, readProductCapture, recordPageReads } from './listings-store';
import { db } from './schema';

const CTX = listingsContext({ amazonTitlePolicy: 'auto', protectedSkus: [], faireWholesaleRatio: 0.5 }, '2026-11-27');
const READ: ProductRead = {
  product: DEMO_TEE,
  shopifyStatus: DEMO_TEE_CAPTURE.shopifyStatus,
  source: DEMO_TEE_CAPTURE.source,
};

beforeEach(async () => {
  await Promise.all([db().products.clear(), db().productHistory.clear(), db().listings.clear()]);
});

describe('listings store', () => {
  it('the hook captures a product once; the panel read writes nothing and says "changed" until that version is shown', async () => {
    const first = await captureProduct(READ, CTX, DEMO_TEE_CAPTURE.at);
    expect(first.history?.version).toBe(1);
    expect((await captureProduct(READ, CTX, '2026-11-27T05:00:00.000Z')).history).toBeNull();
    const id = first.record.id;
    const unseen = await readProductCapture(READ, CTX, '2026-11-27T06:00:00.000Z', () => null);
    expect(unseen.captured.history?.version).toBe(1);
    expect(unseen.history.map((h) => h.version)).toEqual([1]);
    const seen = await readProductCapture(READ, CTX, '2026-11-27T06:00:00.000Z', (p) => (p === id ? 1 : null));
    expect(seen.captured.history).toBeNull();
    expect(await product(id)).toEqual(first.record);
    expect(await db().productHistory.count()).toBe(1);
  });

  it('records a Seller Central inventory read against the stored products, and nothing for other pages', async () => {
    const { record } = await captureProduct(READ, CTX, DEMO_TEE_CAPTURE.at);
    await recordPageReads({ editor: null, inventory: null }, CTX, '2026-11-27T06:00:00.000Z');
    expect(await allListings()).toEqual([]);
    const inventory = {
      marketplace: 'Demo Store | United States',
      rows: [{ sku: 'TEE-CL-BLK-M', asin: 'B0CLTEE001', title: 'Tee M', status: 'active' as const, reason: null }],
    };
    await recordPageReads({ editor: null, inventory }, CTX, '2026-11-27T06:00:00.000Z');
    expect(await allListings()).toMatchObject([{ sku: 'TEE-CL-BLK-M', productId: record.id, status: 'active' }]);
  });
});
