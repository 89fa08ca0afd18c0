import type { ReturnsConfig } from './config';
import { RULES, type RuleId } from './decide';
import type { PageReturn, ServiceAnalysis } from './service';

export type FlagSeverity = 'review' | 'warn' | 'info';

/** A decision flag in plain words, with how loudly the panel shows it. */
export interface FlagView {
  id: string;
  text: string;
  severity: FlagSeverity;
}

const FLAG_TEXT: Record<string, { text: string; severity: FlagSeverity }> = {
  mismatch: { text: 'The comment gives a different reason than the one the customer picked.', severity: 'warn' },
  multiple_reasons: { text: 'The comment supports more than one reason.', severity: 'info' },
  'value.unknown': { text: 'No item price was found, so value rules could not run.', severity: 'warn' },
  no_photo_evidence: { text: 'A defect or damage claim without photos.', severity: 'warn' },
  'photos.unchecked': {
    text: 'Photos are attached but no vision model checked them; look at them before approving.',
    severity: 'warn',
  },
  final_sale: { text: 'An item is marked final sale.', severity: 'info' },
  personalised: { text: 'An item is personalised.', severity: 'info' },
  'window.unknown': { text: 'No delivery or order date: the return window could not be checked.', severity: 'warn' },
  warranty_claim_possible: {
    text: 'Outside the return window but faulty: a warranty claim may apply.',
    severity: 'warn',
  },
};

/** Plain words for a flag of `decideReturn`; human-review flags quote their rule's policy sentence. */
export function describeFlag(id: string, config: ReturnsConfig): FlagView {
  if (id in RULES && id.startsWith('human_review.')) {
    return { id, text: RULES[id as RuleId].text(config), severity: 'review' };
  }
  return { id, ...(FLAG_TEXT[id] ?? { text: id.replace(/[._]/g, ' '), severity: 'info' as const }) };
}

/** Rule names in the returns lead's words (issue 17: no `window.expired` on screen). */
const RULE_NAMES: Partial<Record<RuleId, string>> = {
  'human_review.health_safety': 'Health or safety mention',
  'human_review.prompt_injection': 'Instructions aimed at an AI in the comment',
  'human_review.reason_unsure': 'Reason unclear: a person picks it',
  'human_review.model_disagrees': 'The AI model and the rules disagree',
  'human_review.personalised': 'Personalised item',
  'human_review.high_value': 'High value',
  'human_review.fraud_category': 'Category often abused',
  'human_review.serial_returner': 'Frequent returner',
  'human_review.photo_text_mismatch': 'Photos do not match the comment',
  'human_review.cross_border': 'Return from abroad',
  'human_review.incomplete_paste': 'The pasted text lacks facts',
  personalised: 'Personalised item',
  final_sale: 'Final-sale item',
  'window.expired': 'Return window passed',
  'keep_it.low_value': 'Low value: customer keeps it',
  'keep_it.shipping_cost': 'Return shipping costs too much: customer keeps it',
  'exchange.fit': 'Exchange for fit',
  'requested.refund': 'Refund, as the customer asked',
  'requested.exchange': 'Exchange, as the customer asked',
  'requested.store_credit': 'Store credit, as the customer asked',
  'default.refund': 'Standard refund',
};

/** A short plain name for a rule id (`window.expired` → "Return window passed"). */
export function ruleName(rule: string): string {
  const known = RULE_NAMES[rule as RuleId];
  if (known) return known;
  const tail = rule.includes('.') ? rule.slice(rule.indexOf('.') + 1) : rule;
  const words = tail.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const OUTCOME_LABELS = {
  refund: 'Refund',
  exchange: 'Exchange',
  store_credit: 'Store credit',
  keep_item: 'Keep it (returnless refund)',
  deny: 'Deny',
  human_review: 'Human review',
} as const;

type Span = { text: string; start: number; end: number; negated: boolean };
const span = (e: Span): Span => ({ text: e.text, start: e.start, end: e.end, negated: e.negated });

/** What the panel shows for an analysed return: reason with evidence, the decision in words, the reply, what was stored. */
export function analysisPanel(
  page: PageReturn,
  a: ServiceAnalysis,
  config: ReturnsConfig,
  history: { orders: number; returns: number } | null,
  stored: readonly string[],
) {
  const cls = a.classification;
  return {
    returnId: page.returnId,
    comment: page.comment,
    selectedReason: page.selectedReason,
    photos: page.case.photos?.length ?? 0,
    photosChecked: (a.case.photo_findings?.length ?? 0) > 0,
    classification: {
      reason: cls.reason,
      reasons: cls.reasons.map((r) => ({ id: r.id, confidence: r.confidence, evidence: r.evidence.map(span) })),
      dropdown: [...cls.dropdown],
      mismatch: cls.mismatch,
      safety: cls.safety.map(span),
      basis: cls.basis,
      doubt: cls.doubt ? { candidates: [...cls.doubt.candidates], question: cls.doubt.question } : null,
      learned: cls.learned ? { ...cls.learned } : null,
    },
    decision: {
      decision: a.decision.decision,
      rule: a.decision.rule,
      ruleName: ruleName(a.decision.rule),
      ruleText: a.decision.ruleText,
      humanReview: a.decision.humanReview.map((r) => ({ rule: r, text: describeFlag(r, config).text })),
      warehouse: a.decision.warehouse,
      disposition: a.decision.disposition,
      flags: a.decision.flags.map((f) => describeFlag(f, config)),
      value: a.decision.value,
      currency: config.currency,
      offers: a.decision.offers.map((o) => ({ ...o })),
      window: { ...a.decision.window },
    },
    reply: { ...a.reply, flagged: a.flagged },
    provider: a.provider,
    history,
    stored: [...stored],
  };
}
