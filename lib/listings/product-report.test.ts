import { describe, expect, it } from 'vitest';
import { captureAndCheck } from './capture';
import { DEMO_TEE } from './demo';
import { channelReadiness, gtinProblems, productPanel } from './product-report';
import { deriveSkus } from './readiness';

const TODAY = '2026-11-27';

describe('GTIN problems', () => {
  it('reports a wrong check digit by SKU', () => {
    const p = { ...DEMO_TEE, variants: [{ ...DEMO_TEE.variants[0], barcode: '036000291453' }] };
    const problems = gtinProblems(p as typeof DEMO_TEE, TODAY);
    expect(problems.find((g) => g.rule === 'GTIN-CHECK')?.sku).toBe('TEE-CL-BLK-M');
    expect(gtinProblems(DEMO_TEE, TODAY).filter((g) => g.rule === 'GTIN-CHECK')).toEqual([]);
  });
});

describe('channel readiness in the product panel', () => {
  it('names the SKU that is not ready: the tee’s bad XL GTIN first, two of three SKUs ready', () => {
    const tee = {
      ...DEMO_TEE,
      variants: [
        ...DEMO_TEE.variants,
        { ...DEMO_TEE.variants[1], sku: 'TEE-CL-BLK-XL', barcode: '850012345672', options: ['Black', 'XL'] },
      ],
    } as typeof DEMO_TEE;
    const list = deriveSkus('amazon', tee, { policy: 'amazon-2026-07', today: TODAY, protectedSkus: [] });
    const r = channelReadiness('amazon', list, 3, '2026-11-27T04:00:00.000Z');
    expect(r).toMatchObject({ channel: 'amazon', ready: false, skus: { ready: 2, total: 3 } });
    expect(r.top[0]).toMatchObject({ rule: 'GTIN-CHECK', field: 'TEE-CL-BLK-XL · gtin' });
    expect(r.top[0]?.message.startsWith('TEE-CL-BLK-XL: ')).toBe(true);
    expect(r.top.length).toBeLessThanOrEqual(3);
  });

  it('builds the panel from a capture: version, last change and policy', () => {
    const capture = captureAndCheck(
      null,
      {
        product: DEMO_TEE,
        shopifyStatus: 'Active',
        source: 'https://admin.shopify.com/store/demo/products/8123456789',
      },
      { policy: 'amazon-2026-07', today: TODAY, protectedSkus: [] },
      '2026-11-27T04:00:00.000Z',
    );
    const ctx = {
      policy: 'amazon-2026-07',
      auto: true,
      today: TODAY,
      protectedSkus: ['TEE-CL-BLK-L'],
      wholesaleRatio: 0.5,
    } as const;
    const panel = productPanel(capture, capture.history ? [capture.history] : [], ctx);
    expect(panel).toMatchObject({ productId: '8123456789', version: 1, changedNow: true, specialistOwned: true });
    expect(panel.lastChange).toMatchObject({ version: 1, at: '2026-11-27T04:00:00.000Z' });
    expect(panel.channels.map((c) => c.channel)).toEqual(['amazon', 'walmart', 'ebay', 'target', 'faire']);
    expect(panel.missingBarcodes).toEqual([]);
    expect(panel.policy).toEqual({ policy: 'amazon-2026-07', auto: true });
  });
});
