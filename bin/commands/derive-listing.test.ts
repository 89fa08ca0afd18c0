import { describe, expect, it } from 'vitest';
import { deriveListingLine } from '../../lib/listings/batch';
import { DEMO_TEE } from '../../lib/listings/demo';

describe('derive-listing', () => {
  it('derives a ready eBay variant of the demo tee with a title of at most 80 characters', () => {
    const out = deriveListingLine(DEMO_TEE, { channel: 'ebay', today: '2026-11-27' });
    expect(out.ready).toBe(true);
    expect([...out.variant.title].length).toBeLessThanOrEqual(80);
    expect(out.violations.every((v) => v.severity === 'recommendation')).toBe(true);
  });
  it('marks protected SKUs specialist-owned', () => {
    const out = deriveListingLine(DEMO_TEE, {
      channel: 'amazon',
      today: '2026-11-27',
      protectedSkus: ['TEE-CL-BLK-L'],
    });
    expect(out.specialist_owned).toBe(true);
    expect(out.apply_mode).toBe('suggestion');
  });
});
