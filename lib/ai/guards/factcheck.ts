/**
 * Fact check for drafts: every order number, tracking number, money amount, date, percentage
 * and URL in a draft must appear in the sources the draft was built from (compared after
 * normalisation), otherwise it is flagged so the reviewer sees the invented fact.
 *
 * Linear in the length of draft and sources: every pattern's quantifiers are bounded where a
 * run could otherwise be rescanned from each of its positions, spans are claimed in an
 * occupancy array, and sources are indexed once (token set, Aho–Corasick for substrings)
 * instead of being searched once per fact. bench/guards.ts times it on a 200 KB e-mail.
 */

import { containedNeedles } from './substrings';

export const FACT_KINDS = ['order_number', 'tracking_number', 'amount', 'date', 'percentage', 'url'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface FlaggedFact {
  /** UTF-16 offsets into the draft, end exclusive. */
  start: number;
  end: number;
  text: string;
  kind: FactKind;
}

export interface FactCheckResult {
  flagged: FlaggedFact[];
}

interface Fact extends FlaggedFact {
  /** Normalised forms; the fact is supported when any of them is found in the sources. */
  keys: string[];
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  jänner: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  mär: 3,
  märz: 3,
  maerz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};
// Longest names first so "September" is not cut to "Sep".
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const CURRENCY = String.raw`(?:US\$|C\$|A\$|CA\$|AU\$|\$|€|£|¥|CHF|USD|EUR|GBP|CAD|AUD)`;
// At most five thousands groups (10¹⁸): an unbounded `(?:[.,' ]\d{3})*` rescans "1 234 234 …"
// from every group, which is quadratic in the run.
const NUMBER = String.raw`\d{1,3}(?:[.,' ]\d{3}){0,5}(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;

const PATTERNS: Record<FactKind, RegExp[]> = {
  url: [
    /\bhttps?:\/\/[^\s<>"')\]]+/gi,
    /\bwww\.[^\s<>"')\]]+/gi,
    // Host labels bounded (DNS: 63 characters, here at most 8 labels) so "a.a.a.…" is not
    // rescanned from every label.
    /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|de|net|org|io|co|shop|store|at|ch|uk|eu)\/[^\s<>"')\]]*/gi,
  ],
  tracking_number: [
    /\b1Z[0-9A-Z]{16}\b/g, // UPS
    // Bounded gaps: an unbounded `\s*…\s*` pair rescans a long whitespace run quadratically.
    /\b(?:tracking|sendungs?|paket)\w{0,12}\s{0,3}(?:number|no\.?|nr\.?|nummer|#|id|code)?\s{0,3}[:#]?\s{0,3}([A-Z0-9][A-Z0-9-]{7,34}[A-Z0-9])\b/gi,
    /\b[A-Z]{2}\d{9}[A-Z]{2}\b/g, // UPU S10 (postal services)
    /\b\d{12,30}\b/g, // FedEx / USPS / DHL numeric
  ],
  amount: [
    new RegExp(String.raw`${CURRENCY}\s?(?:${NUMBER})(?!\d)`, 'g'),
    new RegExp(String.raw`(?<![\d.,])(?:${NUMBER})\s?(?:${CURRENCY}|dollars?|euros?|Euro|pounds?)(?![A-Za-z])`, 'g'),
  ],
  percentage: [/(?<![\d.,])\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b|prozent\b)/gi],
  date: [
    /\b\d{4}-\d{1,2}-\d{1,2}(?!\d)/g, // also the date part of 2026-11-03T14:22:00Z
    /\b\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})\b/g,
    /\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}\b)?/g,
    new RegExp(String.raw`\b(?:${MONTH_RE})\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s{1,3}\d{4}\b)?`, 'gi'),
    new RegExp(
      String.raw`\b\d{1,2}(?:st|nd|rd|th|\.)?\s{1,3}(?:of\s{1,3})?(?:${MONTH_RE})\b\.?(?:,?\s{1,3}\d{4}\b)?`,
      'gi',
    ),
  ],
  order_number: [
    /#\s?[A-Z]{0,4}-?\d{3,}\b/gi,
    /\b(?:order|bestellung|bestellnummer|auftrag)\s{0,3}(?:number|no\.?|nr\.?|nummer|id)?\s{0,3}[:#]?\s{0,3}([A-Z]{0,4}-?\d{3,})\b/gi,
  ],
};

// Earlier kinds claim their span first: a URL may contain digits that look like an order
// number, "$3.11." must read as an amount, not a date.
const PRIORITY: FactKind[] = ['url', 'tracking_number', 'amount', 'percentage', 'date', 'order_number'];

/** Numeric value in cents, trying both decimal conventions when the separator is ambiguous. */
function amountKeys(raw: string): string[] {
  const digits = raw
    .replace(/[^\d.,' ]/g, '')
    .trim()
    .replace(/[' ]/g, '');
  const out = new Set<string>();
  const add = (n: number): void => {
    if (Number.isFinite(n)) out.add(`amount:${Math.round(n * 100)}`);
  };
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const other = dec === '.' ? ',' : '.';
    add(Number(digits.split(other).join('').replace(dec, '.')));
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const tail = digits.length - digits.lastIndexOf(sep) - 1;
    const parts = digits.split(sep);
    if (tail === 3 || parts.length > 2) add(Number(parts.join(''))); // thousands: 1,299 or 1.299
    if (tail !== 3 || parts.length === 2) add(Number(digits.replace(sep, '.'))); // 25,00 / 1.5
  } else {
    add(Number(digits));
  }
  return [...out];
}

function percentKeys(raw: string): string[] {
  const m = /\d+(?:[.,]\d+)?/.exec(raw);
  return m ? [`pct:${Number(m[0].replace(',', '.'))}`] : [];
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function fullYear(y: string | undefined): number | undefined {
  if (y === undefined || y === '') return undefined;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

const MONTH_FIRST = new RegExp(String.raw`^(${MONTH_RE})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?(?:,?\s{1,3}(\d{4}))?`, 'i');
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th|\.)?\s{1,3}(?:of\s{1,3})?(${MONTH_RE})\.?(?:,?\s{1,3}(\d{4}))?`,
  'i',
);

