/**
 * PII redaction before text leaves the browser: emails, phone numbers, street addresses and
 * card-like numbers (Luhn-checked) become placeholders such as `[EMAIL_1]`; `restore` puts the
 * originals back into the model's answer.
 */

export const PII_KINDS = ['card', 'email', 'phone', 'address'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export type RedactOptions = Partial<Record<PiiKind, boolean>> & {
  /** Placeholders already assigned (e.g. while redacting the sources of the same call) so one value keeps one placeholder. */
  map?: RedactionMap;
};

/** Placeholder → original text. */
export type RedactionMap = Record<string, string>;

export const DEFAULT_REDACTION: Record<PiiKind, boolean> = { card: true, email: true, phone: true, address: true };

const LABEL: Record<PiiKind, string> = { card: 'CARD', email: 'EMAIL', phone: 'PHONE', address: 'ADDRESS' };

/** Luhn checksum, as used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const STREET_EN = String.raw`\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq)\b\.?(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|#)\.?\s*[\w-]+)?`;
const STREET_DE = String.raw`\b(?:[A-ZÄÖÜ][\wäöüß.-]*\s)?[A-ZÄÖÜ][a-zäöüß-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig)\s+\d{1,4}\s?[a-zA-Z]?\b`;

const PATTERNS: Record<PiiKind, RegExp> = {
  // 13–19 digits, optionally grouped by spaces or dashes; confirmed with Luhn below.
  card: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  // International (+49 …), parenthesised area code, or grouped digits; 7–15 digits in all.
  phone:
    /(?<![\w#/.+-])(?:\+\d{1,3}[\s./-]?)?(?:\(\d{1,5}\)[\s./-]?)?\d{2,5}(?:[\s./-]\d{2,8}){1,4}(?![\w/-])|(?<![\w#+])\+\d{8,15}\b/g,
  address: new RegExp(`${STREET_EN}|${STREET_DE}`, 'g'),
};

function acceptable(kind: PiiKind, match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (kind === 'card') return luhnValid(digits);
  if (kind === 'phone') {
    if (digits.length < 7 || digits.length > 15) return false;
    // Dates and decimal amounts share the shape of grouped digits.
    if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(match.trim())) return false;
    return /^\+|\(|\d[\s./-]\d/.test(match);
  }
  return true;
}

/** Replaces PII in `text` with numbered placeholders; every kind is on unless turned off in `options`. */
export function redact(text: string, options: RedactOptions = {}): { text: string; map: RedactionMap } {
  const map: RedactionMap = { ...(options.map ?? {}) };
  const byValue = new Map(Object.entries(map).map(([placeholder, value]) => [value, placeholder]));
  let out = text;
  // Cards before phones (a grouped card number also looks like a phone number); emails before
  // addresses and phones so digits in an address line or mailbox name stay inside the email.
  for (const kind of PII_KINDS) {
    if (options[kind] === false) continue;
    const counter = (): number => Object.keys(map).filter((p) => p.startsWith(`[${LABEL[kind]}_`)).length + 1;
    out = out.replace(PATTERNS[kind], (match: string) => {
      if (!acceptable(kind, match) || /^\[[A-Z]+_\d+\]$/.test(match)) return match;
      const existing = byValue.get(match);
      if (existing) return existing;
      const placeholder = `[${LABEL[kind]}_${counter()}]`;
      map[placeholder] = match;
      byValue.set(match, placeholder);
      return placeholder;
    });
  }
  return { text: out, map };
}

/** Puts the originals back for every placeholder in `text`. */
export function restore(text: string, map: RedactionMap): string {
  return text.replace(/\[(?:CARD|EMAIL|PHONE|ADDRESS)_\d+\]/g, (placeholder) => map[placeholder] ?? placeholder);
}

/** `restore` applied to every string inside a JSON-like value (extracted objects). */
export function restoreDeep<T>(value: T, map: RedactionMap): T {
  if (typeof value === 'string') return restore(value, map) as T;
  if (Array.isArray(value)) return value.map((v) => restoreDeep(v, map)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v, map)])) as T;
  }
  return value;
}
