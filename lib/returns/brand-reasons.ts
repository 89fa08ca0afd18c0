import { type BrandExample, isHeldOut, type LabelAccuracy } from '../cs/brand-model';
import { loadNb, predictNb, trainNb } from '../cs/naive-bayes';
import { normaliseText } from '../cs/normalise';
import { classifyReturn } from './classify';
import { REASON_IDS, type ReasonId } from './taxonomy';

const isReasonId = (x: string): x is ReasonId => (REASON_IDS as readonly string[]).includes(x);

/**
 * The brand's own return-reason model (issue 15), from Loop exports (comment + dropdown reason where
 * the comment does not contradict it) and agents' picks in the returns panel. It only speaks when
 * the shipped classifier is unsure or found nothing in the comment, and only when it is itself
 * fairly sure: the shipped cues stay in charge of clear comments.
 */
export function brandReasonClassifier(examples: readonly BrandExample[]): ((comment: string) => ReasonId) | null {
  const rows = examples
    .filter((e) => e.kind === 'reason' && isReasonId(e.label) && !isHeldOut(e.text))
    .map((e) => ({ text: normaliseText(e.text), label: e.label, weight: e.source === 'correction' ? 3 : 1 }));
  if (rows.length === 0 || new Set(rows.map((r) => r.label)).size < 2) return null;
  const model = loadNb(trainNb(rows, { minCount: 1, maxVocab: 8000 }));
  return (comment) => {
    const shipped = classifyReturn({ comment, selectedReason: null });
    if (!shipped.doubt && shipped.basis === 'comment') return shipped.reason;
    const [best] = predictNb(model, normaliseText(comment));
    return best && best.p >= 0.5 && isReasonId(best.label) ? best.label : shipped.reason;
  };
}

/** Per-reason accuracy on the held-out fifth of the brand's reason examples, before and after its model. */
export function evaluateReasons(examples: readonly BrandExample[]): {
  rows: LabelAccuracy[];
  heldOut: number;
  corrections: number;
} {
  const reasons = examples.filter((e) => e.kind === 'reason' && isReasonId(e.label));
  const test = reasons.filter((e) => isHeldOut(e.text));
  const brand = brandReasonClassifier(reasons);
  const per = new Map<string, { support: number; before: number; after: number }>();
  for (const e of test) {
    const before = classifyReturn({ comment: e.text, selectedReason: null }).reason === e.label;
    const after =
      (brand ? brand(e.text) : classifyReturn({ comment: e.text, selectedReason: null }).reason) === e.label;
    const r = per.get(e.label) ?? { support: 0, before: 0, after: 0 };
    r.support += 1;
    if (before) r.before += 1;
    if (after) r.after += 1;
    per.set(e.label, r);
  }
  return {
    rows: [...per.entries()]
      .map(([label, r]) => ({ label, support: r.support, before: r.before / r.support, after: r.after / r.support }))
      .sort((a, b) => REASON_IDS.indexOf(a.label as ReasonId) - REASON_IDS.indexOf(b.label as ReasonId)),
    heldOut: test.length,
    corrections: reasons.filter((e) => e.source === 'correction').length,
  };
}