/** Date keys: "date:M-D" always, "date:Y-M-D" when the year is known; ambiguous d/m gives both readings. */
function dateKeys(raw: string): string[] {
  const keys = new Set<string>();
  const add = (y: number | undefined, m: number, d: number): void => {
    if (!validDay(m, d)) return;
    keys.add(`date:${m}-${d}`);
    if (y !== undefined) keys.add(`date:${y}-${m}-${d}`);
  };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(raw);
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(raw);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2,4})?/.exec(raw);
  const monthFirst = MONTH_FIRST.exec(raw);
  const dayFirst = DAY_FIRST.exec(raw);
  if (iso) add(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (slash) {
    // 03/11/2026: US month-first or European day-first; accept either reading.
    add(fullYear(slash[3]), Number(slash[1]), Number(slash[2]));
    add(fullYear(slash[3]), Number(slash[2]), Number(slash[1]));
  } else if (dotted) add(fullYear(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  else if (monthFirst)
    add(fullYear(monthFirst[3]), MONTHS[(monthFirst[1] ?? '').toLowerCase()] ?? 0, Number(monthFirst[2]));
  else if (dayFirst) add(fullYear(dayFirst[3]), MONTHS[(dayFirst[2] ?? '').toLowerCase()] ?? 0, Number(dayFirst[1]));
  return [...keys];
}

/** `text` without trailing characters from `chars`; a loop, because `/[…]+$/` retries from every position of a long run. */
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

const URL_TRAILING = '.,;:!?';

function normaliseUrl(raw: string): string {
  return trimEndOf(
    trimEndOf(raw, URL_TRAILING)
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, ''),
    '/',
  ).toLowerCase();
}

function idKey(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

function keysFor(kind: FactKind, text: string, group: string | undefined): string[] {
  switch (kind) {
    case 'url':
      return [`url:${normaliseUrl(text)}`];
    case 'amount':
      return amountKeys(text.replace(/[A-Za-z$€£¥]/g, ''));
    case 'percentage':
      return percentKeys(text);
    case 'date':
      return dateKeys(text);
    case 'order_number':
    case 'tracking_number':
      return [idKey(group ?? text)];
  }
}

/** Finds facts of every kind, non-overlapping, in priority order. */
function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  // Characters already claimed by a fact. Checking a candidate costs its own length, and one
  // pattern's matches never overlap each other, so the whole pass is linear.
  const taken = new Uint8Array(text.length);
  const overlaps = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (taken[i] === 1) return true;
    return false;
  };
  for (const kind of PRIORITY) {
    for (const pattern of PATTERNS[kind]) {
      for (const m of text.matchAll(pattern)) {
        let value = m[0];
        let start = m.index;
        // For "order 1047" / "tracking no. 1Z…" flag just the identifier.
        if (m[1] !== undefined) {
          start += value.lastIndexOf(m[1]);
          value = m[1];
        }
        if (kind === 'url') value = trimEndOf(value, URL_TRAILING);
        if (kind === 'date' || kind === 'amount') value = value.trimEnd();
        if (kind === 'tracking_number' && m[1] !== undefined && !/\d/.test(value)) continue;
        const end = start + value.length;
        if (overlaps(start, end)) continue;
        const keys = keysFor(kind, value, m[1]);
        if (keys.length === 0) continue;
        taken.fill(1, start, end);
        facts.push({ kind, start, end, text: value, keys });
      }
    }
  }
  return facts.sort((a, b) => a.start - b.start);
}

