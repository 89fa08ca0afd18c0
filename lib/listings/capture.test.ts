import { describe, expect, it } from 'vitest';
import { captureAndCheck, captureCanonical, type ProductRecord } from './capture';
import { DEMO_TEE, DEMO_TEE_CAPTURE } from './demo';

const TODAY = '2026-11-27';
const META = DEMO_TEE_CAPTURE;

function stored(): ProductRecord {
  return captureCanonical(null, DEMO_TEE, META).record;
}

describe('canonical capture', () => {
  it('stores version 1 with a history entry, then nothing new for the same product', () => {
    const first = captureCanonical(null, DEMO_TEE, META);
    expect(first.record.version).toBe(1);
    expect(first.history?.changes.map((c) => c.field)).toContain('title');
    const again = captureCanonical(first.record, DEMO_TEE, { ...META, at: '2026-11-27T05:00:00.000Z' });
    expect(again.changed).toBe(false);
    expect(again.history).toBeNull();
    expect(again.record.version).toBe(1);
  });

  it('records what changed in a new version, keeping the first capture date', () => {
    const first = stored();
    const edited = {
      ...DEMO_TEE,
      title: 'Northwind Classic Tee',
      variants: [{ ...DEMO_TEE.variants[0], price: 27 }, DEMO_TEE.variants[1]],
    };
    const next = captureCanonical(first, edited as typeof DEMO_TEE, { ...META, at: '2026-11-28T09:00:00.000Z' });
    expect(next.record.version).toBe(2);
    expect(next.record.capturedAt).toBe(META.at);
    expect(next.history?.changes.map((c) => c.field).sort()).toEqual(['title', 'variants[TEE-CL-BLK-M].price']);
  });
});

describe('capture with checks', () => {
  const ctx = { policy: 'amazon-2026-07', today: TODAY, protectedSkus: [] } as const;
  const read = { product: DEMO_TEE, shopifyStatus: 'Active', source: META.source };

  it('checks a first capture on every channel per SKU and stores it with its history', () => {
    const c = captureAndCheck(null, read, ctx, META.at);
    expect(c.write).toBe(true);
    expect(c.history?.id).toBe('8123456789:1');
    expect(Object.keys(c.record.checks).sort()).toEqual(['amazon', 'ebay', 'faire', 'shopify', 'target', 'walmart']);
    expect(c.record.checks.amazon).toMatchObject({ version: 1, checkedAt: META.at });
    expect(Object.keys(c.record.checks.amazon?.skus ?? {})).toEqual(['TEE-CL-BLK-M', 'TEE-CL-BLK-L']);
    expect(c.derived.amazon.map((x) => x.sku)).toEqual(['TEE-CL-BLK-M', 'TEE-CL-BLK-L']);
  });

  it('stores nothing for the same product with current checks, and re-checks checks from before per-SKU checks', () => {
    const first = captureAndCheck(null, read, ctx, META.at).record;
    const later = '2026-11-27T05:00:00.000Z';
    const again = captureAndCheck(first, read, ctx, later);
    expect(again).toMatchObject({ write: false, history: null });
    expect(again.record).toBe(first);
    const { skus: _dropped, ...productOnly } = first.checks.amazon ?? ({} as never);
    const old = { ...first, checks: { ...first.checks, amazon: productOnly } };
    const stale = captureAndCheck(old, read, ctx, later);
    expect(stale).toMatchObject({ write: true, history: null });
    expect(stale.record.checks.amazon?.checkedAt).toBe(later);
    expect(stale.record.version).toBe(1);
  });
});
