import { describe, expect, it } from 'vitest';
import { parseRetentionSettings, RETENTION_DEFAULTS } from './retention';

describe('retention settings', () => {
  it('default to 90 days', () => {
    expect(RETENTION_DEFAULTS).toEqual({ days: 90 });
    expect(parseRetentionSettings(undefined)).toEqual({ days: 90 });
  });
  it('fall back to the default rather than prune more when the stored value is damaged', () => {
    expect(parseRetentionSettings({ days: 0 })).toEqual({ days: 90 });
    expect(parseRetentionSettings({ days: 'x' })).toEqual({ days: 90 });
    expect(parseRetentionSettings({ days: 30 })).toEqual({ days: 30 });
  });
});
