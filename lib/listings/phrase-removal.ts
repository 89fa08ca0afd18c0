/**
 * Taking a banned phrase out of listing copy without leaving a broken phrase behind (issue 17):
 * the text is cut into sentences and comma/semicolon-separated parts; a part that holds the phrase
 * loses only the phrase when what is left still says something (three words or more), and is
 * dropped whole when it would be a bare word ("Eco-friendly dyes" → not "Dyes"). Dangling
 * conjunctions and prepositions left at a part's edges go too. When nothing is left, the result is
 * '' and the caller proposes removing the field, with a note.
 */
import { norm, words } from './text';

export interface Removal {
  text: string;
  /** The phrases taken out. */
  removed: string[];
  /** Whole parts dropped because the phrase was all they said ("Eco-friendly dyes"). */
  dropped: string[];
}

const EDGE_WORDS = /^(and|or|but|with|from|of|for|by|in|on|to|that|which|is|are|&|plus)$/i;

function tidyPart(s: string): string {
  // Dangling joiners at either edge ("Soft and" → "Soft"; "and pre-shrunk" → "pre-shrunk"), up to three rounds.
  const parts = s
    .replace(/\s{2,}/g, ' ')
    .trim()
    .split(' ');
  for (let i = 0; i < 3; i++) {
    if (parts.length > 1 && EDGE_WORDS.test(parts[parts.length - 1] ?? '')) parts.pop();
    if (parts.length > 1 && EDGE_WORDS.test(parts[0] ?? '')) parts.shift();
  }
  const t = parts.join(' ');
  return t.replace(/^[\s,;:/|–—-]+|[\s,;:/|–—-]+$/gu, '').trim();
}

/** Sentences: split after . ! ? followed by a space (a domain's dot is not an end). */
function splitSentences(s: string): string[] {
  return s.split(/(?<=[.!?])\s+/).filter((x) => x.trim() !== '');
}

/** Upper-cases the first letter when the original text started with one. */
function keepCapital(original: string, out: string): string {
  return /^\p{Lu}/u.test(norm(original)) ? out.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : out;
}

/**
 * Removes every match of `re` (a phrase regex) from `text`, part by part, keeping the sentence
 * punctuation of what remains. `minWords`: a part shorter than this once the phrase is out is dropped.
 */
/** The global and the joiner-taking copies of each phrase regex, made once. */
const COPIES = new WeakMap<RegExp, { g: RegExp; joined: RegExp }>();

export function removePhrases(text: string, re: RegExp, minWords = 3): Removal {
  const src = norm(text);
  let copies = COPIES.get(re);
  if (!copies) {
    copies = {
      g: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`),
      // "Soft and eco-friendly cotton" → "Soft cotton": the joiner next to the phrase goes with it.
      joined: new RegExp(`(?:\\b(?:and|or)\\s+|&\\s*)(?:${re.source})|(?:${re.source})\\s+(?:and|or|&)\\b`, 'giu'),
    };
    COPIES.set(re, copies);
  }
  const { g, joined } = copies;
  const removed: string[] = [];
  const dropped: string[] = [];
  // Sentences end in . ! ? followed by a space (or the end); parts are split on , and ;.
  const sentences = splitSentences(src);
  const out: string[] = [];
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    const end = trimmed.match(/[.!?]+$/)?.[0] ?? '';
    const core = trimmed.slice(0, trimmed.length - end.length);
    const parts = core.split(/\s*([,;])\s*/);
    const kept: string[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      const part = parts[i] ?? '';
      const hits = part.match(g);
      if (!hits) {
        if (part.trim()) kept.push(part.trim());
        continue;
      }
      removed.push(...hits);
      const left = tidyPart(part.replace(joined, ' ').replace(g, ' '));
      if (words(left).length >= minWords) kept.push(left);
      else if (part.trim()) dropped.push(part.trim());
    }
    if (kept.length) out.push(`${kept.join(', ')}${end}`);
  }
  const result = out
    .join(' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return { text: keepCapital(src, result), removed, dropped };
}

/**
 * Removes the sentences (or comma parts) that match any of `tests` — contact details, links, review
 * requests — and the lone question that led into them ("Questions? Visit …" → both go).
 */
export function removeSentencesWith(text: string, tests: readonly ((s: string) => boolean)[]): Removal {
  const src = norm(text);
  const sentences = splitSentences(src);
  const dropped: string[] = [];
  const kept: string[] = [];
  for (const s of sentences) {
    const t = s.trim();
    if (!t) continue;
    if (tests.some((f) => f(t))) {
      dropped.push(t);
      // "Questions?" before a contact sentence says nothing on its own.
      const prev = kept[kept.length - 1];
      if (prev?.endsWith('?') && words(prev).length < 3) dropped.push(kept.pop() ?? '');
      continue;
    }
    kept.push(t);
  }
  const out = kept.filter((k) => !(k.endsWith('?') && words(k).length < 3 && dropped.length > 0));
  return { text: out.join(' ').trim(), removed: [], dropped };
}
