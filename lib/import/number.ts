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