const MONEY_WORD =
  /\b(?:price|total|subtotal|amount|refund(?:ed)?|credit|cost|fee|charge[ds]?|paid|balance|shipping|tax|discount|betrag|preis|summe|erstattung|gutschrift)\b/i;

interface SourceIndex {
  keys: Set<string>;
  /** Maximal runs of [A-Z0-9] in the upper-cased sources: an identifier must be a whole token. */
  tokens: Set<string>;
  /** Two such runs joined by one hyphen ("ORD-1047"), kept with the hyphen. */
  hyphenated: Set<string>;
  /** Upper-cased sources without whitespace and hyphens, for tracking numbers written in groups. */
  squashed: string;
  /** Lower-cased sources, for URLs quoted inside a longer URL or without their scheme. */
  lower: string;
}

/** Everything in the sources a fact may be matched against, built in one pass over each source. */
function sourceIndex(sources: string[]): SourceIndex {
  const keys = new Set<string>();
  for (const source of sources) {
    for (const fact of extractFacts(source)) for (const k of fact.keys) keys.add(k);
    // Structured sources write amounts without a currency ("total_price": "25.00") and
    // percentages as plain numbers next to a word; accept 2-decimal numbers and numbers
    // within a few characters after a money word.
    for (const m of source.matchAll(/(?<![\d.,])\d+(?:[.,]\d{3})*[.,]\d{2}(?![\d])/g))
      for (const k of amountKeys(m[0])) keys.add(k);
    for (const m of source.matchAll(/(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])/g)) {
      const before = source.slice(Math.max(0, m.index - 24), m.index);
      if (MONEY_WORD.test(before)) for (const k of amountKeys(m[0])) keys.add(k);
      if (/percent|prozent|rate|pct/i.test(before)) keys.add(`pct:${Number(m[0].replace(',', '.'))}`);
    }
    for (const m of source.matchAll(/https?:\/\/[^\s<>"')\]]+|www\.[^\s<>"')\]]+/gi))
      keys.add(`url:${normaliseUrl(m[0])}`);
  }
  const joined = sources.join('\n').toUpperCase();
  const tokens = new Set<string>();
  const hyphenated = new Set<string>();
  let previous: { text: string; end: number } | undefined;
  for (const m of joined.matchAll(/[A-Z0-9]+/g)) {
    tokens.add(m[0]);
    if (previous && previous.end === m.index - 1 && joined[previous.end] === '-')
      hyphenated.add(`${previous.text}-${m[0]}`);
    previous = { text: m[0], end: m.index + m[0].length };
  }
  return { keys, tokens, hyphenated, squashed: joined.replace(/[\s-]/g, ''), lower: joined.toLowerCase() };
}

/** The key with a hyphen at its first letter→digit step ("ORD1047" → "ORD-1047"), if it has one. */
function hyphenatedKey(key: string): string | undefined {
  const m = /[A-Z](?=\d)/.exec(key);
  return m ? `${key.slice(0, m.index + 1)}-${key.slice(m.index + 1)}` : undefined;
}

/** Substring needles per fact, answered for all facts at once by {@link containedNeedles}. */
interface Contained {
  squashed: Set<string>;
  urls: Set<string>;
}

function supported(fact: Fact, index: SourceIndex, contained: Contained): boolean {
  if (fact.kind === 'order_number' || fact.kind === 'tracking_number') {
    const key = fact.keys[0] ?? '';
    if (key === '') return false;
    // Whole-token match so "#104" is not supported by "1047"; "ORD1047" may be written "ORD-1047".
    if (index.tokens.has(key)) return true;
    const hyphen = hyphenatedKey(key);
    if (hyphen !== undefined && index.hyphenated.has(hyphen)) return true;
    return fact.kind === 'tracking_number' && key.length >= 10 && contained.squashed.has(key);
  }
  if (fact.kind === 'date') {
    // A draft date with a year needs that full date; without a year, month and day suffice.
    const full = fact.keys.filter((k) => /^date:\d{4}-/.test(k));
    const wanted = full.length > 0 ? full : fact.keys;
    return wanted.some((k) => index.keys.has(k));
  }
  if (fact.kind === 'url') {
    const key = fact.keys[0] ?? '';
    return index.keys.has(key) || key === 'url:' || contained.urls.has(key.slice(4));
  }
  return fact.keys.some((k) => index.keys.has(k));
}

/**
 * Fact kinds the customer's own text may support: identifiers the customer quotes back (their order
 * or tracking number). A URL, amount, date or percentage in a draft must come from order data,
 * policy or another trusted source, never from what the customer wrote (issue 14: an injected
 * "tell them to visit https://…" or "confirm the $500 refund" is otherwise echoed as a fact).
 */
export const CUSTOMER_SUPPORTED_KINDS: ReadonlySet<FactKind> = new Set<FactKind>(['order_number', 'tracking_number']);

export interface FactCheckOptions {
  /** Customer-written text: it supports only {@link CUSTOMER_SUPPORTED_KINDS}. */
  customer?: string[];
}

function supportedBy(facts: Fact[], sources: string[]): Set<Fact> {
  const index = sourceIndex(sources);
  const contained: Contained = {
    squashed: containedNeedles(
      facts.filter((f) => f.kind === 'tracking_number').map((f) => f.keys[0] ?? ''),
      index.squashed,
    ),
    urls: containedNeedles(
      facts.filter((f) => f.kind === 'url').map((f) => (f.keys[0] ?? '').slice(4)),
      index.lower,
    ),
  };
  return new Set(facts.filter((fact) => supported(fact, index, contained)));
}

/**
 * Flags each order number, tracking number, amount, date, percentage and URL in `draft` that no
 * source contains; text in `options.customer` can support only order and tracking numbers.
 */
export function factCheck(draft: string, sources: string[], options: FactCheckOptions = {}): FactCheckResult {
  const facts = extractFacts(draft);
  const trusted = supportedBy(facts, sources);
  const customerFacts = facts.filter((f) => !trusted.has(f) && CUSTOMER_SUPPORTED_KINDS.has(f.kind));
  const byCustomer =
    options.customer && customerFacts.length > 0 ? supportedBy(customerFacts, options.customer) : new Set<Fact>();
  const flagged = facts
    .filter((fact) => !trusted.has(fact) && !byCustomer.has(fact))
    .map(({ start, end, text, kind }) => ({ start, end, text, kind }));
  return { flagged };
}
