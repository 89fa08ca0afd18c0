import modelJson from './intent-model.json';
import { normalise, ruleScores } from './lexicon';
import { loadNb, type NbModel, type NbModelJson, predictNb } from './naive-bayes';
import {
  type Language,
  languageOf,
  moneyCue,
  type RiskKind,
  riskFlags,
  type Sentiment,
  sentimentOf,
  type Urgency,
  urgencyOf,
} from './signals';
import { INTENT_IDS, type IntentId, isIntentId, MONEY_INTENTS } from './taxonomy';

export interface IntentScore {
  id: IntentId;
  confidence: number;
}

export interface TextClassification {
  /** Primary intent (highest confidence). */
  intent: IntentId;
  /** Every intent at or above the listing floor, best first (the primary is always first). */
  intents: IntentScore[];
  sentiment: Sentiment;
  angry: boolean;
  urgency: Urgency;
  language: Language;
  involvesMoney: boolean;
  /** Why the case counts as money (intent or the word that matched), empty when it does not. */
  moneyReasons: string[];
  risks: Array<{ kind: RiskKind; match: string }>;
  /** Rule matches that contributed, for the "why" line in the panel. */
  evidence: Array<{ intent: IntentId; match: string }>;
}

/** Secondary intents are listed only from this confidence on. */
export const LIST_FLOOR = 0.3;

let cached: NbModel | null = null;
function model(): NbModel {
  cached ??= loadNb(modelJson as NbModelJson);
  return cached;
}

/**
 * Intent confidences: the naive-Bayes posterior and the rule confidence combined as independent
 * evidence (noisy-OR: 1 − (1 − p_nb)(1 − p_rule)), then rescaled so the best is at most its
 * noisy-OR value and the rest keep their order.
 */
export function intentScores(text: string): {
  scores: IntentScore[];
  evidence: Array<{ intent: IntentId; match: string }>;
} {
  const nb = new Map(predictNb(model(), text).map((r) => [r.label, r.p]));
  const rules = ruleScores(normalise(text));
  const scores: IntentScore[] = INTENT_IDS.map((id) => {
    const p = nb.get(id) ?? 0;
    const r = rules.get(id)?.score ?? 0;
    return { id, confidence: 1 - (1 - p) * (1 - r) };
  }).sort((a, b) => b.confidence - a.confidence || INTENT_IDS.indexOf(a.id) - INTENT_IDS.indexOf(b.id));
  const evidence = [...rules.entries()].map(([intent, v]) => ({ intent, match: v.match }));
  return { scores, evidence };
}

/** Classifies one text (the customer's side of a ticket): intents, sentiment, urgency, language, money. */
export function classifyText(text: string, opts: { paidOrder?: boolean } = {}): TextClassification {
  const { scores, evidence } = intentScores(text);
  const intent = scores[0]?.id ?? 'other';
  const intents = scores
    .filter((s, i) => i === 0 || s.confidence >= LIST_FLOOR)
    .map((s) => ({ id: s.id, confidence: Math.round(s.confidence * 1000) / 1000 }));
  const { sentiment, angry } = sentimentOf(text);
  const risks = riskFlags(text);
  const { urgency } = urgencyOf(text, intent, angry, risks.length);
  const moneyReasons: string[] = [];
  for (const s of intents) {
    if (!MONEY_INTENTS.has(s.id)) continue;
    // A cancellation only moves money once the order is paid; without order data assume it is.
    if (s.id === 'cancel_order' && opts.paidOrder === false) continue;
    moneyReasons.push(`intent ${s.id}`);
  }
  const cue = moneyCue(text);
  if (cue) moneyReasons.push(`mentions "${cue}"`);
  if (risks.some((r) => r.kind === 'chargeback')) moneyReasons.push('chargeback threat');
  return {
    intent,
    intents,
    sentiment,
    angry,
    urgency,
    language: languageOf(text),
    involvesMoney: moneyReasons.length > 0,
    moneyReasons,
    risks,
    evidence: evidence.filter((e) => isIntentId(e.intent)),
  };
}
