import { describe, expect, it } from 'vitest';
import { dayNumber, dayRange, dayString } from './dates';

describe('calendar days', () => {
  it('round-trips day numbers across leap years and centuries', () => {
    for (let n = dayNumber('1999-12-25'); n < dayNumber('2101-01-10'); n += 13) {
      expect(dayNumber(dayString(n))).toBe(n);
      expect(dayString(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
    expect(dayString(dayNumber('2028-02-29'))).toBe('2028-02-29');
  });

  it('writes ranges the way the rationale shows them', () => {
    expect(dayRange(dayNumber('2026-11-27'), dayNumber('2026-11-30'))).toBe('Nov 27–30');
    expect(dayRange(dayNumber('2026-12-30'), dayNumber('2027-01-02'))).toBe('Dec 30–Jan 2');
  });
});
