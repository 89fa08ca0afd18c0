/**
 * The last few strings normalised and their results: the rules of one check normalise the same
 * title, bullets and description many times over. Small on purpose (one listing's fields), so it
 * serves a check, not a catalogue.
 */
const NORM_SIZE = 32;
const normIn: (string | undefined)[] = new Array(NORM_SIZE).fill(undefined);
const normOut: string[] = new Array(NORM_SIZE).fill('');
let normNext = 0;
const NON_ASCII = /[\u0080-\uffff]/;

/** Trimmed NFC form: the string the reference's counting rules apply to. */
export function norm(s: string | undefined): string {
  if (s === undefined || s === '') return '';
  for (let i = 0; i < NORM_SIZE; i++) if (normIn[i] === s) return normOut[i]!;
  // ASCII is already in NFC.
  const out = (NON_ASCII.test(s) ? s.normalize('NFC') : s).trim();
  normIn[normNext] = s;
  normOut[normNext] = out;
  normNext = (normNext + 1) % NORM_SIZE;
  return out;
}

/** Characters as the reference counts them: code points of the trimmed NFC string. */
export function chars(s: string | undefined): number {
  // charCount(norm(s)) without normalising twice: the code points of the normalised string.
  const t = norm(s);
  let n = 0;
  for (let i = 0; i < t.length; i++, n++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Word tokens per the reference: case-folded, split on whitespace and `, . ; : ( ) / -`, apostrophes kept. */
export function words(s: string | undefined): string[] {
  return norm(s)
    .toLowerCase()
    .split(/[\s,.;:()/-]+/u)
    .map((w) => w.replace(/^['"“”‘’]+|['"“”‘’]+$/gu, ''))
    .filter((w) => w.length > 0);
}

export const HTML_TAG = /<\/?[a-z][a-z0-9]*\b[^>]*>/i;
const HTML_TAG_G = /<\/?[a-z][a-z0-9]*\b[^>]*>/gi;
export const EMOJI = /\p{Extended_Pictographic}/u;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes the few HTML entities Shopify descriptions carry. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '');
}

let lastHtml: string | null = null;
let lastText = '';

/** Plain text of an HTML fragment: block ends become newlines, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  // Several rules of a check read the same description's text.
  if (html === lastHtml) return lastText;
  lastText = htmlToTextOnce(html);
  lastHtml = html;
  return lastText;
}

function htmlToTextOnce(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>|<\/br>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|tr|ul|ol)>/gi, '\n')
      .replace(HTML_TAG_G, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Items of `<li>` elements in an HTML fragment, as plain text. */
export function listItems(html: string): string[] {
  return [...html.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((m) => htmlToText(m[1] ?? '')).filter(Boolean);
}

/** Paragraph texts (`<p>` or line-separated) of an HTML fragment, excluding list items. */
export function paragraphs(html: string): string[] {
  const withoutLists = html.replace(/<(ul|ol)\b[^>]*>[\s\S]*?<\/\1>/gi, '\n');
  return htmlToText(withoutLists)
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Sentences of a plain text (split after . ! ? followed by space and a capital or digit). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex matching any of `phrases` as whole words (letters/digits not adjacent), case-insensitive; spaces match any run of whitespace. */
export function phraseRegex(phrases: readonly string[], flags = 'giu'): RegExp {
  const alts = phrases.map((p) => escapeRe(p.toLowerCase()).replace(/\s+/g, '\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags);
  // Each phrase's leading letters-and-digits run (see mayHavePhrase); none for a list where a
  // phrase starts with anything else ("#1") or is not ASCII, or for a case-sensitive regex.
  const heads = phrases.map((p) => /^[a-z0-9]+/.exec(p.trim().toLowerCase())?.[0] ?? '');
  const ascii = phrases.every((p) => !NON_ASCII.test(p));
  if (flags.includes('i') && ascii && heads.length > 0 && heads.every((h) => h !== ''))
    PHRASE_HEADS.set(re, [...new Set(heads)]);
  return re;
}

/** First words of the phrases of each phraseRegex (see findPhrases). */
const PHRASE_HEADS = new WeakMap<RegExp, string[]>();

/**
 * The alphanumeric tokens of a few recent ASCII texts, lower-cased (null for a text that is not
 * ASCII): several phrase lists are tried on each field of a listing.
 */
const TOKENS_SIZE = 24;
const tokensIn: (string | null)[] = new Array(TOKENS_SIZE).fill(null);
const tokensOut: (Set<string> | null)[] = new Array(TOKENS_SIZE).fill(null);
let tokensNext = 0;
const NOT_ALNUM = /[^a-z0-9]+/;
function asciiTokens(t: string): Set<string> | null {
  for (let i = 0; i < TOKENS_SIZE; i++) if (tokensIn[i] === t) return tokensOut[i]!;
  const out = NON_ASCII.test(t) ? null : new Set(t.toLowerCase().split(NOT_ALNUM));
  tokensIn[tokensNext] = t;
  tokensOut[tokensNext] = out;
  tokensNext = (tokensNext + 1) % TOKENS_SIZE;
  return out;
}

/**
 * False when no phrase of `re` can be in `t`; true when one may be. A phrase matches only where no
 * letter or digit comes before it, so in an ASCII text the leading letters-and-digits run of its
 * first word ("eco" of "eco-friendly") stands as a whole alphanumeric token of the text.
 */
export function mayHavePhrase(t: string, re: RegExp): boolean {
  const heads = PHRASE_HEADS.get(re);
  if (!heads) return true;
  const tokens = asciiTokens(t);
  if (tokens === null) return true;
  for (let i = 0; i < heads.length; i++) if (tokens.has(heads[i]!)) return true;
  return false;
}

/** The global copy of each phrase regex, made once (matchAll clones it, so sharing it is safe). */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();

/** Every distinct phrase of the list found in `text` (lower-case, in order of appearance). */
export function findPhrases(text: string | undefined, re: RegExp): string[] {
  const found = new Set<string>();
  let g = GLOBAL_COPIES.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL_COPIES.set(re, g);
  }
  const t = norm(text);
  if (!mayHavePhrase(t, re)) return [];
  for (const m of t.matchAll(g)) found.add(m[0].toLowerCase().replace(/\s+/g, ' '));
  return [...found];
}

/** Cuts `s` to at most `max` characters at a word boundary, without dangling separators. */
export function cutAtWord(s: string, max: number): string {
  const t = norm(s);
  const cps = [...t];
  if (cps.length <= max) return t;
  const head = cps.slice(0, max + 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : cps.slice(0, max).join('');
  return cut.replace(/[\s,;:/|&+–—-]+$/u, '').trim();
}

/** Cuts to at most `maxBytes` UTF-8 bytes at a word boundary. */
export function cutAtBytes(s: string, maxBytes: number): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let used = 0;
  for (const w of norm(s).split(/\s+/)) {
    const cost = enc.encode(w).length + (out.length ? 1 : 0);
    if (used + cost > maxBytes) break;
    out.push(w);
    used += cost;
  }
  return out.join(' ');
}

export const DETECTORS = {
  email: /[\w.+-]+@[\w-]+\.[\w.]+/,
  url: /(https?:\/\/|www\.)\S+/i,
  bareDomain: /\b[a-z0-9-]+\.(com|net|org|co|io|shop|store)\b/i,
  phone: /\+?\d[\d\s().-]{8,}\d/,
  price: /[$€£]\s?\d/,
  asin: /\bB0[0-9A-Z]{8}\b/,
} as const;

/** Names of the contact/link/price detectors (AMZ-PDP-PROHIBITED) that match `text`. */
export function contactHits(text: string | undefined, which: readonly (keyof typeof DETECTORS)[]): string[] {
  const t = norm(text);
  // A phone pattern also matches GTINs and long model numbers written without separators; require a separator or a leading +.
  return which.filter((k) => {
    if (k !== 'phone') return DETECTORS[k].test(t);
    const m = t.match(/\+?\d[\d\s().-]{8,}\d/g) ?? [];
    return m.some((x) => x.startsWith('+') || /[\s().-]/.test(x));
  });
}
