/**
 * Number and day parsing shared by the importers and the site adapters, kept free of dependencies
 * (no papaparse) so a content script can use it and stay small.
 */
import type { DateOrder } from './core';

const CURRENCY =
  /^(?:[$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|SEK|NOK|DKK|PLN|JPY|kr)\s*|\s*(?:[$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|SEK|NOK|DKK|PLN|JPY|kr)$/gi;

/**
 * Parses a number as exports and spreadsheets in different locales write it; null when not a number.
 * "1,234.50" and "1.234,50" (the last separator is the decimal one when both appear), "1 200" and
 * "1 200" (space or no-break space groups), "7,80 €" and "$28.00" (currency stripped), "27,90" (a
 * lone comma followed by other than three digits is decimal), "1,299" (comma with exactly three
 * digits groups thousands, as the English exports write it), "−3" (minus sign).
 */
export function parseNumber(text: string): number | null {
  let s = text
    .trim()
    .replace(CURRENCY, '')
    .trim()
    .replace(/\u2212/g, '-');
  if (s === '') return null;
  s = s.replace(/(\d)[\s\u00a0\u202f'](?=\d{3}(?:\D|$))/g, '$1');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    s = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : /^-?\d*,\d+$/.test(s) ? s.replace(',', '.') : s;
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Takes the calendar day an export wrote, as written (the store's local day): `2026-11-27`,
 * `2026-11-27 14:03:11 -0500` (Shopify), `2026-11-27T14:03:11+00:00` (Amazon), `11/27/2026`.
 * A slash date is read only in the given order, or when it tells its own order (a number over 12):
 * `03/11/2026` without an order is null, never a guess (an import decides the order once per file).
 */
export function parseDay(text: string, order?: DateOrder): string | null {
  const s = text.trim();
  const iso = isoDayFast(s);
  if (iso !== undefined) return iso;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!m) return null;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const says = order ?? (a > 12 ? 'dmy' : b > 12 ? 'mdy' : null);
    if (!says) return null;
    mo = says === 'mdy' ? a : b;
    d = says === 'mdy' ? b : a;
    y = Number(m[3]);
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/** Whether `c` is the char code of an ASCII digit. */
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * parseDay's answer for `YYYY-MM-DD` followed by nothing, `T` or a space (every row of a large
 * Shopify or Amazon export), read from the char codes; undefined for any other text, which then
 * takes the regex path. Same answers as that path: years below 100 are refused there too (Date.UTC
 * reads them as 19xx), and a day past the month's end is null.
 */
function isoDayFast(s: string): string | null | undefined {
  if (s.length < 10 || (s.length > 10 && s[10] !== 'T' && s[10] !== ' ')) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  for (const i of ISO_DIGITS) if (!isDigit(s.charCodeAt(i))) return undefined;
  const y = Number(s.slice(0, 4));
  const mo = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (d > last) return null;
  return s.length === 10 ? s : s.slice(0, 10);
}
