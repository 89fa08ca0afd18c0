import { describe, expect, it } from 'vitest';
import { parsePlanningSettings, planningSettingsSchema } from '../settings/planning';
import { resolveSettings } from './settings';

describe('planning settings: one schema', () => {
  it('fills the engine defaults: 95% service, 7-day review, 180 days of cover before overstock', () => {
    const s = resolveSettings();
    expect([s.serviceLevel, s.reviewPeriodDays, s.staleCountDays, s.overstockCoverDays, s.defaultLeadTimeDays]).toEqual(
      [0.95, 7, 7, 180, 30],
    );
  });

  it('holds the engine and the options page to the same bounds', () => {
    expect(() => resolveSettings({ overstockCoverDays: 3651 })).toThrow();
    expect(() => resolveSettings({ reviewPeriodDays: 2.5 })).toThrow();
    expect(() => resolveSettings({ countTolerancePct: 101 })).toThrow();
    expect(resolveSettings({ overstockCoverDays: 3650 }).overstockCoverDays).toBe(3650);
    // The options page falls back field by field to the default on the same bounds.
    expect(parsePlanningSettings({ overstockCoverDays: 3651, staleCountDays: 366 })).toMatchObject({
      overstockCoverDays: 180,
      staleCountDays: 7,
    });
    expect(Object.keys(planningSettingsSchema.shape).sort()).toEqual([
      'countTolerancePct',
      'countToleranceUnits',
      'overstockCoverDays',
      'reviewPeriodDays',
      'serviceLevel',
      'staleCountDays',
      'today',
    ]);
  });
});
