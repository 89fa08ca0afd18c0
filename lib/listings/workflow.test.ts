import { describe, expect, it } from 'vitest';
import { DEMO_TEE } from './demo';
import { exportFeed } from './feed';
import type { ChannelListing } from './types';
import {
  captureCanonical,
  catalogueStatus,
  checkSummarySkus,
  deriveAll,
  deriveSkus,
  editorReport,
  gtinProblems,
  inventorySummary,
  type ListingRecord,
  matchCanonical,
  type ProductRecord,
  resolvePolicy,
} from './workflow';

const TODAY = '2026-11-27';
const META = {
  at: '2026-11-27T04:00:00.000Z',
  source: 'https://admin.shopify.com/store/demo/products/8123456789',
  shopifyStatus: 'Active',
};

function stored(): ProductRecord {
  return captureCanonical(null, DEMO_TEE, META).record;
}

// The Seller Central fixture's listing (e2e/fixtures/amazon/listing-edit.html), as extracted.
const LIVE: ChannelListing = {
  title:
    'Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women - Soft Breathable Everyday Top! Free Shipping',
  brand: 'Northwind',
  item_type_keyword: 't-shirts',
  gtin: '036000291452',
  bullets: [
    'SOFT COTTON - 180 gsm combed ring-spun cotton that keeps its shape wash after wash.',
    'Relaxed fit with a ribbed crew neck and double-stitched hems',
    'Eco-friendly dyes on pre-shrunk fabric, true to size',
    'Tag-free neck label for all-day comfort™',
    'Questions? Visit northwind-apparel.com or call +1 (718) 555-0142',
  ],
  description: 'Our Classic Tee is the shirt you reach for first.',
  search_terms: 'Tee, T-Shirt, cotton tee, crewneck, unisex, basics, Northwind, nike, new, summer top',
  product_type: 'SHIRT',
  price: 27,
  list_price: 30,
  attributes: { marketplace: 'US' },
};

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

describe('matching a marketplace listing to its canonical product', () => {
  it('matches by SKU first, then by GTIN (a marketplace-only SKU with the same barcode)', () => {
    const products = [stored()];
    expect(matchCanonical(products, 'TEE-CL-BLK-L', undefined)?.matchedBy).toBe('sku');
    const byGtin = matchCanonical(products, 'MA023', '036000291452');
    expect(byGtin?.matchedBy).toBe('gtin');
    expect(byGtin?.variantSku).toBe('TEE-CL-BLK-M');
    expect(matchCanonical(products, 'MA023', '012345678905')).toBeNull();
  });
});

describe('Seller Central editor report', () => {
  const base = { live: LIVE, products: [stored()], policy: 'amazon-2026-07' as const, today: TODAY, protectedSkus: [] };

  it('flags the 113-character title under the 2026 policy and marks it at the title field', () => {
    const r = editorReport({ ...base, sku: 'TEE-CL-BLK-M' });
    expect(r.verdict).toBe('fail');
    expect(r.findings.some((f) => f.rule === 'AMZ-TITLE-LEN' && f.field === 'title')).toBe(true);
    expect(r.marks.some((m) => m.field === 'title' && m.note.startsWith('AMZ-TITLE-LEN'))).toBe(true);
    // No image data on the editor's text tab: image rules are not run on nothing.
    expect(r.findings.some((f) => f.field.startsWith('images'))).toBe(false);
    const withImages = editorReport({ ...base, sku: 'TEE-CL-BLK-M', live: { ...LIVE, images: [] } });
    expect(withImages.findings.some((f) => f.rule === 'AMZ-IMG-MAIN-PRESENT')).toBe(true);
    expect(withImages.marks.some((m) => m.field.startsWith('images'))).toBe(false);
  });

  it('shows drift from the canonical-derived variant and proposes a title that passes the rules', () => {
    const r = editorReport({ ...base, sku: 'TEE-CL-BLK-M' });
    expect(r.canonical?.matchedBy).toBe('sku');
    expect(r.drift.find((d) => d.field === 'title')?.status).toBe('changed');
    const title = r.suggestions.find((s) => s.field === 'title');
    expect(title?.clean).toBe(true);
    expect([...(title?.proposed ?? '')].length).toBeLessThanOrEqual(75);
    expect(title?.fixes).toContain('AMZ-TITLE-LEN');
    // Not protected: the canonical price (25) is proposed against the live 27.
    expect(r.suggestions.find((s) => s.field === 'price')?.proposed).toBe('25.00');
  });

  it('on a protected SKU labels it specialist-owned and flags the price instead of proposing it', () => {
    const r = editorReport({ ...base, sku: 'TEE-CL-BLK-M', protectedSkus: ['TEE-CL-BLK-M'] });
    expect(r.specialistOwned).toBe(true);
    expect(r.suggestions.some((s) => s.field === 'price')).toBe(false);
    expect(r.priceFlags.some((f) => f.sku === 'TEE-CL-BLK-M' && /27\.00/.test(f.message))).toBe(true);
  });

  it('without a canonical product offers the rules’ own fixes only', () => {
    const r = editorReport({ ...base, products: [], sku: 'MA023', live: { ...LIVE, gtin: undefined } });
    expect(r.canonical).toBeNull();
    expect(r.drift).toEqual([]);
    expect(r.suggestions.every((s) => s.source === 'rule-fix')).toBe(true);
  });
});

describe('policy, GTIN and status', () => {
  it('follows the date for auto and the setting otherwise', () => {
    expect(resolvePolicy('auto', '2026-07-26').policy).toBe('amazon-2025-01');
    expect(resolvePolicy('auto', '2026-07-27').policy).toBe('amazon-2026-07');
    expect(resolvePolicy('amazon-2025-01', TODAY)).toEqual({ policy: 'amazon-2025-01', auto: false });
  });

  it('reports a wrong check digit by SKU', () => {
    const p = { ...DEMO_TEE, variants: [{ ...DEMO_TEE.variants[0], barcode: '036000291453' }] };
    const problems = gtinProblems(p as typeof DEMO_TEE, TODAY);
    expect(problems.find((g) => g.rule === 'GTIN-CHECK')?.sku).toBe('TEE-CL-BLK-M');
    expect(gtinProblems(DEMO_TEE, TODAY).filter((g) => g.rule === 'GTIN-CHECK')).toEqual([]);
  });

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
