/**
 * A small learned scorer beside the injection rules: logistic regression over word 1–2-grams and
 * character 4-grams of the detector's normalised views (lib/ai/guards/normalise.ts).
 *
 * Trained by bench/train-injection.ts ONLY on public training sets (deepset train, BIPIA
 * e-mail train) and our own dev-1 cases (bench/data/injection-dev.jsonl); the former blind sets
 * (dev-2/3/4), test-1, test-5, giskard, BIPIA test and Bitext were never used for fitting or for
 * the threshold. The model is a JSON of a few thousand weights and is only imported by the
 * detector, which runs in the background (never in a content script; see e2e/bundle.spec.ts).
 *
 * Linear in the text's length: long text is scored in windows of {@link WINDOW} characters that
 * overlap by half, each window's features are counted once, and the text's score is the highest
 * window's. Only the first {@link MAX_VIEW_CHARS} of a decoded view are scored.
 */

/** Characters per window; a window starts every WINDOW / 2 characters. */
export const WINDOW = 400;
/** A decoded view longer than this is scored on its start only (keeps a 200 KB e-mail fast). */
export const MAX_VIEW_CHARS = 250_000;

export interface ScorerModel {
  version: number;
  bias: number;
  /** Probability at or above which the scorer flags text (chosen on the training folds). */
  threshold: number;
  /** Character n-gram lengths, smallest and largest (default 4 and 4). */
  charGrams?: [number, number];
  weights: Record<string, number>;
}

/** Lower case, accents folded, everything that is not a letter or digit as one space. */
export function scorerText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' URL ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/URL/g, 'url')
    .trim();
}

/** Feature names of one (already {@link scorerText}-ed) window: each counted once. */
export function featuresOf(clean: string, charGrams: [number, number] = [4, 4]): Set<string> {
  const out = new Set<string>();
  const words = clean.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (i + 1 < words.length) out.add(`b:${words[i]} ${words[i + 1]}`);
  }
  const padded = ` ${clean} `;
  for (let n = charGrams[0]; n <= charGrams[1]; n++)
    for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  return out;
}

/** Windows of a cleaned text: the whole text when short, else overlapping slices cut at spaces. */
export function windowsOf(clean: string): string[] {
  if (clean.length <= WINDOW) return [clean];
  const out: string[] = [];
  for (let start = 0; start < clean.length; start += WINDOW / 2) {
    let s = start;
    if (s > 0) {
      const space = clean.indexOf(' ', s);
      s = space < 0 || space - start > 40 ? s : space + 1;
    }
    out.push(clean.slice(s, Math.min(clean.length, start + WINDOW)));
    if (start + WINDOW >= clean.length) break;
  }
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that one cleaned window is an injection. */
export function scoreWindow(model: ScorerModel, clean: string): number {
  let z = model.bias;
  for (const f of featuresOf(clean, model.charGrams)) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** Highest window probability over a view's text. */
export function scoreText(model: ScorerModel, text: string): number {
  const clean = scorerText(text.length > MAX_VIEW_CHARS ? text.slice(0, MAX_VIEW_CHARS) : text);
  if (!clean) return 0;
  let best = 0;
  for (const w of windowsOf(clean)) best = Math.max(best, scoreWindow(model, w));
  return best;
}
