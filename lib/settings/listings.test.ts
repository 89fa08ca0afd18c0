import { describe, expect, it } from 'vitest';
import { LISTINGS_DEFAULTS, listingsSettingsSchema, parseListingsSettings, parseSkuList } from './listings';

describe('listings settings', () => {
  it('defaults to the title policy by date and no protected SKUs', () => {
    expect(LISTINGS_DEFAULTS.amazonTitlePolicy).toBe('auto');
    expect(LISTINGS_DEFAULTS.protectedSkus).toEqual([]);
  });

  it('default the settings: no protected SKUs, title policy by date, keystone wholesale', () => {
    expect(listingsSettingsSchema.parse({})).toEqual({
      protectedSkus: [],
      amazonTitlePolicy: 'auto',
      faireWholesaleRatio: 0.5,
      channels: ['amazon', 'walmart', 'ebay'],
    });
  });

  it('keeps valid fields of a damaged value and defaults the rest', () => {
    const s = parseListingsSettings({ amazonTitlePolicy: 'amazon-1999', protectedSkus: ['HERO-1'] });
    expect(s.amazonTitlePolicy).toBe('auto');
    expect(s.protectedSkus).toEqual(['HERO-1']);
    expect(parseListingsSettings(null)).toEqual(LISTINGS_DEFAULTS);
  });

  it('reads a pasted SKU list separated by lines, commas or spaces, each once', () => {
    expect(parseSkuList('HERO-1, TEE-CL-BLK-M\nHERO-1  MA023\n')).toEqual(['HERO-1', 'TEE-CL-BLK-M', 'MA023']);
  });
});
