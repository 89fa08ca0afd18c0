/**
 * Prompt-injection detection for customer and page text.
 *
 * Rules and a small learned scorer. Each rule is a named family of patterns
 * (lib/ai/guards/injection-rules.ts) with a weight; the score combines the weights of the rules
 * that fired as independent evidence (1 − Π(1 − w)). Text is flagged when that score reaches
 * {@link INJECTION_THRESHOLD}. The learned scorer (lib/ai/guards/scorer.ts, a logistic regression
 * trained by bench/train-injection.ts) is OFF unless given (`{ scorer: INJECTION_SCORER }`, the benches):
 * it catches reworded attacks the phrase rules miss, but it flagged 17.7% of 1,499 real clothing
 * reviews (ordinary words like "I normally wear a M … instead" score 0.97), and a flagged return
 * comment goes to a person, a flagged ticket gets a holding reply. It ships once it is quiet on
 * real customer text.
 *
 * The rules never see the raw text: they run on views of it (lib/ai/guards/normalise.ts) —
 * NFKC with invisible characters removed, look-alike letters mapped to Latin, spaced-out letters
 * joined, leetspeak read back, base64 and rot13 decoded, comment bodies — all with accents
 * folded and whitespace runs collapsed. A rule that fires only on a decoded or normalised view
 * says so in plain words ("hidden instruction in base64: override: …").
 *
 * Linear in the text's length: each view is built in one pass and every pattern is bounded (see
 * injection-rules.ts). Measured in bench/injection.ts, bench/injection-categories.ts and
 * bench/guards.ts.
 */

import { z } from 'zod';
import {
  BASE_RULES,
  COMPACT_SIGNATURES,
  GENERAL_RULES,
  GENERAL_RULES_2,
  META_RULES,
  META_RULES_2,
  MORE_RULES,
  type Rule,
} from './injection-rules';
import { maskLinks, VIEW_REASONS, type View, viewsOf } from './normalise';
import { type ScorerModel, scoreText } from './scorer';

export interface InjectionResult {
  injection: boolean;
  /** Human-readable reason per rule that fired, e.g. "override: asks to ignore previous instructions". */
  reasons: string[];
  /** 0..1; combined weight of the rules that fired. */
  score: number;
  /** 0..1; the learned scorer's probability (highest over views and windows), see scorer.ts. */
  model?: number;
}

/** Reason given when the learned scorer flags text (prefixed by the view when not the plain text). */
export const SCORER_REASON = 'wording like known injection attempts (learned scorer)';

/** rot13 reads every text as gibberish; the scorer reads that view only for short text. */
const ROT13_SCORED_CHARS = 2000;

/** Score at or above which text counts as an injection attempt. */
export const INJECTION_THRESHOLD = 0.5;

