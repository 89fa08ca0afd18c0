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

describe('exportFeed escapes spreadsheet formulas (CSV injection), as the PO export does', () => {
  it('prefixes a field starting with = + - @ with a quote so it stays text', async () => {
    const { exportFeed } = await import('./feed');
    const { deriveListing } = await import('./derive');
    const { DEMO_TEE } = await import('./demo');
    const d = deriveListing('amazon', DEMO_TEE, { today: '2026-11-27', protectedSkus: [] });
    const poisoned = {
      ...d,
      listing: { ...d.listing, title: '=HYPERLINK("https://evil.example","click")', brand: '@SUM(A1)' },
    };
    const csv = exportFeed('amazon', [poisoned]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
