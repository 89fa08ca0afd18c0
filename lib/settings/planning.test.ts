import { describe, expect, it } from 'vitest';
import { PLANNING_DEFAULTS, parsePlanningSettings, planDay, toPlanSettings } from './planning';

describe('planning settings', () => {
  it('fills defaults and keeps valid fields when one field is damaged', () => {
    expect(parsePlanningSettings(undefined)).toEqual(PLANNING_DEFAULTS);
    const s = parsePlanningSettings({ serviceLevel: 7, reviewPeriodDays: 14, today: '2026-11-27' });
    expect(s.serviceLevel).toBe(0.95);
    expect(s.reviewPeriodDays).toBe(14);
    expect(s.today).toBe('2026-11-27');
  });

  it('plans on the demo day when set, else on today', () => {
    const now = new Date(2026, 0, 5, 12);
    expect(planDay({ ...PLANNING_DEFAULTS, today: '2026-11-27' }, now)).toBe('2026-11-27');
    expect(planDay(PLANNING_DEFAULTS, now)).toBe('2026-01-05');
  });

  it('maps onto the engine settings', () => {
    expect(toPlanSettings({ ...PLANNING_DEFAULTS, countTolerancePct: 15 })).toMatchObject({
      serviceLevel: 0.95,
      countTolerancePct: 15,
    });
  });
});
