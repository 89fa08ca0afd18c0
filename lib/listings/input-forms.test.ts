import { describe, expect, it } from 'vitest';
import { checkListingLine, deriveListingLine } from './batch';
import { DEMO_TEE } from './demo';
import { gtinString, listingInputForms } from './input-forms';

const opts = { channel: 'amazon' as const, policy: 'amazon-2026-07' as const, today: '2026-11-27' };

describe('listing input forms (issue 14 item 10)', () => {
  it('takes a GTIN as a string, a number, {type, value} or the SP-API list', () => {
    expect(gtinString('036000291452')).toBe('036000291452');
    expect(gtinString(36000291452)).toBe('36000291452');
    expect(gtinString({ type: 'UPC', value: '036000291452' })).toBe('036000291452');
    expect(gtinString([{ type: 'upc', value: '036000291452', marketplace_id: 'ATVPDKIKX0DER' }])).toBe('036000291452');
  });

  it("maps Amazon's SP-API attribute names and value lists to ours", () => {
    expect(
      listingInputForms({
        item_name: [{ value: 'Northwind Classic Tee', language_tag: 'en_US' }],
        bullet_point: [{ value: 'Soft cotton' }, { value: 'Crew neck' }],
        product_description: [{ value: 'A tee.' }],
        generic_keyword: [{ value: 'tee shirt' }],
        externally_assigned_product_identifier: [{ type: 'upc', value: '036000291452' }],
        brand: [{ value: 'Northwind' }],
        list_price: [{ value: '25.00', currency: 'USD' }],
      }),
    ).toEqual({
      title: 'Northwind Classic Tee',
      bullets: ['Soft cotton', 'Crew neck'],
      description: 'A tee.',
      search_terms: 'tee shirt',
      gtin: '036000291452',
      brand: 'Northwind',
      list_price: 25,
    });
  });

  it('maps the legacy flat-file names, and lets our own names win', () => {
    expect(
      listingInputForms({
        title: 'Ours',
        item_name: 'Theirs',
        bullet_point1: 'One',
        bullet_point2: 'Two',
        generic_keywords: 'tee',
        brand_name: 'Northwind',
        external_product_id: '036000291452',
        external_product_id_type: 'UPC',
        standard_price: '19.99',
        feed_product_type: 'shirt',
        item_type: 'tee-shirts',
      }),
    ).toEqual({
      title: 'Ours',
      bullets: ['One', 'Two'],
      search_terms: 'tee',
      brand: 'Northwind',
      gtin: '036000291452',
      price: 19.99,
      product_type: 'shirt',
      item_type_keyword: 'tee-shirts',
    });
  });

  it('checks a line given with {type, value} like the same line with a string GTIN', () => {
    const base = { title: 'Northwind Classic Tee', brand: 'Northwind' };
    expect(checkListingLine({ ...base, gtin: { type: 'UPC', value: '036000291452' } }, opts)).toEqual(
      checkListingLine({ ...base, gtin: '036000291452' }, opts),
    );
  });

  it('derives from a product whose barcode is given as {type, value}', () => {
    const product = {
      ...DEMO_TEE,
      variants: DEMO_TEE.variants.map((v) => ({ ...v, barcode: { type: 'UPC', value: v.barcode } })),
    };
    expect(deriveListingLine(product, opts)).toEqual(deriveListingLine(DEMO_TEE, opts));
  });
});
