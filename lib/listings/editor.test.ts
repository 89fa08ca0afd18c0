import { describe, expect, it } from 'vitest';
import { captureCanonical, type ProductRecord } from './capture';
import { DEMO_TEE, DEMO_TEE_CAPTURE } from './demo';
import { editorListings, editorPanel, editorReport, matchCanonical } from './editor';
import type { ChannelListing } from './types';

const TODAY = '2026-11-27';
const META = DEMO_TEE_CAPTURE;

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

describe('what an editor read records and shows', () => {
  const page = {
    sku: 'TEE-CL-BLK-M',
    asin: 'B0CLTEE001',
    marketplace: 'Demo Store | United States',
    live: LIVE,
    status: null,
  };
  const input = {
    live: LIVE,
    products: [stored()],
    policy: 'amazon-2026-07' as const,
    today: TODAY,
    protectedSkus: [],
  };

  it('records drift and violations only when a canonical product matched, and no status without an alert', () => {
    const at = '2026-11-27T06:00:00.000Z';
    const report = editorReport({ ...input, sku: page.sku });
    const [row] = editorListings(page, report, at);
    expect(editorListings({ ...page, sku: null }, report, at)).toEqual([]);
    expect(row).toMatchObject({ status: null, productId: '8123456789', driftAt: at, source: 'editor' });
    expect(row?.driftFields).toContain('title');
    expect(row?.driftFields).not.toContain('brand');
    expect(row?.violations).toBe(report.findings.length);
    const [alone] = editorListings(
      { ...page, sku: 'MA023', status: { status: 'suppressed', reason: 'Main image missing' } },
      editorReport({ ...input, products: [], sku: 'MA023' }),
      at,
    );
    expect(alone).toMatchObject({ status: 'suppressed', productId: null, driftFields: null, driftAt: null });
  });

  it('labels every field it names for the panel', () => {
    const report = editorReport({ ...input, sku: page.sku });
    const panel = editorPanel(page, report, { policy: 'amazon-2026-07', auto: false });
    expect(panel.labels.title).toBe('Item name');
    expect(panel.labels['bullets[4]']).toBe('Bullet 5');
    expect(panel).toMatchObject({
      sku: 'TEE-CL-BLK-M',
      status: null,
      policy: { policy: 'amazon-2026-07', auto: false },
    });
  });
});
