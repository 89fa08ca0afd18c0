const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Value of `n` decimal digits at `i`, or −1 if any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date; calendar days, no time zone. */
export function dayNumber(date: string): number {
  // Days-from-civil (H. Hinnant) on the digits: no substrings, no Date; it runs for every SKU and promo.
  let y = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (y >= 100 && m >= 1 && m <= 12 && d >= 0) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  }
  // Anything else (two-digit years, month overflow, malformed) as Date.UTC reads it.
  return dayNumberByDate(date);
}

function dayNumberByDate(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Year·10000 + month·100 + day of a day number: civil-from-days (H. Hinnant), no Date object. */
function civil(n: number): number {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

/** YYYY-MM-DD of a day number. */
export function dayString(n: number): string {
  // No Date object: it runs for every SKU line.
  const c = civil(n);
  const y = Math.floor(c / 10000);
  const m = Math.floor(c / 100) % 100;
  const d = c % 100;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** "Nov 27" (with the year when it differs from `refYear`). */
export function shortDay(n: number, refYear?: number): string {
  const c = civil(n);
  const year = Math.floor(c / 10000);
  const base = `${MONTHS[(Math.floor(c / 100) % 100) - 1]} ${c % 100}`;
  return refYear !== undefined && year !== refYear ? `${base} ${year}` : base;
}

/** Calendar year of a day number. */
export function yearOf(n: number): number {
  return Math.floor(civil(n) / 10000);
}

/** "Nov 27–30" or "Dec 30–Jan 2". */
export function dayRange(start: number, end: number): string {
  if (start === end) return shortDay(start);
  const a = civil(start);
  const b = civil(end);
  // Same month number (as before: also across years, "Dec 30–31" style).
  if (Math.floor(a / 100) % 100 === Math.floor(b / 100) % 100) return `${shortDay(start)}–${b % 100}`;
  return `${shortDay(start)}–${shortDay(end)}`;
}
