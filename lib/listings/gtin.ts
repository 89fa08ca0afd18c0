/** GTIN / UPC / EAN / ISBN checks (listing-rules §7). Pure functions over the code string. */

export type GtinKind = 'gtin8' | 'gtin12' | 'gtin13' | 'gtin14' | 'isbn10';

/** Removes spaces and hyphens, as GTIN-FORMAT prescribes. */
export function cleanGtin(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/** The format of a code, or null when it is neither 8/12/13/14 digits nor an ISBN-10. */
export function gtinKind(code: string): GtinKind | null {
  const c = cleanGtin(code);
  if (/^\d{8}$/.test(c)) return 'gtin8';
  if (/^\d{12}$/.test(c)) return 'gtin12';
  if (/^\d{13}$/.test(c)) return 'gtin13';
  if (/^\d{14}$/.test(c)) return 'gtin14';
  if (/^\d{9}[\dX]$/i.test(c)) return 'isbn10';
  return null;
}

/** GS1 mod-10 check digit of the digits before the check digit (weights 3,1,3… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** ISBN-10 check character: weights 10…2, (11 − sum mod 11) mod 11, 10 written as X. */
export function isbn10CheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** The check digit the code should end with, or null for an unknown format. */
export function expectedCheck(code: string): string | null {
  const c = cleanGtin(code);
  const kind = gtinKind(c);
  if (!kind) return null;
  if (kind === 'isbn10') return isbn10CheckChar(c.slice(0, 9));
  return String(gs1CheckDigit(c.slice(0, -1)));
}

/** True when the code has a valid format and check digit. */
export function isValidGtin(code: string): boolean {
  const c = cleanGtin(code).toUpperCase();
  const e = expectedCheck(c);
  return e !== null && c.endsWith(e);
}

/** Left-pads to 14 digits (Walmart's stored form); ISBN-10 is returned unchanged. */
export function toGtin14(code: string): string {
  const c = cleanGtin(code);
  return /^\d{8,14}$/.test(c) ? c.padStart(14, '0') : c;
}

/** Strips GTIN-14 zero padding down to 13 digits or fewer (Target Plus via Shopify wants ≤ 13). */
export function toUpTo13(code: string): string {
  const c = cleanGtin(code);
  if (/^\d{14}$/.test(c) && c.startsWith('0')) return c.slice(1);
  return c;
}

export interface PrefixProblem {
  prefix: string;
  reason: string;
  /** Only a problem unless the product is a book (ISBN) or periodical (ISSN). */
  unlessBook?: boolean;
  unlessPeriodical?: boolean;
}

/** GS1 prefix ranges not meant for trade items (GTIN-PREFIX), checked on the GTIN-13 form. */
export function prefixProblem(code: string): PrefixProblem | null {
  const c = cleanGtin(code);
  const kind = gtinKind(c);
  if (!kind || kind === 'isbn10') return null;
  if (/^(\d)\1+$/.test(c)) return { prefix: c.slice(0, 3), reason: 'all digits are the same' };
  if (kind === 'gtin8') {
    if (c[0] === '0' || c[0] === '2')
      return { prefix: c[0], reason: 'GTIN-8 starting with 0 or 2 is a restricted-circulation number (RCN-8)' };
    return null;
  }
  // GTIN-13 form: a UPC-A gets a leading 0; a GTIN-14 drops its indicator digit.
  const g13 = kind === 'gtin12' ? `0${c}` : kind === 'gtin14' ? c.slice(1) : c;
  const p3 = Number(g13.slice(0, 3));
  const p2 = g13.slice(0, 2);
  if ((p3 >= 20 && p3 <= 29) || (p3 >= 40 && p3 <= 49) || (p3 >= 200 && p3 <= 299))
    return { prefix: g13.slice(0, 3), reason: 'restricted circulation / in-store number' };
  if (p3 >= 50 && p3 <= 59) return { prefix: g13.slice(0, 3), reason: 'reserved by GS1 US (coupons)' };
  if (p3 === 977) return { prefix: '977', reason: 'ISSN: periodicals only', unlessPeriodical: true };
  if (p3 === 978 || p3 === 979) return { prefix: String(p3), reason: 'ISBN: books only', unlessBook: true };
  if (p3 === 980) return { prefix: '980', reason: 'refund receipts' };
  if (p3 >= 981 && p3 <= 984) return { prefix: String(p3), reason: 'coupons' };
  if (p2 === '99') return { prefix: '99', reason: 'coupons' };
  return null;
}

/** GTIN-14 indicator digit when it marks a case or variable-measure level (1–9), else null. */
export function packagingIndicator(code: string): number | null {
  const c = cleanGtin(code);
  if (!/^\d{14}$/.test(c)) return null;
  const ind = Number(c[0]);
  return ind === 0 ? null : ind;
}
