import { describe, expect, it } from 'vitest';
import { checkListingLine, parseBatchFlags } from '../../lib/listings/batch';

describe('check-listing', () => {
  it('fails an Amazon title over 75 characters with "!" and "free shipping" under the 2026 policy, with fixes', () => {
    const out = checkListingLine(
      {
        title: 'Northwind Classic Tee Cotton Crew Neck T-Shirt for Men and Women Soft Breathable! Free Shipping',
        brand: 'Northwind',
        gtin: '036000291452',
      },
      { channel: 'amazon', policy: 'amazon-2026-07', today: '2026-11-27' },
    );
    expect(out.verdict).toBe('fail');
    const rules = out.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['AMZ-TITLE-LEN', 'AMZ-TITLE-CHAR-BANNED', 'AMZ-TITLE-PROMO']));
    expect(Object.keys(out.findings[0] ?? {})).toEqual(['rule', 'field', 'severity', 'message', 'fix']);
  });
  it('accepts the same long title under the 2025 policy', () => {
    const out = checkListingLine(
      { title: 'Northwind Classic Tee Cotton Crew Neck T-Shirt for Men and Women Soft and Breathable' },
      { channel: 'amazon', policy: 'amazon-2025-01', today: '2026-11-27' },
    );
    expect(out.findings.map((f) => f.rule)).not.toContain('AMZ-TITLE-LEN');
  });
  it('rejects a line without a title and an unknown channel', () => {
    expect(() => checkListingLine({ brand: 'x' }, { channel: 'ebay', today: '2026-11-27' })).toThrow();
    expect(() => parseBatchFlags('etsy', undefined)).toThrow(/--channel/);
    expect(() => parseBatchFlags('amazon', 'amazon-2024')).toThrow(/--policy/);
  });
});
