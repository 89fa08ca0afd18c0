import { describe, expect, it } from 'vitest';
import { expectedCheck, gtinKind, isValidGtin, packagingIndicator, prefixProblem, toGtin14, toUpTo13 } from './gtin';

describe('GTIN check digits (real codes from the reference)', () => {
  it.each([
    ['036000291452', 'gtin12'],
    ['4006381333931', 'gtin13'],
    ['96385074', 'gtin8'],
    ['9780306406157', 'gtin13'],
    ['850012345671', 'gtin12'],
    ['00036000291452', 'gtin14'],
    ['0306406152', 'isbn10'],
    ['080442957X', 'isbn10'],
  ])('accepts %s as a valid %s', (code, kind) => {
    expect(gtinKind(code)).toBe(kind);
    expect(isValidGtin(code)).toBe(true);
  });

  it('rejects 850012345672 and names 1 as the right check digit', () => {
    expect(isValidGtin('850012345672')).toBe(false);
    expect(expectedCheck('850012345672')).toBe('1');
  });

  it('rejects a wrong digit in each length', () => {
    expect(isValidGtin('036000291453')).toBe(false);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('96385075')).toBe(false);
    expect(isValidGtin('10036000291452')).toBe(false);
    expect(isValidGtin('0306406153')).toBe(false);
  });

  it('ignores spaces and hyphens but not other characters', () => {
    expect(isValidGtin('978-0-306-40615-7')).toBe(true);
    expect(gtinKind('03600029145A')).toBeNull();
    expect(gtinKind('12345')).toBeNull();
  });
});

describe('GTIN prefixes', () => {
  it('flags 400123456782: valid check digit but in-store prefix 040', () => {
    expect(isValidGtin('400123456782')).toBe(true);
    expect(prefixProblem('400123456782')?.prefix).toBe('040');
    expect(toGtin14('400123456782')).toBe('00400123456782');
  });
  it('flags coupons, refunds, RCN-8 and repeated digits, and accepts normal trade items', () => {
    expect(prefixProblem('512345678900')?.reason).toMatch(/coupons/);
    expect(prefixProblem('9801234567894')?.reason).toMatch(/refund/);
    expect(prefixProblem('9912345678907')?.prefix).toBe('99');
    expect(prefixProblem('02345673')?.reason).toMatch(/RCN-8/);
    expect(prefixProblem('000000000000')?.reason).toMatch(/same/);
    expect(prefixProblem('036000291452')).toBeNull();
    expect(prefixProblem('4006381333931')).toBeNull();
    expect(prefixProblem('96385074')).toBeNull();
  });
  it('treats ISBN prefixes as books-only', () => {
    expect(prefixProblem('9780306406157')).toMatchObject({ prefix: '978', unlessBook: true });
  });
  it('reads the GTIN-14 indicator and converts between 14 and 13 digits', () => {
    expect(packagingIndicator('10036000291459')).toBe(1);
    expect(packagingIndicator('00036000291452')).toBeNull();
    expect(toUpTo13('00036000291452')).toBe('0036000291452');
  });
});
