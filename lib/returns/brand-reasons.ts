import { type BrandExample, isHeldOut, type LabelAccuracy } from '../cs/brand-model';
import { loadNb, predictNb, trainNb } from '../cs/naive-bayes';
import { normaliseText } from '../cs/normalise';
import { type Classification, classifyReturn } from './classify';
import { REASON_IDS, REASON_LABELS, type ReasonId } from './taxonomy';

const isReasonId = (x: string): x is ReasonId => (REASON_IDS as readonly string[]).includes(x);

/** What the brand's own data says about one comment: its reason, how sure, and whether it is the team's pick. */
export interface BrandReasonAnswer {
  reason: ReasonId;
  p: number;
  by: 'pick' | 'model';
}

/** The brand's model answers only at this posterior or above. */
const BRAND_SPEAKS_AT = 0.5;
/** At this posterior or above the brand's model settles a doubt of the shipped classifier. */
const BRAND_SETTLES_AT = 0.8;

/** The text a pick is keyed by: the same comment normalised, so case or spacing do not matter. */
const pickKey = (comment: string) => normaliseText(comment).replace(/\s+/g, ' ').trim();

/**
 * The brand's own return-reason model (issue 15), from Loop exports (comment + dropdown reason where
 * the comment does not contradict it) and agents' picks in the returns panel. It only speaks when
 * the shipped classifier is unsure or found nothing in the comment, and only when it is itself
 * fairly sure: the shipped cues stay in charge of clear comments. With `picks`, a comment the team
 * already picked a reason for gets that reason (the last pick wins), whatever the model says.
 */
export function brandReasonModel(
  examples: readonly BrandExample[],
  opts: { picks?: boolean } = {},
): ((comment: string) => BrandReasonAnswer | null) | null {
  const reasonRows = examples.filter((e) => e.kind === 'reason' && isReasonId(e.label));
  const picks = new Map<string, ReasonId>();
  if (opts.picks)
    for (const e of reasonRows) if (e.source === 'correction') picks.set(pickKey(e.text), e.label as ReasonId);
  const rows = reasonRows
    .filter((e) => !isHeldOut(e.text))
    .map((e) => ({ text: normaliseText(e.text), label: e.label, weight: e.source === 'correction' ? 3 : 1 }));
  const trained = rows.length > 0 && new Set(rows.map((r) => r.label)).size >= 2;
  if (!trained && picks.size === 0) return null;
  const model = trained ? loadNb(trainNb(rows, { minCount: 1, maxVocab: 8000 })) : null;
  return (comment) => {
    const picked = picks.get(pickKey(comment));
    if (picked) return { reason: picked, p: 1, by: 'pick' };
    if (!model) return null;
    const shipped = classifyReturn({ comment, selectedReason: null });
    if (!shipped.doubt && shipped.basis === 'comment') return null;
    const [best] = predictNb(model, normaliseText(comment));
    return best && best.p >= BRAND_SPEAKS_AT && isReasonId(best.label)
      ? { reason: best.label, p: best.p, by: 'model' }
      : null;
  };
}

/** The brand's reason for a comment, or the shipped classifier's when the brand's model has nothing to say. */
export function brandReasonClassifier(examples: readonly BrandExample[]): ((comment: string) => ReasonId) | null {
  const brand = brandReasonModel(examples);
  if (!brand) return null;
  return (comment) => brand(comment)?.reason ?? classifyReturn({ comment, selectedReason: null }).reason;
}

/**
 * The shipped classification of a live return with the brand's answer beside it (issue 15 item 2):
 * a team's pick replaces the reason and settles the doubt; the brand's model replaces the reason
 * when it differs, and settles the doubt only when it is sure (≥ 0.8), else the doubt stays with
 * the brand's reason first. `learned` says what changed, for the panel.
 */
export function withBrandReason(
  local: Classification,
  comment: string | null | undefined,
  brand: ((comment: string) => BrandReasonAnswer | null) | null | undefined,
): Classification {
  const text = comment?.trim() ?? '';
  if (!brand || !text) return local;
  const answer = brand(text);
  if (!answer) return local;
  const settled = answer.by === 'pick' || answer.p >= BRAND_SETTLES_AT;
  if (answer.reason === local.reason && !(local.doubt && settled)) return local;
  const primaryDropdown: ReasonId = local.dropdown[0] ?? 'other';
  const kept = local.reasons.find((r) => r.id === answer.reason);
  const others = local.reasons.filter((r) => r.id !== answer.reason);
  const second: ReasonId = local.reason === answer.reason ? (others[0]?.id ?? 'other') : local.reason;
  const say = (id: ReasonId) => REASON_LABELS[id].toLowerCase();
  const doubt = settled
    ? null
    : { candidates: [answer.reason, second], question: `Not sure: ${say(answer.reason)} or ${say(second)}?` };
  return {
    ...local,
    reason: answer.reason,
    reasons: [
      { id: answer.reason, confidence: Math.round(answer.p * 100) / 100, evidence: kept?.evidence ?? [] },
      ...others,
    ].slice(0, 3),
    mismatch: primaryDropdown !== 'other' && !local.dropdown.includes(answer.reason),
    doubt,
    learned: { was: local.reason, by: answer.by },
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
