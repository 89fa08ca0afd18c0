const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date; calendar days, no time zone. */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** "Nov 27" (with the year when it differs from `refYear`). */
export function shortDay(n: number, refYear?: number): string {
  const d = new Date(n * DAY_MS);
  const base = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return refYear !== undefined && d.getUTCFullYear() !== refYear ? `${base} ${d.getUTCFullYear()}` : base;
}

/** "Nov 27–30" or "Dec 30–Jan 2". */
export function dayRange(start: number, end: number): string {
  const a = new Date(start * DAY_MS);
  const b = new Date(end * DAY_MS);
  if (start === end) return shortDay(start);
  if (a.getUTCMonth() === b.getUTCMonth()) return `${shortDay(start)}–${b.getUTCDate()}`;
  return `${shortDay(start)}–${shortDay(end)}`;
}
