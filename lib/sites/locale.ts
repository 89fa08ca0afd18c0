import { parseNumber } from '../import/numbers';

/**
 * Numbers, money and dates as a localised host page writes them ("27,90 €", "1.299,00", "$1,299.00",
 * "12/11/2026", "27.11.2026", "2026年11月27日", "Nov 27, 2026"). Numbers reuse the importers'
 * `parseNumber`; a slash date is read in the page language's order (en-US month first, everyone
 * else day first) and is marked uncertain when the language does not say.
 */
const SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  円: 'JPY',
  C$: 'CAD',
  A$: 'AUD',
  CA$: 'CAD',
  US$: 'USD',
};

/** Amount and ISO currency of a money text; null when it holds no number. */
export function parseMoney(text: string | null | undefined): { amount: number; currency: string | null } | null {
  if (!text) return null;
  const m = /-?\d[\d.,\s\u00a0\u202f']*/.exec(text);
  if (!m) return null;
  const amount = parseNumber(m[0].replace(/[\s\u00a0\u202f']+$/, ''));
  if (amount === null) return null;
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1] ?? null;
  const symbol = /(US\$|CA\$|C\$|A\$|[$€£¥円])/.exec(text)?.[1];
  return { amount, currency: code ?? (symbol ? (SYMBOLS[symbol] ?? null) : null) };
}

/** `YYYY-MM-DD` of a date as the page writes it, with `uncertain` when a slash date's order was assumed. */
export function parseLocaleDate(
  text: string | null | undefined,
  lang = 'en-US',
  /** Month names (`MONTHS` of locale-months.ts) to read "27 nov. 2026"; left out in content scripts (size). */
  months?: Record<string, number>,
): { day: string; uncertain: boolean } | null {
  const s = (text ?? '').trim();
  if (!s) return null;
  let m = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!, false);
  m = /(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const usOrder = /^en-us$/i.test(lang) || /^en$/i.test(lang);
    const own = a > 12 ? 'dmy' : b > 12 ? 'mdy' : null;
    const dotted = s.includes('.');
    const order = own ?? (dotted ? 'dmy' : usOrder ? 'mdy' : 'dmy');
    const uncertain = !own && !dotted && !/^(en-us|en-gb|de|fr|es|ja)/i.test(lang);
    return order === 'mdy' ? ymd(+m[3]!, a, b, uncertain) : ymd(+m[3]!, b, a, uncertain);
  }
  if (!months) return null;
  const lower = s.toLowerCase();
  m = /(\d{1,2})\.?\s+(?:de\s+)?([a-zäéû]+)\.?\s+(?:de\s+)?(\d{4})/.exec(lower);
  const mo = m ? (months[m[2]!.slice(0, 4)] ?? months[m[2]!.slice(0, 3)]) : undefined;
  if (m && mo) return ymd(+m[3]!, mo, +m[1]!, false);
  m = /([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(lower);
  if (m && months[m[1]!.slice(0, 3)]) return ymd(+m[3]!, months[m[1]!.slice(0, 3)]!, +m[2]!, false);
  return null;
}

function ymd(y: number, mo: number, d: number, uncertain: boolean): { day: string; uncertain: boolean } | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { day: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, uncertain };
}
