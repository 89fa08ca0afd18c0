import { describe, expect, it } from 'vitest';
import { catalogueStatus } from './catalogue';
import { DEMO_TEE, DEMO_TEE_CAPTURE } from './demo';
import { exportFeed } from './feed';
import { checkSummarySkus, deriveSkus } from './readiness';

const TODAY = '2026-11-27';
const META = DEMO_TEE_CAPTURE;

describe('readiness per SKU', () => {
  it('derives and checks each SKU on its own: the tee’s bad XL GTIN keeps only XL in draft', () => {
    // The Shopify fixture's tee: TEE-CL-BLK-XL's barcode 850012345672 fails its check digit.
    const tee = {
      ...DEMO_TEE,
      options: DEMO_TEE.options.map((o) => (o.name === 'Size' ? { ...o, values: [...o.values, 'XL'] } : o)),
      variants: [
        ...DEMO_TEE.variants,
        { ...DEMO_TEE.variants[1], sku: 'TEE-CL-BLK-XL', barcode: '850012345672', options: ['Black', 'XL'] },
      ],
    } as typeof DEMO_TEE;
    const s = { policy: 'amazon-2026-07', today: TODAY, protectedSkus: [] } as const;
    const amazon = deriveSkus('amazon', tee, s);
    expect(amazon.map((x) => x.sku)).toEqual(['TEE-CL-BLK-M', 'TEE-CL-BLK-L', 'TEE-CL-BLK-XL']);
    const by = Object.fromEntries(amazon.map((x) => [x.sku, x.derived]));
    expect(by['TEE-CL-BLK-M']?.ready).toBe(true);
    expect(by['TEE-CL-BLK-L']?.ready).toBe(true);
    expect(by['TEE-CL-BLK-XL']?.ready).toBe(false);
    expect(by['TEE-CL-BLK-XL']?.findings.map((f) => f.rule)).toContain('GTIN-CHECK');
    expect(by['TEE-CL-BLK-M']?.findings.map((f) => f.rule)).not.toContain('GTIN-CHECK');
    // Each SKU's listing carries only its own variant.
    expect(by['TEE-CL-BLK-M']?.listing.variants?.map((v) => v.sku)).toEqual(['TEE-CL-BLK-M']);

    const check = checkSummarySkus(amazon, 1, META.at);
    expect(check.ready).toBe(false);
    expect(check.skus?.['TEE-CL-BLK-M']?.ready).toBe(true);
    expect(check.skus?.['TEE-CL-BLK-XL']).toMatchObject({ ready: false });
    expect(catalogueStatus('amazon', [], check.skus?.['TEE-CL-BLK-M'], null)).toBe('ready');
    expect(catalogueStatus('amazon', [], check.skus?.['TEE-CL-BLK-XL'], null)).toBe('draft');

    // The feed holds the ready SKUs, one row each, and leaves XL out.
    const feed = exportFeed(
      'amazon',
      amazon.map((x) => x.derived),
      'tsv',
    ).split('\n');
    expect(feed).toHaveLength(3);
    expect(feed.some((l) => l.startsWith('TEE-CL-BLK-M\t036000291452'))).toBe(true);
    expect(feed.some((l) => l.startsWith('TEE-CL-BLK-L\t'))).toBe(true);
    expect(feed.join('\n')).not.toContain('TEE-CL-BLK-XL');
  });
});
