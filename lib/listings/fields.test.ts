import { describe, expect, it } from 'vitest';
import { fieldLabel, inPageOrder, plainMessage } from './fields';

describe('field names and messages in plain words', () => {
  it('labels checker paths the way Seller Central names the fields', () => {
    expect(fieldLabel('variants[2].gtin')).toBe('Variant 3 barcode (GTIN)');
    expect(fieldLabel('bullets[3]')).toBe('Bullet 4');
    expect(fieldLabel('title')).toBe('Item name');
    expect(fieldLabel('attributes.size_chart')).toBe('Size chart');
  });

  it('orders findings as the fields appear on the page', () => {
    const fields = ['search_terms', 'bullets[3]', 'title', 'variants[0].gtin', 'bullets[0]', 'gtin', 'highlights'];
    expect(inPageOrder(fields.map((field) => ({ field }))).map((x) => x.field)).toEqual([
      'title',
      'highlights',
      'gtin',
      'bullets[0]',
      'bullets[3]',
      'search_terms',
      'variants[0].gtin',
    ]);
  });

  it('turns "uncertain:" into a review flag and policy ids into words', () => {
    expect(plainMessage('uncertain: (needs human review): environmental claim: eco-friendly')).toEqual({
      text: 'Environmental claim: eco-friendly',
      review: true,
    });
    expect(plainMessage('title has 113 characters; the limit is 75 (amazon-2026-07)').text).toBe(
      "Title has 113 characters; the limit is 75 (Amazon's rules from July 2026)",
    );
  });
});
