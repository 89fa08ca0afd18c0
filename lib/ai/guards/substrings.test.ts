import { describe, expect, it } from 'vitest';
import { containedNeedles } from './substrings';

describe('containedNeedles', () => {
  it('finds every needle that occurs, including ones inside or overlapping others', () => {
    const found = containedNeedles(['he', 'she', 'his', 'hers', 'xyz'], 'ushers');
    expect([...found].sort()).toEqual(['he', 'hers', 'she']);
  });

  it('agrees with String.includes on URL keys', () => {
    const hay = 'see https://shop.example.com/returns/start?order=1047 and www.shop.example.com/faq';
    const needles = ['shop.example.com/returns', 'shop.example.com/refunds', 'shop.example.com/faq', 'example'];
    const found = containedNeedles(needles, hay);
    for (const n of needles) expect(found.has(n)).toBe(hay.includes(n));
  });

  it('returns nothing for no needles or an empty haystack', () => {
    expect(containedNeedles([], 'abc').size).toBe(0);
    expect(containedNeedles(['a'], '').size).toBe(0);
  });
});
