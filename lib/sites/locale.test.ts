import { describe, expect, it } from 'vitest';
import { normLabel } from './labels';
import { parseLocaleDate, parseMoney } from './locale';
import { MONTHS } from './locale-months';

describe('locale reading of host pages', () => {
  it('reads money in the page locale', () => {
    expect(parseMoney('27,90 €')).toEqual({ amount: 27.9, currency: 'EUR' });
    expect(parseMoney('1.299,00 €')).toEqual({ amount: 1299, currency: 'EUR' });
    expect(parseMoney('$1,299.00')).toEqual({ amount: 1299, currency: 'USD' });
    expect(parseMoney('¥4,980')).toEqual({ amount: 4980, currency: 'JPY' });
    expect(parseMoney('54.00 USD')).toEqual({ amount: 54, currency: 'USD' });
    expect(parseMoney('no price')).toBeNull();
  });
  it('reads slash dates in the page language order, and says when it had to assume', () => {
    expect(parseLocaleDate('12/11/2026', 'en-US')).toEqual({ day: '2026-12-11', uncertain: false });
    expect(parseLocaleDate('12/11/2026', 'de-DE')).toEqual({ day: '2026-11-12', uncertain: false });
    expect(parseLocaleDate('12/11/2026', 'pt-BR')).toEqual({ day: '2026-11-12', uncertain: true });
    expect(parseLocaleDate('27.11.2026', 'de')).toEqual({ day: '2026-11-27', uncertain: false });
    expect(parseLocaleDate('2026年11月27日', 'ja')).toEqual({ day: '2026-11-27', uncertain: false });
    expect(parseLocaleDate('Nov 27, 2026', 'en-US', MONTHS)).toEqual({ day: '2026-11-27', uncertain: false });
    expect(parseLocaleDate('27 nov. 2026', 'fr', MONTHS)).toEqual({ day: '2026-11-27', uncertain: false });
    expect(parseLocaleDate('2026-11-06T10:00:00Z')).toEqual({ day: '2026-11-06', uncertain: false });
  });
  it('normalises a heading with a count', () => {
    expect(normLabel('Return Credits (2)')).toBe('return credits');
    expect(normLabel(' SKU: ')).toBe('sku');
  });
});
