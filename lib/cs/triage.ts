import { z } from 'zod';
import { detectInjection } from '../ai/guards/injection';
import { classifyText, type TextClassification } from './classify';
import { type Draft, draftReply } from './draft';
import { DEFAULT_GATE_CONFIG, decideTier, type GateConfig, TIERS, type Tier } from './gate';
import { bestClause, DEMO_POLICIES, type Policies } from './policy';
import { SENTIMENTS } from './signals';
import { INTENT_IDS } from './taxonomy';
import type { BrandVoice } from './templates';
import { customerText, lastCustomerMessage, relevantOrder, type TicketInput } from './ticket';

/** The `classify-ticket` output line (issue 4 item 7), also the panel's classification payload. */
export const triageResultSchema = z.object({
  intent: z.enum(INTENT_IDS),
  intents: z.array(z.object({ id: z.enum(INTENT_IDS), confidence: z.number().min(0).max(1) })),
  sentiment: z.enum(SENTIMENTS),
  involves_money: z.boolean(),
  injection: z.boolean(),
  tier: z.enum(TIERS),
  reasons: z.array(z.string()),
});
export type TriageResult = z.infer<typeof triageResultSchema>;

export interface TriageDetail {
  result: TriageResult;
  classification: TextClassification;
  urgency: TextClassification['urgency'];
  language: TextClassification['language'];
  angry: boolean;
  injectionReasons: string[];
}

/** Classifies a ticket and runs the autonomy gate on it (local engine, deterministic). */
export function triageTicket(ticket: TicketInput, opts: { gate?: GateConfig; policies?: Policies } = {}): TriageDetail {
  const text = customerText(ticket);
  const order = relevantOrder(ticket);
  const paid = order?.financial_status ? !/pending|voided|unpaid/i.test(order.financial_status) : undefined;
  const classification = classifyText(text, { paidOrder: paid });
  const injection = detectInjection(text);
  const policies = opts.policies ?? DEMO_POLICIES;
  const policyClauseFound =
    bestClause(policies, ['shipping', 'return', 'refund'], lastCustomerMessage(ticket)) !== null &&
    /\b(?:policy|return|ship|shipping|deliver|delivery|refund|exchange|warranty|how long|do you)\b/i.test(text);
  const gate = decideTier({ classification, injection, order, policyClauseFound }, opts.gate ?? DEFAULT_GATE_CONFIG);
  return {
    result: {
      intent: classification.intent,
      intents: classification.intents,
      sentiment: classification.sentiment,
      involves_money: classification.involvesMoney,
      injection: injection.injection,
      tier: gate.tier as Tier,
      reasons: gate.reasons,
    },
    classification,
    // An injection attempt is escalated like the other risks, so it is urgent like them.
    urgency: injection.injection ? 'high' : classification.urgency,
    language: classification.language,
    angry: classification.angry,
    injectionReasons: injection.reasons,
  };
}

/** Classifies then drafts: the `draft-reply` output (issue 4 item 7) plus the language used. */
export function draftForTicket(
  ticket: TicketInput,
  opts: { gate?: GateConfig; policies?: Policies; voice?: BrandVoice } = {},
): Draft & { intent: TriageResult['intent']; tier: Tier } {
  const t = triageTicket(ticket, opts);
  const d = draftReply(ticket, t.result.intent, t.language, { ...opts, holding: t.result.tier === 'escalate' });
  return { ...d, intent: t.result.intent, tier: t.result.tier };
}
