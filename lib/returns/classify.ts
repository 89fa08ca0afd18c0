import {
  CONDITIONAL,
  CONTRAST,
  CUES,
  DISCOUNT_BEFORE,
  FIT_OK,
  FIT_OK_FLOOR,
  NEGATORS,
  SAFETY_PATTERN,
} from './lexicon';
import { groupOf, REASON_IDS, REASON_LABELS, type ReasonId, reasonsFromDropdown } from './taxonomy';

/** A span of the customer's comment that supports (or, negated, argues against) a reason. */
export interface Evidence {
  text: string;
  /** UTF-16 offsets into the original comment, end exclusive, for highlighting in the panel. */
  start: number;
  end: number;
  weight: number;
  negated: boolean;
}

export interface ReasonScore {
  id: ReasonId;
  confidence: number;
  evidence: Evidence[];
}

export interface Classification {
  /** The most likely true reason. */
  reason: ReasonId;
  /** Every reason with real support, best first (the first is `reason`). */
  reasons: ReasonScore[];
  /** The dropdown's reasons (compatible ids, first = what it stands for). */
  dropdown: readonly ReasonId[];
  /** True when the comment's reason is not one the dropdown allows (dropdown "Other" never mismatches). */
  mismatch: boolean;
  /** Health or safety words ("rash", "burned", "choking"): always a person's decision. */
  safety: Evidence[];
  /** `comment` when the comment decided, `dropdown` when it had nothing usable. */
  basis: 'comment' | 'dropdown';
  /**
   * Set when the comment points two ways with similar weight, or only weakly (issue 15): the
   * reasons to ask the agent about, best first, and the question in plain words.
   */
  doubt: { candidates: ReasonId[]; question: string } | null;
  /**
   * Set when the brand's own data changed the reason or settled the doubt (see
   * `withBrandReason`): the shipped classifier's reason, and whether a team's pick or the brand's
   * model decided.
   */
  learned?: { was: ReasonId; by: 'pick' | 'model' } | null;
}

/** Weight of the dropdown choice: a weak prior that one clear cue (≥ 1.5) in the comment outweighs. */
export const DROPDOWN_PRIOR = 0.8;
/** Scores below this are not reported as reasons. */
const MIN_SCORE = 0.9;
/** Tokens before a cue searched for a negator. */
const NEGATION_WINDOW_WORDS = 3;

