import { describe, expect, it } from 'vitest';
import { needsAction } from './needs-action';

describe('needsAction', () => {
  it('needs action when there is an order or the stockout falls within the lead time', () => {
    expect(needsAction({ orderQty: 24, stockoutDate: null, leadTimeDays: 30 }, '2026-11-27')).toBe(true);
    expect(needsAction({ orderQty: 0, stockoutDate: '2026-12-10', leadTimeDays: 30 }, '2026-11-27')).toBe(true);
    expect(needsAction({ orderQty: 0, stockoutDate: '2027-03-01', leadTimeDays: 30 }, '2026-11-27')).toBe(false);
    expect(needsAction({ orderQty: null, stockoutDate: null, leadTimeDays: 30 }, '2026-11-27')).toBe(false);
    // A SKU that does not sell is not "running out" at zero stock.
    expect(
      needsAction({ orderQty: 0, stockoutDate: '2026-11-27', leadTimeDays: 30, action: 'no-demand' }, '2026-11-27'),
    ).toBe(false);
  });

  it('needs action when the line is blocked by a file that could not be read (fix it and import again)', () => {
    expect(needsAction({ orderQty: null, stockoutDate: null, leadTimeDays: 30, action: 'blocked' }, '2026-11-27')).toBe(
      true,
    );
  });
});
