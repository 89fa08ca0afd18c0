import { norm, phraseRegex, words } from '../text';
import type { ChannelListing, Finding, Severity } from '../types';

export type Hit = Omit<Finding, 'rule'>;

/** Builds a finding without its rule id (the engine adds it). */
export function hit(field: string, severity: Severity, message: string, fix?: unknown): Hit {
  return fix === undefined ? { field, severity, message } : { field, severity, message, fix };
}

/** A numeric attribute knob, or undefined. */
export function attrNum(l: ChannelListing, key: string): number | undefined {
  const v = l.attributes?.[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function attrStr(l: ChannelListing, key: string): string | undefined {
  const v = l.attributes?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function attrBool(l: ChannelListing, key: string): boolean | undefined {
  const v = l.attributes?.[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function attrList(l: ChannelListing, key: string): unknown[] | undefined {
  const v = l.attributes?.[key];
  return Array.isArray(v) ? v : undefined;
}

/** The listing's text fields with their paths (title, each bullet, description, and optionally search terms). */
export function textFields(
  l: ChannelListing,
  opts: { search?: boolean; title?: boolean } = {},
): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  if (opts.title !== false) out.push({ field: 'title', text: l.title });
  (l.bullets ?? []).forEach((b, i) => {
    out.push({ field: `bullets[${i}]`, text: b });
  });
  if (l.description) out.push({ field: 'description', text: l.description });
  if (opts.search && l.search_terms) out.push({ field: 'search_terms', text: l.search_terms });
  return out;
}

/** Words of the brand, case-folded. */
export function brandWords(l: ChannelListing): Set<string> {
  return new Set(words(l.brand));
}

/** Share of upper-case letters among letters, ignoring brand tokens and ≤ 4-letter acronyms. */
export function capsShare(text: string, brand: string | undefined): { upper: number; letters: number } {
  const brandTokens = new Set(words(brand));
  let upper = 0;
  let letters = 0;
  for (const token of norm(text).split(/\s+/)) {
    const lettersOnly = token.replace(/[^\p{L}]/gu, '');
    if (!lettersOnly) continue;
    if (brandTokens.has(token.toLowerCase().replace(/[^\p{L}\p{N}']/gu, ''))) continue;
    if (lettersOnly.length <= 4 && lettersOnly === lettersOnly.toUpperCase()) continue;
    for (const ch of lettersOnly) {
      letters += 1;
      if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) upper += 1;
    }
  }
  return { upper, letters };
}

/** §1.9-A: articles, conjunctions, prepositions exempt from the repetition rules. */
export const STOP_WORDS = new Set(
  'a an the and or nor but yet so for in on at by to of from with without over under into onto up down off out per via about across after before between through &'.split(
    ' ',
  ),
);

/** Tokens used more than `max` times, ignoring stop words and pure numbers. */
export function repeatedWords(text: string, max: number): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const w of words(text)) {
    if (STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].filter(([, c]) => c > max).map(([word, count]) => ({ word, count }));
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** Share of letters outside the Latin script (a proxy for "not in the store's language"). */
export function nonLatinShare(text: string): number {
  // Hot (every text field of every listing): ASCII is decided by its code, and only other code
  // points go through the two Unicode regexes (same counts as testing every character).
  const s = norm(text);
  let letters = 0;
  let nonLatin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    const cp = s.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (LETTER.test(ch)) {
      letters++;
      if (!LATIN.test(ch)) nonLatin++;
    }
  }
  return letters === 0 ? 0 : nonLatin / letters;
}

/** The MAIN image: role MAIN/main, else the first image. */
export function mainImageIndex(l: ChannelListing): number {
  const imgs = l.images ?? [];
  const i = imgs.findIndex((im) => (im.role ?? '').toLowerCase() === 'main');
  if (i >= 0) return i;
  return imgs.length > 0 && imgs.every((im) => !im.role) ? 0 : -1;
}

export function isPureWhite(rgb: readonly [number, number, number][] | undefined): boolean | undefined {
  if (!rgb || rgb.length === 0) return undefined;
  return rgb.every(([r, g, b]) => r === 255 && g === 255 && b === 255);
}

export function longestSide(im: { width?: number; height?: number }): number | undefined {
  if (im.width === undefined && im.height === undefined) return undefined;
  return Math.max(im.width ?? 0, im.height ?? 0);
}

/** Removes matched phrases and tidies the spacing and dangling separators left behind. */
export function removeMatches(text: string, re: RegExp): string {
  return norm(text)
    .replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:/|-])\s*(?=[,;:/|-])/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:/|–—-]+|[\s,;:/|–—-]+$/gu, '')
    .trim();
}

// ---- Claim detectors shared by Amazon and Target Plus ----

const DISEASE_TERMS = [
  'aids',
  'hiv',
  'als',
  "lou gehrig's disease",
  "alzheimer's",
  'alzheimers',
  'add',
  'adhd',
  'autism',
  'bronchitis',
  'blood clots',
  'cancer',
  'tumor',
  'tumour',
  'cardiovascular disease',
  'heart disease',
  'celiac',
  'chancroid',
  'chlamydia',
  'coronavirus',
  'covid-19',
  'covid',
  'cytomegalovirus',
  'cmv',
  'depression',
  'diabetes',
  'gonorrhea',
  'hepatitis',
  'herpes',
  'hpv',
  'human papillomavirus',
  'lymphogranuloma venereum',
  'pubic lice',
  'syphilis',
  'withdrawal',
];
const SYMPTOM_TERMS = ['arthritis', 'asthma', 'hypertension', 'insomnia', 'anxiety', 'flu', 'cold', 'inflammation'];
const CLAIM_VERBS =
  /^(cure|cures|cured|treat|treats|treated|prevent|prevents|prevented|mitigate|mitigates|heal|heals|reverse|reverses|fight|fights|relieve|relieves|reduce|reduces)$/;

/** The term lists split into tokens once (diseaseClaims runs on every text field). */
const TERM_PARTS: { parts: string[]; term: string; symptom: boolean }[] = [
  ...DISEASE_TERMS.map((t) => ({ parts: t.split(' '), term: t, symptom: false })),
  ...SYMPTOM_TERMS.map((t) => ({ parts: t.split(' '), term: t, symptom: true })),
];
/** Term indexes by their first token (a token starts at most a few terms). */
const TERMS_BY_FIRST = new Map<string, number[]>();
TERM_PARTS.forEach((t, i) => {
  const list = TERMS_BY_FIRST.get(t.parts[0]!);
  if (list) list.push(i);
  else TERMS_BY_FIRST.set(t.parts[0]!, [i]);
});
const TOKEN_SPLIT = /[\s,.;:()/]+/u;

/** Disease claims: a claim verb within 6 tokens of a disease (or, as a warning, symptom) term. */
export function diseaseClaims(text: string): { term: string; symptom: boolean }[] {
  const lower = norm(text).toLowerCase();
  const out: { term: string; symptom: boolean }[] = [];
  const tokens = lower.split(TOKEN_SPLIT);
  // One pass over the tokens: where a token starts a term, the term's first claimed occurrence
  // (a claim verb within 6 tokens). Reported in the term lists' order, each term once.
  let claimed: boolean[] | null = null;
  let verbAt: boolean[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const starts = TERMS_BY_FIRST.get(tokens[i]!);
    if (!starts) continue;
    for (const ti of starts) {
      if (claimed?.[ti]) continue;
      const parts = TERM_PARTS[ti]!.parts;
      if (i + parts.length > tokens.length) continue;
      let match = true;
      for (let k = 1; k < parts.length && match; k++) match = tokens[i + k] === parts[k];
      if (!match) continue;
      verbAt ??= tokens.map((t) => t !== '' && CLAIM_VERBS.test(t));
      let near = false;
      // Six tokens either side (split leaves an empty token only at either end, never a verb).
      const lo = Math.max(0, i - 6);
      const hi = Math.min(tokens.length, i + parts.length + 6);
      for (let k = lo; k < hi && !near; k++) near = verbAt[k]!;
      if (near) {
        claimed ??= [];
        claimed[ti] = true;
      }
    }
  }
  if (claimed)
    for (let ti = 0; ti < TERM_PARTS.length; ti++)
      if (claimed[ti]) out.push({ term: TERM_PARTS[ti]!.term, symptom: TERM_PARTS[ti]!.symptom });
  return out;
}

export const PESTICIDE_RE = phraseRegex([
  'antibacterial',
  'anti-bacterial',
  'antimicrobial',
  'anti-microbial',
  'antifungal',
  'anti-fungal',
  'antiviral',
  'anti-viral',
  'anti-mold',
  'anti-mildew',
  'sanitize',
  'sanitizes',
  'sanitizing',
  'disinfect',
  'disinfects',
  'disinfecting',
  'sterilize',
  'sterilizes',
  'kills 99.9%',
  'kills germs',
  'kills bacteria',
  'kills insects',
  'repels insects',
  'repels mosquitoes',
  'kills mosquitoes',
  'kills bed bugs',
  'kills mites',
  'repels pests',
  'prevents bacteria',
  'odor-causing bacteria',
  'odour-causing bacteria',
]);