// Invisible or direction-changing characters: zero-width space/joiners, word joiner, BOM,
// bidi embeddings/overrides/isolates and Unicode tag characters (used for "ASCII smuggling").
const BIDI_OR_TAG = /[\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/u;
const ZERO_WIDTH_G = /[\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const SPLITTING_G = /\p{L}[\u200B-\u200F\u2060-\u2064\uFEFF]+\p{L}/gu;

/** Accents removed, so "é" and "e" match alike and `\b` (ASCII-only in JavaScript) sees word ends. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** Rules merged by id (one reason per family), patterns folded like the text they run on. */
const RULES: Rule[] = (() => {
  const byId = new Map<string, Rule>();
  for (const rule of [
    ...BASE_RULES,
    ...MORE_RULES,
    ...GENERAL_RULES,
    ...GENERAL_RULES_2,
    ...META_RULES,
    ...META_RULES_2,
  ]) {
    const patterns = rule.patterns.map((p) => new RegExp(fold(p.source), p.flags));
    const seen = byId.get(rule.id);
    if (seen) seen.patterns.push(...patterns);
    else byId.set(rule.id, { ...rule, patterns });
  }
  return [...byId.values()];
})();

/** Spelled-out runs at least this long count as obfuscation on their own. */
const SPACED_RUN_SIGNAL = 9;

/** Flags instruction-like content in customer/page text (overrides, role play, prompt leaks, hidden text, fake turns). */
export function detectInjection(text: string, options: { scorer?: ScorerModel } = {}): InjectionResult {
  const scorer = options.scorer;
  const reasons: string[] = [];
  const weights: number[] = [];
  const fire = (reason: string, weight: number): void => {
    reasons.push(reason);
    weights.push(weight);
  };

  // Bidi overrides and tag characters have no business in a customer message; zero-width
  // spaces do turn up in pasted text (a BOM at the start, "area of \u200B\u200BIT"), so only
  // many of them, or ones splitting words, count as hiding something.
  const zeroWidth = (text.replace(/^\uFEFF/, '').match(ZERO_WIDTH_G) ?? []).length;
  const splitting = (text.match(SPLITTING_G) ?? []).length;
  if (BIDI_OR_TAG.test(text) || splitting >= 2 || zeroWidth >= 5) {
    fire('hidden text: zero-width, bidi-control or tag characters', 0.6);
  } else if (zeroWidth > 0) {
    fire('hidden text: stray zero-width characters', 0.15);
  }

  const { views, spaced } = viewsOf(text);
  if (spaced.longest >= SPACED_RUN_SIGNAL) fire('obfuscation: text spelled out letter by letter', 0.3);
  const folded: View[] = views.map((v) => ({ kind: v.kind, text: maskLinks(fold(v.text)) }));

  for (const rule of RULES) {
    const view = folded.find((v) => rule.patterns.some((p) => p.test(v.text)));
    if (view === undefined) continue;
    fire(view.kind === 'plain' ? rule.reason : `${VIEW_REASONS[view.kind]}: ${rule.reason}`, rule.weight);
  }
  // Runs spelled out without word breaks ("i g n o r e p r e v i o u s …") lose the spaces the
  // rules need; a few signatures read them as one word.
  if (
    !reasons.some((r) => r.startsWith(VIEW_REASONS.spaced)) &&
    spaced.compact.some((c) => COMPACT_SIGNATURES.test(fold(c)))
  )
    fire(`${VIEW_REASONS.spaced}: override or prompt leak spelled out letter by letter`, 0.9);

  // The learned scorer, beside the rules: flags reworded attacks the phrase rules miss.
  let model = 0;
  let modelView: View['kind'] = 'plain';
  if (scorer)
    for (const v of views) {
      if (v.kind === 'rot13' && v.text.length > ROT13_SCORED_CHARS) continue;
      const p = scoreText(scorer, v.text);
      if (p > model) {
        model = p;
        modelView = v.kind;
      }
    }
  const byModel = scorer !== undefined && model >= scorer.threshold;
  if (byModel) reasons.push(modelView === 'plain' ? SCORER_REASON : `${VIEW_REASONS[modelView]}: ${SCORER_REASON}`);

  // Flagged when the rules' combined weight reaches the threshold OR the scorer's probability
  // reaches its own (chosen in bench/train-injection.ts).
  const score = 1 - weights.reduce((keep, w) => keep * (1 - w), 1);
  const rounded = Math.round(score * 1000) / 1000;
  return {
    injection: rounded >= INJECTION_THRESHOLD || byModel,
    reasons,
    score: rounded,
    model: Math.round(model * 1000) / 1000,
  };
}

/** One JSON line of `cli guard-injection`: `{"text": "..."}`. */
export const guardInjectionInputSchema = z.object({ text: z.string() });

/** What `cli guard-injection` writes per line. */
export function guardInjectionLine(value: unknown): { injection: boolean; reasons: string[] } {
  const { injection, reasons } = detectInjection(guardInjectionInputSchema.parse(value).text);
  return { injection, reasons };
}
