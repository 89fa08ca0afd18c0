import { describe, expect, it } from 'vitest';
import { checkListingLine } from './batch';
import { checkListing } from './check';
import type { ChannelListing } from './types';

const TODAY = '2026-11-27';
const base: ChannelListing = {
  title: 'Northwind Classic Tee Cotton T-Shirt, Black',
  brand: 'Northwind',
  item_type_keyword: 't-shirt',
  gtin: '036000291452',
  bullets: [
    'Soft cotton: 180 gsm combed ring-spun cotton',
    'Relaxed fit: cut straight with a ribbed crew neck',
    'Easy care: machine wash cold, tumble dry low',
  ],
};
const check = (over: Partial<ChannelListing>) => checkListing('amazon', { ...base, ...over }, { today: TODAY });
const where = (over: Partial<ChannelListing>, rule: string) =>
  check(over)
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.field);

describe('every Amazon rule reports wherever its condition holds (issue 17)', () => {
  it('an unqualified "eco-friendly" in bullet 2 is both a banned bullet claim and an environmental claim', () => {
    const bullets = [base.bullets?.[0] ?? '', 'Eco-friendly dyes on pre-shrunk fabric', base.bullets?.[2] ?? ''];
    expect(where({ bullets }, 'AMZ-BULLET-CLAIMS')).toEqual(['bullets[1]']);
    expect(where({ bullets }, 'AMZ-CLAIM-ENVIRONMENTAL')).toEqual(['bullets[1]']);
  });

  it('"antibacterial" in a bullet is both a banned bullet claim and a pesticidal claim', () => {
    const bullets = ['Antibacterial lining keeps it fresh all day', ...(base.bullets ?? []).slice(1)];
    expect(where({ bullets }, 'AMZ-BULLET-CLAIMS')).toEqual(['bullets[0]']);
    expect(where({ bullets }, 'AMZ-CLAIM-PESTICIDE')).toEqual(['bullets[0]']);
  });

  it('a phone number and a domain in bullet 3 break the detail-page rule as well as the bullet rule', () => {
    const bullets = [
      ...(base.bullets ?? []).slice(0, 2),
      'Questions? Visit northwind-apparel.com or call +1 (718) 555-0142',
    ];
    expect(where({ bullets }, 'AMZ-BULLET-EXTERNAL')).toEqual(['bullets[2]']);
    const pdp = check({ bullets }).findings.find((f) => f.rule === 'AMZ-PDP-PROHIBITED');
    expect(pdp?.field).toBe('bullets[2]');
    expect(pdp?.message).toBe('bullet 3 contains a website, a phone number');
  });

  it('"Free Shipping" in the title is a promotional title and a detail-page violation', () => {
    const over = { title: 'Northwind Classic Tee Cotton T-Shirt Free Shipping' };
    expect(where(over, 'AMZ-TITLE-PROMO')).toEqual(['title']);
    expect(where(over, 'AMZ-PDP-PROHIBITED')).toEqual(['title']);
  });

  it('contact details and promotional phrases in item highlights, image alt text and file names are flagged', () => {
    expect(where({ highlights: 'Combed cotton, call us at +1 718 555 0142' }, 'AMZ-PDP-PROHIBITED')).toEqual([
      'highlights',
    ]);
    const images = [
      { url: 'https://cdn.shopify.com/s/files/1/0612/files/tee-front.jpg', alt: 'Front view' },
      { url: 'https://cdn.shopify.com/s/files/1/0612/files/tee-back.jpg', alt: 'Order at www.northwind-apparel.com' },
      { url: 'https://cdn.shopify.com/s/files/1/0612/files/tee-free-shipping.jpg', alt: 'Side view' },
      { url: 'https://cdn.shopify.com/s/files/1/0612/files/tee_718-555-0142.jpg', alt: '' },
    ];
    expect(where({ images }, 'AMZ-PDP-PROHIBITED')).toEqual(['images[1]', 'images[2]', 'images[3]']);
  });

  it('a CDN host in an image URL is not a website in the image', () => {
    const images = [{ url: 'https://cdn.shopify.com/s/files/1/0612/files/nw-12-0.jpg', alt: 'Classic Tee front' }];
    expect(where({ images }, 'AMZ-PDP-PROHIBITED')).toEqual([]);
  });

  it('item highlights of 126 characters are flagged under the legacy name item_highlights too', () => {
    const line = { ...base, item_highlights: 'x'.repeat(126) };
    const r = checkListingLine(line, { channel: 'amazon', today: TODAY });
    expect(r.findings.filter((f) => f.rule === 'AMZ-HIGHLIGHTS-LEN').map((f) => f.message)).toEqual([
      'item highlights have 126 characters (max 125)',
    ]);
    const sp = checkListingLine(
      { ...base, title_differentiation: [{ value: 'y'.repeat(130) }] },
      { channel: 'amazon', today: TODAY },
    );
    expect(sp.findings.some((f) => f.rule === 'AMZ-HIGHLIGHTS-LEN')).toBe(true);
    const ok = checkListingLine({ ...base, item_highlights: 'x'.repeat(125) }, { channel: 'amazon', today: TODAY });
    expect(ok.findings.some((f) => f.rule === 'AMZ-HIGHLIGHTS-LEN')).toBe(false);
  });

  it("checks the GTIN of every variant, under Shopify's barcode name too", () => {
    const line = {
      ...base,
      variants: [
        { sku: 'TEE-S', barcode: '036000291452', options: ['S'] },
        { sku: 'TEE-M', barcode: '850012345672', options: ['M'] },
        { sku: 'TEE-L', external_product_id: '400123456782', options: ['L'] },
      ],
    };
    const r = checkListingLine(line, { channel: 'amazon', today: TODAY });
    const at = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => f.field);
    expect(at('GTIN-CHECK')).toEqual(['variants[1].gtin']);
    expect(r.findings.find((f) => f.rule === 'GTIN-CHECK')?.message).toContain('give 1');
    expect(at('GTIN-PREFIX')).toEqual(['variants[2].gtin']);
  });

  it('a variant without a GTIN is flagged even when the product has one', () => {
    const variants = [
      { sku: 'TEE-S', gtin: '036000291452', options: ['S'] },
      { sku: 'TEE-M', options: ['M'] },
    ];
    expect(where({ variants }, 'AMZ-GTIN')).toEqual(['variants[1].gtin']);
    expect(where({ variants: [{ sku: 'TEE-S', options: ['S'] }] }, 'AMZ-GTIN')).toEqual([]);
  });
});