/** Lower-cases without changing string length, so match offsets are offsets into the original. */
function lowerSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(/[’‘`´]/g, "'");
}

function isNegated(lower: string, start: number): boolean {
  // Only within the same clause: a negation before a comma or full stop belongs elsewhere.
  const before = lower.slice(Math.max(0, start - 40), start);
  const clause = before.split(/[.,;:!?—–\n]|\bbut\b/).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-NEGATION_WINDOW_WORDS);
  return words.some((w) => {
    NEGATORS.lastIndex = 0;
    return NEGATORS.test(w);
  });
}

/** A condition or advice to others earlier in the clause ("if you are busty, …", "you might want to …"). */
function isConditional(lower: string, start: number): boolean {
  const clause =
    lower
      .slice(Math.max(0, start - 60), start)
      .split(/[.;!?\n]/)
      .pop() ?? '';
  CONDITIONAL.lastIndex = 0;
  return CONDITIONAL.test(clause);
}

function positions(pattern: RegExp, lower: string): number[] {
  const out: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
    out.push(m.index + m[0].length);
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
  return out;
}

interface Hit extends Evidence {
  reason: ReasonId;
}

function findHits(comment: string): Hit[] {
  const lower = lowerSameLength(comment);
  const discountUntil = Math.max(0, ...positions(DISCOUNT_BEFORE, lower));
  const contrastAt = positions(CONTRAST, lower);
  const hits: Hit[] = [];
  for (const cue of CUES) {
    cue.pattern.lastIndex = 0;
    for (let m = cue.pattern.exec(lower); m; m = cue.pattern.exec(lower)) {
      if (m[0].length === 0) {
        cue.pattern.lastIndex += 1;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      let weight = cue.weight;
      if (end <= discountUntil) weight *= 0.3;
      else if (groupOf(cue.reason) === 'sizing' && isConditional(lower, start)) weight *= 0.4;
      else if (contrastAt.some((p) => p <= start)) weight *= 1.15;
      hits.push({
        reason: cue.reason,
        text: comment.slice(start, end),
        start,
        end,
        weight: Math.round(weight * 100) / 100,
        negated: isNegated(lower, start),
      });
    }
  }
  // A fit the customer calls fine: weak size hints (the length, the waist, "fit") do not count.
  FIT_OK.lastIndex = 0;
  let fitOk = false;
  for (let m = FIT_OK.exec(lower); m; m = FIT_OK.exec(lower)) if (!isNegated(lower, m.index)) fitOk = true;
  if (fitOk) {
    for (let i = hits.length - 1; i >= 0; i--) {
      const h = hits[i]!;
      if (groupOf(h.reason) === 'sizing' && h.weight < FIT_OK_FLOOR) hits.splice(i, 1);
    }
  }
  // Where two cues of the same reason overlap, keep the stronger: "too small" must not count twice
  // through "too small" and "small".
  hits.sort((a, b) => b.weight - a.weight || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of hits) {
    const overlapping = kept.some((k) => k.reason === h.reason && h.start < k.end && k.start < h.end);
    if (!overlapping) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Health/safety spans in a comment (rash, burn, injury, choking…), negations excluded. */
export function findSafetySignals(comment: string): Evidence[] {
  const lower = lowerSameLength(comment);
  const out: Evidence[] = [];
  SAFETY_PATTERN.lastIndex = 0;
  for (let m = SAFETY_PATTERN.exec(lower); m; m = SAFETY_PATTERN.exec(lower)) {
    const negated = isNegated(lower, m.index);
    if (!negated) {
      out.push({
        text: comment.slice(m.index, m.index + m[0].length),
        start: m.index,
        end: m.index + m[0].length,
        weight: 1,
        negated,
      });
    }
  }
  return out;
}

// Reasons the brand must act on win ties against preference reasons: a defect matters more than a
// change of mind mentioned in the same comment.
const TIE_BONUS: Partial<Record<ReasonId, number>> = {
  defective: 0.05,
  damaged_in_transit: 0.05,
  wrong_item: 0.04,
  missing_parts: 0.04,
  poor_quality: 0.03,
};

/**
 * Classifies a return from the customer's comment, with the dropdown reason as a weak prior.
 * Each cue adds its weight (the second and later cue of a reason count half, so repetition does
 * not run away); a negated cue ("not too small") adds nothing and cancels the dropdown prior for
 * its reason. Confidence is the reason's share of all support, with one unit of "unknown" mass so
 * a single weak cue never reads as certain.
 */
export function classifyReturn(input: { comment?: string | null; selectedReason?: string | null }): Classification {
  const comment = input.comment ?? '';
  const dropdown = reasonsFromDropdown(input.selectedReason);
  const hits = comment.trim() ? findHits(comment) : [];
  const scores = new Map<ReasonId, number>();
  const evidence = new Map<ReasonId, Evidence[]>();
  const negatedReasons = new Set<ReasonId>();
  for (const h of hits) {
    const list = evidence.get(h.reason) ?? [];
    const { reason: _reason, ...ev } = h;
    list.push(ev);
    evidence.set(h.reason, list);
    if (h.negated) {
      negatedReasons.add(h.reason);
      continue;
    }
    const positive = list.filter((e) => !e.negated).length;
    scores.set(h.reason, (scores.get(h.reason) ?? 0) + (positive > 1 ? h.weight / 2 : h.weight));
  }
  // A carrier-damage context ("box was crushed") explains breakage words in the same comment
  // ("the mug inside cracked"): half of the defect support moves to damage in transit.
  const damage = scores.get('damaged_in_transit') ?? 0;
  const defect = scores.get('defective') ?? 0;
  if (damage >= 1.5 && defect > 0) {
    scores.set('damaged_in_transit', damage + defect / 2);
    scores.set('defective', defect / 2);
  }
  const commentScores = new Map(scores);
  const primaryDropdown = dropdown[0] ?? 'other';
  if (primaryDropdown !== 'other' && !negatedReasons.has(primaryDropdown)) {
    scores.set(primaryDropdown, (scores.get(primaryDropdown) ?? 0) + DROPDOWN_PRIOR);
  }
  for (const [id, s] of scores) scores.set(id, s + (TIE_BONUS[id] ?? 0));

  const total = [...scores.values()].reduce((a, b) => a + b, 0);
  const ranked = [...scores.entries()].filter(([, s]) => s >= MIN_SCORE).sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  const safety = comment.trim() ? findSafetySignals(comment) : [];

  if (!best) {
    // Nothing usable in the comment (empty, "n/a", or every cue negated): fall back to the dropdown.
    const fallback: ReasonId = negatedReasons.has(primaryDropdown) ? 'other' : primaryDropdown;
    return {
      reason: fallback,
      reasons: [{ id: fallback, confidence: fallback === 'other' ? 0.3 : 0.5, evidence: [] }],
      dropdown,
      mismatch: false,
      safety,
      basis: 'dropdown',
      doubt: null,
    };
  }
  const reasons: ReasonScore[] = ranked
    .filter(([, s], i) => i === 0 || s >= 0.5 * best[1])
    .slice(0, 3)
    .map(([id, s]) => ({
      id,
      confidence: Math.round((s / (total + 1)) * 100) / 100,
      evidence: (evidence.get(id) ?? []).filter((e) => !e.negated),
    }));
  const reason = reasons[0]?.id ?? 'other';
  const fromComment = (commentScores.get(reason) ?? 0) > 0;
  return {
    reason,
    reasons,
    dropdown,
    mismatch: fromComment && primaryDropdown !== 'other' && !dropdown.includes(reason),
    safety,
    basis: fromComment ? 'comment' : 'dropdown',
    // Doubt is about what the comment says: the dropdown's prior does not hide a comment pointing two ways.
    doubt: reasonDoubt(fromComment ? commentRanked(commentScores) : ranked),
  };
}

/** The comment's own reasons, best first (the dropdown's prior left out). */
function commentRanked(commentScores: ReadonlyMap<ReasonId, number>): Array<[ReasonId, number]> {
  return [...commentScores.entries()]
    .map(([id, s]): [ReasonId, number] => [id, s + (TIE_BONUS[id] ?? 0)])
    .filter(([, s]) => s >= MIN_SCORE)
    .sort((a, b) => b[1] - a[1]);
}

/** Below this share of the support the best reason is a guess. */
const REASON_SURE_AT = 0.4;

/**
 * Doubt over a return's reason: the best has under REASON_SURE_AT of the support, or a reason of
 * another group (size vs defect vs preference) has at least three quarters of its score.
 */
function reasonDoubt(ranked: Array<[ReasonId, number]>): { candidates: ReasonId[]; question: string } | null {
  const [a, b] = ranked;
  if (!a) return null;
  const total = ranked.reduce((s, [, v]) => s + v, 0);
  const rival = b && b[1] >= 0.75 * a[1] && groupOf(b[0]) !== groupOf(a[0]);
  if (a[1] / (total + 1) >= REASON_SURE_AT && !rival) return null;
  const candidates: ReasonId[] = [a[0], b ? b[0] : 'other'];
  const say = (id: ReasonId) => REASON_LABELS[id].toLowerCase();
  return { candidates, question: `Not sure: ${say(candidates[0]!)} or ${say(candidates[1]!)}?` };
}

/** All taxonomy ids, for callers that build per-reason tables. */
export const ALL_REASONS: readonly ReasonId[] = REASON_IDS;
