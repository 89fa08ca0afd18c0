/**
 * Views of a text for the injection detector: the same message as a reader would see it once
 * hiding tricks are undone (look-alike letters, spaced-out letters, leetspeak, base64, rot13,
 * comments). Every step is a single pass over its input, and decoded text is never longer than
 * the text it came from, so building all views is linear in the text's length.
 */

/** How a view was obtained; `plain` is the message itself after NFKC and invisible-character removal. */
export const VIEW_KINDS = ['comment', 'plain', 'lookalike', 'spaced', 'leetspeak', 'base64', 'rot13'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** Plain words for the panel: where an instruction was found when it was not in the visible text. */
export const VIEW_REASONS: Record<Exclude<ViewKind, 'plain'>, string> = {
  comment: 'hidden instruction in an HTML or markdown comment',
  lookalike: 'instruction written with look-alike letters',
  spaced: 'instruction spelled out letter by letter',
  leetspeak: 'instruction written in leetspeak',
  base64: 'hidden instruction in base64',
  rot13: 'hidden instruction in rot13',
};

export interface View {
  kind: ViewKind;
  text: string;
}

// Zero-width space/joiners, LRM/RLM, word joiner and invisible operators, BOM, bidi embeddings,
// overrides and isolates, soft hyphen, Mongolian vowel separator, and Unicode tag characters.
const INVISIBLE_G = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

/** Collapses each whitespace run to one space, or one newline when the run holds a line break. */
export function collapseWhitespace(text: string): string {
  let out = '';
  let run = '';
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (run !== '\n') run = ch === '\n' || ch === '\r' ? '\n' : ' ';
      continue;
    }
    if (run !== '') {
      out += out === '' ? '' : run;
      run = '';
    }
    out += ch;
  }
  return out;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes HTML character references (`&#105;`, `&#x69;`, `&lt;`) so "&#105;gnore" reads as "ignore". */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi, (all, dec, hex, name) => {
    if (name !== undefined) return NAMED_ENTITIES[String(name).toLowerCase()] ?? all;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(String(hex), 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** NFKC (folds full-width and mathematical letters), character references decoded, invisible characters removed. */
export function plainForm(text: string): string {
  return decodeEntities(text.normalize('NFKC')).replace(INVISIBLE_G, '').normalize('NFKC');
}

// Cyrillic, Greek and other letters that render like Latin ones (Unicode confusables, the
// subset seen in homoglyph attacks). NFKC leaves these alone because they are real letters.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  ı: 'i',
  ɑ: 'a',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LATIN = /[A-Za-z]/;

/**
 * Look-alike letters mapped to Latin, but only where the text is Latin: inside a word that also
 * has Latin letters, or everywhere when most letters of the text are Latin. A Russian or Greek
 * message stays as it is.
 */
export function unconfuse(text: string): string {
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    if (LATIN.test(ch)) latin += 1;
    else if (CONFUSABLES[ch] !== undefined) other += 1;
  }
  if (other === 0) return text;
  const everywhere = latin >= other;
  return text.replace(/\p{L}+/gu, (word) => {
    if (!everywhere && !LATIN.test(word)) return word;
    let out = '';
    for (const ch of word) out += CONFUSABLES[ch] ?? ch;
    return out;
  });
}

export interface SpacedRuns {
  /** The text with each run of spaced-out letters joined ("i g n o r e  a l l" → "ignore all"). */
  text: string;
  /** Longest run, in letters. */
  longest: number;
  /** Each run with all spaces removed ("ignoreall"), for word-agnostic signatures. */
  compact: string[];
}

/**
 * Finds runs of single characters separated by single spaces. Inside a run a wider gap (two or
 * more spaces, a slash or a bar) is taken as a word break. One pass over the text.
 */
export function joinSpacedLetters(text: string, minRun = 4): SpacedRuns {
  const tokens = text.split(/(\s+)/); // words at even indexes, gaps at odd ones
  let out = '';
  let longest = 0;
  const compact: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const word = tokens[i] ?? '';
    if ([...word].length !== 1 || !/[\p{L}\p{N}@$]/u.test(word)) {
      out += word + (tokens[i + 1] ?? '');
      i += 2;
      continue;
    }
    // Collect a run of one-character words.
    let j = i;
    const letters: string[] = [word];
    const breaks: boolean[] = [];
    while (j + 2 < tokens.length) {
      const gap = tokens[j + 1] ?? '';
      const next = tokens[j + 2] ?? '';
      if ([...next].length === 1 && /[\p{L}\p{N}@$]/u.test(next)) {
        letters.push(next);
        breaks.push(gap.length >= 2 || /\n/.test(gap));
        j += 2;
      } else if ((next === '/' || next === '|') && j + 4 < tokens.length) {
        // "i g n o r e / a l l": the separator marks a word break.
        const after = tokens[j + 4] ?? '';
        if ([...after].length !== 1) break;
        letters.push(after);
        breaks.push(true);
        j += 4;
      } else break;
    }
    if (letters.length >= minRun) {
      let joined = letters[0] ?? '';
      for (let k = 1; k < letters.length; k++) joined += (breaks[k - 1] ? ' ' : '') + letters[k];
      out += joined;
      compact.push(letters.join(''));
      longest = Math.max(longest, letters.length);
    } else {
      for (let k = i; k <= j; k++) out += tokens[k] ?? '';
    }
    out += tokens[j + 1] ?? '';
    i = j + 2;
  }
  return { text: out, longest, compact };
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/**
 * Leetspeak read back as letters, only in words that mix letters with leet digits or symbols
 * ("1gn0r3", "pr3v10u5"): plain numbers and prices are left alone. `one` is what "1" becomes
 * ("i" or "l": "a11" is "all"). Returns undefined when no word changed.
 */
export function unleet(text: string, one: 'i' | 'l'): string | undefined {
  let changed = false;
  const out = text.replace(/[\p{L}0-9@$!|]+/gu, (word) => {
    if (!/\p{L}/u.test(word) || !/[0-9@$!|]/.test(word)) return word;
    // Trailing "!" is punctuation, not an "i".
    const core = word.replace(/!+$/, '');
    let mapped = '';
    for (const ch of core) mapped += ch === '1' ? one : (LEET[ch] ?? ch);
    if (mapped === core) return word;
    changed = true;
    return mapped + word.slice(core.length);
  });
  return changed ? out : undefined;
}

/** rot13 of the Latin letters; everything else unchanged. */
export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Text hidden in base64 runs (standard or URL-safe alphabet) that decode to readable UTF-8. */
export function decodeBase64Runs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    let run = m[0].replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    if (run.length % 4 === 1) run = run.slice(0, -1);
    run += '='.repeat((4 - (run.length % 4)) % 4);
    let decoded: string;
    try {
      const binary = atob(run);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      decoded = UTF8.decode(bytes);
    } catch {
      continue;
    }
    // Readable: mostly letters, spaces and punctuation, with at least one space between words.
    let readable = 0;
    let letters = 0;
    for (const ch of decoded) {
      if (/[\p{L}\p{N}\p{P}\p{Zs}\n{}"':=]/u.test(ch)) readable += 1;
      if (/[\p{L} ]/u.test(ch)) letters += 1;
    }
    const n = [...decoded].length;
    if (n >= 8 && readable / n >= 0.95 && letters / n >= 0.6 && /\p{L}[ _:"]+\p{L}/u.test(decoded)) out.push(decoded);
  }
  return out;
}

/** Bodies of HTML comments and markdown link-reference comments (`[//]: # (…)`). */
export function commentBodies(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    out.push(text.slice(open + 4, close < 0 ? text.length : close));
    if (close < 0) break;
    from = close + 3;
  }
  for (const m of text.matchAll(/^[ \t]{0,3}\[[^\]\n]{0,40}\]:[ \t]{0,3}(?:#|<>)[ \t]{0,3}(.*)$/gm))
    out.push((m[1] ?? '').replace(/^[("']/, '').replace(/[)"']$/, ''));
  return out;
}

/**
 * Every view the detector matches against, the visible text first after comments. Views that
 * would equal the plain one are left out; decoded base64 gets its own views too (one level deep).
 */
export function viewsOf(text: string, depth = 0): { views: View[]; spaced: SpacedRuns } {
  const plain = plainForm(text);
  const views: View[] = [];
  const comments = commentBodies(plain);
  if (comments.length > 0) views.push({ kind: 'comment', text: collapseWhitespace(comments.join('\n')) });
  const collapsed = collapseWhitespace(plain);
  views.push({ kind: 'plain', text: collapsed });
  const unconfused = unconfuse(collapsed);
  if (unconfused !== collapsed) views.push({ kind: 'lookalike', text: unconfused });
  const spaced = joinSpacedLetters(unconfuse(plain));
  if (spaced.compact.length > 0) views.push({ kind: 'spaced', text: collapseWhitespace(spaced.text) });
  for (const one of ['i', 'l'] as const) {
    const leet = unleet(spaced.compact.length > 0 ? collapseWhitespace(spaced.text) : unconfused, one);
    if (leet !== undefined) views.push({ kind: 'leetspeak', text: leet });
  }
  views.push({ kind: 'rot13', text: rot13(unconfused) });
  if (depth === 0) {
    for (const decoded of decodeBase64Runs(plain)) {
      for (const v of viewsOf(decoded, depth + 1).views)
        if (v.kind !== 'rot13') views.push({ kind: 'base64', text: v.text });
    }
  }
  return { views, spaced };
}

/**
 * Sentence punctuation inside URLs and e-mail addresses replaced by "_", so a rule's
 * "same sentence" gap (`[^.!?\n]{0,40}`) can step over "https://evil.example.com/x?y=1".
 * Matches start only at "http" or "@", so the pass is linear.
 */
export function maskLinks(text: string): string {
  return text
    .replace(/\bhttps?:\/\/[^\s<>"')\]]{1,2000}/gi, (url) => url.replace(/[.!?]/g, '_'))
    .replace(/@[^\s@<>"')\]]{1,255}/g, (host) => host.replace(/[.!?]/g, '_'));
}
