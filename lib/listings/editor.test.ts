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
    expect(r.marks.some((m) => m.field === 'title' && m.note.startsWith('Must fix: Title has 113 characters'))).toBe(
      true,
    );
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

describe('Fix all changes only what breaks a rule (issue 17)', () => {
  const r = editorReport({
    live: { ...LIVE, description: 'Our Classic Tee. <b>Cut from combed cotton</b>.<br>Machine wash cold.' },
    sku: 'TEE-CL-BLK-M',
    products: [stored()],
    policy: 'amazon-2026-07',
    today: TODAY,
    protectedSkus: [],
  });
  const by = (field: string) => r.suggestions.find((s) => s.field === field);
  const batch = r.suggestions.filter((s) => s.kind === 'fix' && s.clean).map((s) => s.field);

  it('batches only the fields with findings, in page order', () => {
    expect(batch).toEqual([
      'title',
      'bullets[0]',
      'bullets[2]',
      'bullets[3]',
      'bullets[4]',
      'description',
      'search_terms',
    ]);
  });

  it('leaves the good bullet, the item type and the price out of the batch (they only differ from canonical)', () => {
    expect(by('bullets[1]')).toMatchObject({ kind: 'sync', current: LIVE.bullets?.[1] });
    expect(by('item_type_keyword')).toMatchObject({ kind: 'sync', current: 't-shirts', proposed: 't-shirt' });
    expect(by('price')?.kind).toBe('sync');
  });

  it('fixes the 113-character title in place: 67 characters, cut at its dash, no new finding', () => {
    const t = by('title');
    expect(t?.proposed).toBe('Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women');
    expect([...(t?.proposed ?? '')].length).toBe(67);
    expect(t?.source).toBe('rule-fix');
    expect(t?.changes).toEqual(['Takes out “- Soft Breathable Everyday Top! Free Shipping”', '113 → 67 characters']);
    expect(t?.adds).toEqual([]);
    expect(t?.note).toContain('“Soft Breathable Everyday Top” is left out');
  });

  it('takes the claim out of bullet 3 and keeps the rest of the sentence, with a note', () => {
    expect(by('bullets[2]')).toMatchObject({
      proposed: 'Dyes on pre-shrunk fabric, true to size',
      fixes: ['AMZ-BULLET-CLAIMS', 'AMZ-CLAIM-ENVIRONMENTAL'],
      changes: ['Takes out “Eco-friendly”', '52 → 39 characters'],
    });
    expect(by('bullets[2]')?.note).toContain('certification');
    expect(by('bullets[3]')?.changes).toEqual(['Takes out “™”', '40 → 39 characters']);
  });

  it('replaces a bullet that held only contact details with the canonical bullet, and says why', () => {
    expect(by('bullets[4]')).toMatchObject({ proposed: 'Machine wash cold, tumble dry low', source: 'canonical' });
    expect(by('bullets[4]')?.note).toContain('could not be fixed in place');
  });

  it('strips the description’s tags but keeps every sentence', () => {
    expect(by('description')?.proposed).toBe('Our Classic Tee. Cut from combed cotton.<br>Machine wash cold.');
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
    // The live listing's must-fix count (what the panel and the catalogue show), not every finding.
    expect(row?.violations).toBe(report.findings.filter((f) => f.severity !== 'recommendation').length);
    expect(row?.violations).toBe(10);
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
    expect(panel.counts).toEqual({ mustFix: 10, advice: 3 });
    // Findings come in page order: the title before the bullets, bullets before the search terms.
    const order = panel.findings.map((f) => f.field);
    expect(order.indexOf('title')).toBeLessThan(order.indexOf('bullets[0]'));
    expect(order.indexOf('bullets[4]')).toBeLessThan(order.indexOf('search_terms'));
    expect(panel.findings.find((f) => f.rule === 'AMZ-CLAIM-ENVIRONMENTAL')).toMatchObject({
      plain: 'Environmental claim: eco-friendly',
      review: true,
    });
    expect(panel).toMatchObject({
      sku: 'TEE-CL-BLK-M',
      status: null,
      policy: { policy: 'amazon-2026-07', auto: false },
    });
  });
});
