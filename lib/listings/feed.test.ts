import { describe, expect, it } from 'vitest';
import { DEMO_TEE } from './demo';
import { feedFile } from './feed';

describe('feed file over the stored products', () => {
  it('holds one row per ready SKU, counts the SKUs left out and names the file by channel and day', () => {
    const xl = { ...DEMO_TEE.variants[1], sku: 'TEE-CL-BLK-XL', barcode: '850012345672', options: ['Black', 'XL'] };
    const tee = { ...DEMO_TEE, variants: [...DEMO_TEE.variants, xl] } as typeof DEMO_TEE;
    const s = { policy: 'amazon-2026-07', today: '2026-11-27', protectedSkus: [], wholesaleRatio: 0.5 } as const;
    const f = feedFile('amazon', 'tsv', [{ product: tee }], s, '2026-11-27');
    expect(f).toMatchObject({ filename: 'counterpart-amazon-feed-2026-11-27.tsv', rows: 2, skipped: 1 });
    expect(f.content.split('\n')).toHaveLength(3);
    expect(f.content).not.toContain('TEE-CL-BLK-XL');
  });
});
