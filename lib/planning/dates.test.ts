import { describe, expect, it } from 'vitest';
import { dayNumber, dayRange, dayString, shortDay } from './dates';

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

describe('dayNumber', () => {
  it('agrees with Date.UTC on every day from 1899 to 2101 and on overflowing or odd inputs', () => {
    for (let n = dayNumberUtc('1899-01-01'); n <= dayNumberUtc('2101-12-31'); n++) {
      const s = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(s) !== n) throw new Error(`${s}: ${dayNumber(s)} ≠ ${n}`);
    }
    for (const s of [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-11-00',
      '0026-11-27',
      '2026-1-05',
      '2026-11-27T23:59:59Z',
    ]) {
      expect(dayNumber(s)).toBe(dayNumberUtc(s));
    }
    expect(dayNumber('2026-11-27')).toBe(20_784);
  });
});

function dayNumberUtc(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  );
}

describe('shortDay and dayRange', () => {
  it('name the same month and day as Date does, with the year when it differs', () => {
    for (let n = dayNumber('2023-12-20'); n < dayNumber('2029-01-10'); n += 3) {
      const d = new Date(n * 86_400_000);
      const base = `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
      expect(shortDay(n, 2026)).toBe(d.getUTCFullYear() === 2026 ? base : `${base} ${d.getUTCFullYear()}`);
    }
    expect(dayRange(dayNumber('2026-11-27'), dayNumber('2026-11-27'))).toBe('Nov 27');
    expect(dayRange(dayNumber('2026-11-27'), dayNumber('2026-12-01'))).toBe('Nov 27–Dec 1');
  });
});
