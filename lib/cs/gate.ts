import type { TextClassification } from './classify';
import { INTENT_LABELS, type IntentId, MONEY_INTENTS } from './taxonomy';
import type { Order } from './ticket';

export const TIERS = ['autonomous', 'assisted', 'escalate'] as const;
export type Tier = (typeof TIERS)[number];

/** Intents that may ever be autonomous: WISMO, tracking, simple policy questions, promo-code resends. */
export const AUTONOMY_ELIGIBLE: ReadonlySet<IntentId> = new Set<IntentId>([
  'order_status',
  'tracking_request',
  'product_question',
  'promo_code',
]);

/** Intents autonomous by default (every eligible one); a brand narrows them in the options. */
export const DEFAULT_AUTONOMOUS_INTENTS: readonly IntentId[] = [
  'order_status',
  'tracking_request',
  'product_question',
  'promo_code',
];

/** Per-brand gate settings (the gate's `.pick` of the CS settings schema in ./settings). */
export interface GateConfig {
  threshold: number;
  autonomousIntents: IntentId[];
}
export const DEFAULT_GATE_CONFIG: GateConfig = { threshold: 0.8, autonomousIntents: [...DEFAULT_AUTONOMOUS_INTENTS] };

/**
 * Sanitises a brand's gate config: money intents and intents outside the eligible set are removed
 * whatever was stored (money can never be made autonomous), and each removal is reported.
 */
export function sanitizeGateConfig(config: GateConfig): {
  config: GateConfig;
  removed: Array<{ intent: IntentId; reason: string }>;
} {
  const removed: Array<{ intent: IntentId; reason: string }> = [];
  const kept: IntentId[] = [];
  for (const id of config.autonomousIntents) {
    if (MONEY_INTENTS.has(id)) removed.push({ intent: id, reason: 'involves money: never autonomous' });
    else if (!AUTONOMY_ELIGIBLE.has(id))
      removed.push({ intent: id, reason: 'not an intent that can be answered autonomously' });
    else if (!kept.includes(id)) kept.push(id);
  }
  return { config: { threshold: Math.max(0.5, Math.min(1, config.threshold)), autonomousIntents: kept }, removed };
}

export interface GateInput {
  classification: Pick<
    TextClassification,
    'intent' | 'intents' | 'angry' | 'involvesMoney' | 'moneyReasons' | 'risks'
  > & {
    /** The engine is unsure of the intent (issue 15): never autonomous, the agent picks. */
    doubt?: TextClassification['doubt'];
  };
  injection: { injection: boolean; reasons: string[] };
  order: Order | undefined;
  /** True when a policy clause matched the question (needed for an autonomous policy answer). */
  policyClauseFound: boolean;
  /**
   * The local engine's primary intent when a model classified the ticket: autonomy needs both to
   * agree, so an injected instruction that steers the model alone cannot reach the autonomous tier.
   */
  localIntent?: IntentId;
}

export interface GateDecision {
  tier: Tier;
  /** Every reason that decided the tier, in order, with its figures and ids (the panel's details, the audit). */
  reasons: string[];
  /** The same reasons in the agent's words, one short sentence each, in the same order (issue 17). */
  plain: string[];
}

const RISK_PLAIN = {
  legal: 'a legal threat',
  chargeback: 'a chargeback',
  safety: 'a safety problem or injury',
  press: 'the press or social media',
  abuse: 'abusive language',
} as const;

const RISK_LABEL = {
  legal: 'legal threat',
  chargeback: 'chargeback threat',
  safety: 'safety or injury',
  press: 'press or media',
  abuse: 'abusive language',
} as const;

/** Deterministic autonomy gate: escalate on risks and injection, autonomous only when every condition holds, otherwise assisted. */
export function decideTier(input: GateInput, rawConfig: GateConfig = DEFAULT_GATE_CONFIG): GateDecision {
  const { config } = sanitizeGateConfig(rawConfig);
  const c = input.classification;
  const label = INTENT_LABELS[c.intent] ?? c.intent;
  const escalate: string[] = [];
  const escalatePlain: string[] = [];
  if (input.injection.injection) {
    escalate.push(
      `prompt-injection attempt in customer text${input.injection.reasons[0] ? ` (${input.injection.reasons[0]})` : ''}`,
    );
    escalatePlain.push('The message contains instructions aimed at an AI assistant.');
  }
  for (const r of c.risks) {
    escalate.push(`${RISK_LABEL[r.kind]} ("${r.match}")`);
    escalatePlain.push(`It mentions ${RISK_PLAIN[r.kind]} (“${r.match}”).`);
  }
  if (escalate.length > 0) return { tier: 'escalate', reasons: escalate, plain: escalatePlain };

  const blockers: string[] = [];
  const plain: string[] = [];
  const block = (reason: string, words: string) => {
    blockers.push(reason);
    plain.push(words);
  };
  const confidence = c.intents.find((i) => i.id === c.intent)?.confidence ?? 0;
  // Doubt first: it is what the agent can act on (pick the intent in the panel).
  if (c.doubt)
    block(
      `unsure of the intent (${c.doubt.candidates.join(' or ')})`,
      `Counterpart can't tell whether this is about ${c.doubt.candidates.map((x) => (INTENT_LABELS[x] ?? x).toLowerCase()).join(' or ')}: pick the right one.`,
    );
  if (!config.autonomousIntents.includes(c.intent))
    block(
      `intent ${c.intent} is not set to autonomous`,
      MONEY_INTENTS.has(c.intent) || !AUTONOMY_ELIGIBLE.has(c.intent)
        ? `${label} replies always need your review.`
        : `${label} replies are set to wait for your review (Options).`,
    );
  if (confidence < config.threshold)
    block(
      `confidence ${confidence.toFixed(2)} below threshold ${config.threshold.toFixed(2)}`,
      'Counterpart is not sure enough what the customer is asking.',
    );
  if (c.involvesMoney)
    block(`involves money (${c.moneyReasons.join(', ')})`, 'It involves money, so a person decides.');
  if (c.angry) block('customer is angry', 'The customer is upset.');
  if (c.intent === 'order_status' || c.intent === 'tracking_request') {
    if (!input.order) block('no order data on the ticket', 'No order was found on the ticket.');
    else if (!input.order.tracking_number)
      block(
        `order ${input.order.number} has no tracking number`,
        `Order ${input.order.number} has no tracking number yet.`,
      );
  }
  if (input.localIntent !== undefined && input.localIntent !== c.intent)
    block(
      `the model's intent ${c.intent} and the local engine's ${input.localIntent} disagree`,
      'The AI model and the built-in engine read the request differently.',
    );
  if (c.intent === 'product_question' && !input.policyClauseFound)
    block('no policy clause answers the question', 'None of your policies answers the question.');
  if (blockers.length > 0) return { tier: 'assisted', reasons: blockers, plain };
  return {
    tier: 'autonomous',
    reasons: [
      `${c.intent} at ${confidence.toFixed(2)} ≥ ${config.threshold.toFixed(2)}, no money, calm, no injection, data present`,
    ],
    plain: [`A routine ${label.toLowerCase()} question from a calm customer, with the order data on the ticket.`],
  };
}
