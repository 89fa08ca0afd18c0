/**
 * Tokeniser shared by the intent model (training and inference) and the reply index. Kept
 * deliberately simple and deterministic: lower-case, accents folded, numbers collapsed to `<num>`,
 * a light English suffix stripper so "refunds"/"refunded"/"refunding" share evidence.
 */

const STRIP = /[\u0300-\u036f]/g;

/** Lower-cases, folds accents and splits into word tokens (numbers become `<num>`). */
export function words(text: string): string[] {
  const folded = text.normalize('NFD').replace(STRIP, '').toLowerCase();
  const out: string[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+(?:'[a-z]+)?|#\d+/g)) {
    const w = m[0];
    if (/^#?\d+$/.test(w)) out.push('<num>');
    else out.push(w.replace(/'[a-z]+$/, ''));
  }
  return out;
}

/** Light suffix stripping (not a full Porter stemmer; enough to merge common inflections). */
export function stem(w: string): string {
  if (w.length <= 4 || w === '<num>') return w;
  for (const suf of ['ing', 'ed', 'es', 's']) {
    if (w.endsWith(suf) && w.length - suf.length >= 4) {
      const base = w.slice(0, -suf.length);
      return suf === 'ing' || suf === 'ed' ? base.replace(/(.)\1$/, '$1') : base;
    }
  }
  return w;
}

/** Features for the intent model: stemmed unigrams plus adjacent bigrams. */
export function features(text: string): string[] {
  const ws = words(text).map(stem);
  const out = [...ws];
  for (let i = 0; i + 1 < ws.length; i++) out.push(`${ws[i]}_${ws[i + 1]}`);
  return out;
}
