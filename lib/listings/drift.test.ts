import { describe, expect, it } from 'vitest';
import { DEMO_TEE } from './demo';
import { deriveListing } from './derive';
import { driftEntrySchema, listingDrift } from './drift';

describe('drift entries', () => {
  it('the contract schema accepts listingDrift’s real output: a changed title with both values', () => {
    const d = deriveListing('amazon', DEMO_TEE, { today: '2026-11-27', protectedSkus: ['TEE-CL-BLK-M'] });
    for (const e of listingDrift(d.listing, { ...d.listing, title: 'x' })) driftEntrySchema.parse(e);
    expect(listingDrift(d.listing, { ...d.listing, title: 'x' }).find((e) => e.field === 'title')).toMatchObject({
      live: 'x',
      status: 'changed',
    });
  });
});
