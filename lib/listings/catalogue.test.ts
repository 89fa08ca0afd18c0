import { describe, expect, it } from 'vitest';
import { captureAndCheck } from './capture';
import { catalogueStatus, catalogueView, statusReason } from './catalogue';
import { DEMO_TEE } from './demo';
import type { ListingRecord } from './marketplace-status';
import { deriveAll } from './readiness';

const TODAY = '2026-11-27';

describe('catalogue status', () => {
  it('derives every channel and takes suppressed over active over inactive for the catalogue', () => {
    const all = deriveAll(DEMO_TEE, { policy: 'amazon-2026-07', today: TODAY, protectedSkus: [] });
    expect(Object.keys(all).sort()).toEqual(['amazon', 'ebay', 'faire', 'shopify', 'target', 'walmart']);
    const rec = (status: ListingRecord['status']) => ({ status }) as ListingRecord;
    const check = { ready: true } as never;
    expect(catalogueStatus('amazon', [rec('active'), rec('suppressed')], check, null)).toBe('suppressed');
    expect(catalogueStatus('amazon', [rec('inactive'), rec('active')], check, null)).toBe('live');
    expect(catalogueStatus('amazon', [rec('incomplete')], check, null)).toBe('submitted');
    expect(catalogueStatus('amazon', [], check, null)).toBe('ready');
    expect(catalogueStatus('amazon', [], undefined, null)).toBe('draft');
    expect(catalogueStatus('shopify', [], undefined, 'Draft')).toBe('draft');
  });
});

describe('catalogue rows', () => {
  const tee = captureAndCheck(
    null,
    { product: DEMO_TEE, shopifyStatus: 'Active', source: 'https://admin.shopify.com/store/demo/products/8123456789' },
    { policy: 'amazon-2026-07', today: TODAY, protectedSkus: [] },
    '2026-11-27T04:00:00.000Z',
  ).record;
  const rec = (sku: string, status: ListingRecord['status'], reason: string | null): ListingRecord => ({
    id: `amazon:${sku}`,
    channel: 'amazon',
    sku,
    asin: null,
    title: 'Tee',
    status,
    reason,
    seenAt: '2026-11-27T04:00:00.000Z',
    source: 'inventory',
    productId: '8123456789',
    driftFields: sku === 'TEE-CL-BLK-M' ? ['title', 'price'] : null,
    driftAt: null,
    violations: null,
  });

  it('names the record that decided a status, and nothing for a status no record decided', () => {
    const recs = [rec('TEE-CL-BLK-M', 'active', null), rec('TEE-CL-BLK-L', 'suppressed', 'Main image missing')];
    expect(statusReason('suppressed', recs)).toBe('TEE-CL-BLK-L: Main image missing');
    expect(statusReason('submitted', [rec('TEE-CL-BLK-L', 'incomplete', 'Missing GTIN')])).toBe(
      'TEE-CL-BLK-L: Missing GTIN',
    );
    expect(statusReason('live', recs)).toBeNull();
  });

  it('shows one row per SKU with each channel’s status, drift and reason', () => {
    const view = catalogueView(
      [tee],
      [rec('TEE-CL-BLK-M', 'active', null), rec('TEE-CL-BLK-L', 'suppressed', 'Main image missing')],
      { policy: 'amazon-2026-07', auto: true, protectedSkus: ['TEE-CL-BLK-L'] },
    );
    expect(view.rows.map((r) => [r.skus, r.specialistOwned])).toEqual([
      [['TEE-CL-BLK-M'], false],
      [['TEE-CL-BLK-L'], true],
    ]);
    const amazon = view.rows.map((r) => r.cells.find((c) => c.channel === 'amazon'));
    expect(amazon.map((c) => [c?.status, c?.drift, c?.reason, c?.stale])).toEqual([
      ['live', 2, null, false],
      ['suppressed', null, 'TEE-CL-BLK-L: Main image missing', false],
    ]);
    expect(view.rows[0]?.cells.find((c) => c.channel === 'shopify')?.status).toBe('live');
  });
});
