import type { TextClassification } from './classify';
import { type IntentId, MONEY_INTENTS } from './taxonomy';
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
  /** Every reason that decided the tier, in order; the first is the headline. */
  reasons: string[];
}

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
  const escalate: string[] = [];
  if (input.injection.injection)
    escalate.push(
      `prompt-injection attempt in customer text${input.injection.reasons[0] ? ` (${input.injection.reasons[0]})` : ''}`,
    );
  for (const r of c.risks) escalate.push(`${RISK_LABEL[r.kind]} ("${r.match}")`);
  if (escalate.length > 0) return { tier: 'escalate', reasons: escalate };

  const blockers: string[] = [];
  const confidence = c.intents.find((i) => i.id === c.intent)?.confidence ?? 0;
  if (!config.autonomousIntents.includes(c.intent)) blockers.push(`intent ${c.intent} is not set to autonomous`);
  if (confidence < config.threshold)
    blockers.push(`confidence ${confidence.toFixed(2)} below threshold ${config.threshold.toFixed(2)}`);
  if (c.involvesMoney) blockers.push(`involves money (${c.moneyReasons.join(', ')})`);
  if (c.angry) blockers.push('customer is angry');
  if (c.doubt) blockers.push(`unsure of the intent (${c.doubt.candidates.join(' or ')})`);
  if (c.intent === 'order_status' || c.intent === 'tracking_request') {
    if (!input.order) blockers.push('no order data on the ticket');
    else if (!input.order.tracking_number) blockers.push(`order ${input.order.number} has no tracking number`);
  }
  if (input.localIntent !== undefined && input.localIntent !== c.intent)
    blockers.push(`the model's intent ${c.intent} and the local engine's ${input.localIntent} disagree`);
  if (c.intent === 'product_question' && !input.policyClauseFound)
    blockers.push('no policy clause answers the question');
  if (blockers.length > 0) return { tier: 'assisted', reasons: blockers };
  return {
    tier: 'autonomous',
    reasons: [
      `${c.intent} at ${confidence.toFixed(2)} ≥ ${config.threshold.toFixed(2)}, no money, calm, no injection, data present`,
    ],
  };
}
