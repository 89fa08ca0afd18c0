import type { BrandModelView } from './classify';
import { classifyText } from './classify';
import { knownShare, loadNb, type NbModelJson, predictNb, trainNb } from './naive-bayes';

/** Share of a text's features the brand's model must know before it has a say. */
const APPLIES_AT = 0.5;

import { cleanMessage, normaliseText } from './normalise';
import { INTENT_IDS, type IntentId, isIntentId } from './taxonomy';

/**
 * The per-brand model (issue 15): naive Bayes trained on the brand's own labelled text — past
 * tickets with its tags or Gorgias intents, Loop exports with reasons and comments, and every
 * correction an agent makes in the panel. It sits beside the shipped model: its posterior is mixed
 * in with a weight that grows with its data. Pure functions; the rows live in lib/db/brand-model-store.ts
 * and never leave the browser.
 */

export const EXAMPLE_SOURCES = ['import', 'loop', 'correction'] as const;
export type ExampleSource = (typeof EXAMPLE_SOURCES)[number];

export interface BrandExample {
  kind: 'intent' | 'reason';
  text: string;
  label: string;
  source: ExampleSource;
}

/** A deterministic 1-in-5 of the brand's examples kept out of training to measure on (by text, so a re-import keeps the slice). */
export function isHeldOut(text: string): boolean {
  let h = 2166136261;
  const t = normaliseText(text).trim();
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 5 === 0;
}

/** How much the brand's model counts: nothing without data, up to 0.75 (the shipped rules always keep a say). */
export function brandWeight(trainingRows: number): number {
  return trainingRows === 0 ? 0 : Math.min(0.75, trainingRows / (trainingRows + 40));
}

/**
 * Trains the brand's intent model. Corrections count three times: an agent's pick on a ticket the
 * engine got wrong is the most informative example there is.
 */
export function trainBrandIntentModel(examples: readonly BrandExample[]): NbModelJson | null {
  const rows = examples
    .filter((e) => e.kind === 'intent' && isIntentId(e.label) && !isHeldOut(e.text))
    .map((e) => ({
      text: normaliseText(cleanMessage(e.text)),
      label: e.label,
      weight: e.source === 'correction' ? 3 : 1,
    }));
  if (rows.length === 0) return null;
  return trainNb(rows, { minCount: 1, maxVocab: 8000, about: "This brand's own labelled tickets and corrections." });
}

/** The view `classifyText` takes, from a trained brand model. */
export function brandView(json: NbModelJson | null, trainingRows: number): BrandModelView | undefined {
  if (!json) return undefined;
  const model = loadNb(json);
  const weight = brandWeight(trainingRows);
  // The brand's model speaks only about text like its own examples (most of the words known to it),
  // and then only about the intents the brand labels.
  return {
    predict: (text) => (knownShare(model, text) >= APPLIES_AT ? predictNb(model, text) : []),
    weight,
  };
}

export interface LabelAccuracy {
  label: string;
  support: number;
  before: number;
  after: number;
}

/**
 * Per-intent accuracy on the held-out slice of the brand's own data: the shipped engine alone
 * (before) and with the brand's model beside it (after). Labels outside the taxonomy are skipped.
 */
export function evaluateIntents(examples: readonly BrandExample[]): {
  rows: LabelAccuracy[];
  heldOut: number;
  trainedOn: number;
  corrections: number;
  overall: { before: number; after: number };
} {
  const intents = examples.filter((e) => e.kind === 'intent' && isIntentId(e.label));
  const train = intents.filter((e) => !isHeldOut(e.text));
  const test = intents.filter((e) => isHeldOut(e.text));
  const view = brandView(trainBrandIntentModel(intents), train.length);
  const per = new Map<string, { support: number; before: number; after: number }>();
  let before = 0;
  let after = 0;
  for (const e of test) {
    const b = classifyText(e.text).intent === e.label;
    const a = classifyText(e.text, { brand: view }).intent === e.label;
    const row = per.get(e.label) ?? { support: 0, before: 0, after: 0 };
    row.support += 1;
    if (b) row.before += 1;
    if (a) row.after += 1;
    per.set(e.label, row);
    if (b) before += 1;
    if (a) after += 1;
  }
  const rows = [...per.entries()]
    .map(([label, r]) => ({ label, support: r.support, before: r.before / r.support, after: r.after / r.support }))
    .sort((x, y) => INTENT_IDS.indexOf(x.label as IntentId) - INTENT_IDS.indexOf(y.label as IntentId));
  return {
    rows,
    heldOut: test.length,
    trainedOn: train.length,
    corrections: intents.filter((e) => e.source === 'correction').length,
    overall: { before: test.length ? before / test.length : 0, after: test.length ? after / test.length : 0 },
  };
}
