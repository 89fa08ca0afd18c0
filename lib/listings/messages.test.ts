import { describe, expect, it } from 'vitest';
import { checkListing } from './check';
import { DEMO_TEE } from './demo';
import { deriveListing } from './derive';
import { listingDrift } from './drift';
import {
  checkResultSchema,
  derivedVariantSchema,
  driftEntrySchema,
  LISTINGS_MESSAGES_PROPOSAL,
  listingsSettingsSchema,
} from './messages';

describe('proposed listings message schemas', () => {
  it('accept the real outputs of check, derive and drift', () => {
    const d = deriveListing('amazon', DEMO_TEE, { today: '2026-11-27', protectedSkus: ['TEE-CL-BLK-M'] });
    expect(derivedVariantSchema.parse(d).ready).toBe(d.ready);
    expect(checkResultSchema.parse(checkListing('walmart', d.listing, { today: '2026-11-27' })).verdict).toMatch(
      /pass|warn|fail/,
    );
    for (const e of listingDrift(d.listing, { ...d.listing, title: 'x' })) driftEntrySchema.parse(e);
  });
  it('default the settings: no protected SKUs, title policy by date, keystone wholesale', () => {
    expect(listingsSettingsSchema.parse({})).toEqual({
      protectedSkus: [],
      amazonTitlePolicy: 'auto',
      faireWholesaleRatio: 0.5,
      channels: ['amazon', 'walmart', 'ebay'],
    });
  });
  it('reject a check request for an unknown channel', () => {
    expect(
      LISTINGS_MESSAGES_PROPOSAL['listings.check'].request.safeParse({ channel: 'etsy', listing: { title: 'x' } })
        .success,
    ).toBe(false);
  });
});
