import { factCheck } from '../ai/guards/factcheck';
import {
  bestClause,
  clauseLabel,
  DEMO_POLICIES,
  INTENT_POLICIES,
  missingPolicies,
  type Policies,
  type PolicyKind,
} from './policy';
import type { Language } from './signals';
import type { IntentId } from './taxonomy';
import {
  type BrandVoice,
  DEFAULT_VOICE,
  renderTemplate,
  TEMPLATE_LANGUAGES,
  type TemplateLanguage,
  type TemplateVars,
} from './templates';
import { customerText, lastCustomerMessage, type Order, relevantOrder, type TicketInput } from './ticket';

export const CITATION_KINDS = ['order_field', 'policy_clause', 'past_reply'] as const;
export interface Citation {
  kind: (typeof CITATION_KINDS)[number];
  label: string;
  value: string;
}

export interface Draft {
  draft: string;
  language: TemplateLanguage;
  citations: Citation[];
  flagged: Array<{ start: number; end: number; text: string; kind: string }>;
  /** Policies the intent would quote that the brand has not written: the draft quotes none of them. */
  missingPolicies: PolicyKind[];
}

/** Words that steer clause choice per intent when the customer's own words are sparse. */
const CLAUSE_HINTS: Partial<Record<IntentId, string>> = {
  order_status: 'ship business day warehouse',
  tracking_request: 'tracking link scan',
  delivery_late: 'tracking movement trace lost carrier',
  delivery_issue: 'lost parcel trace carrier replacement',
  address_change: 'change shipping address fulfilled',
  cancel_order: 'cancel cancelled full refund fulfilled',
  return_request: 'return days label',
  exchange_request: 'exchange size colour',
  refund_status: 'refund payment method business days',
  product_defect: 'return refund exchange',
  size_fit: 'exchange size return days',
  billing: 'charged twice refund',
};

/** A shipped order's status reply quotes how long delivery takes, not when orders leave the warehouse. */
const SHIPPED_HINT = 'standard delivery shipping takes business days';

const ORDER_FIELD_LABELS: Array<[keyof Order, string]> = [
  ['number', 'Order'],
  ['fulfillment_status', 'Fulfillment'],
  ['financial_status', 'Payment'],
  ['carrier', 'Carrier'],
  ['tracking_number', 'Tracking number'],
  ['tracking_url', 'Tracking link'],
  ['created_at', 'Ordered on'],
];

function firstName(ticket: TicketInput): string | undefined {
  const name = ticket.customer?.name?.trim();
  if (!name || name.includes('@')) return undefined;
  return name.split(/\s+/)[0];
}

/**
 * Local drafting engine: the intent's template in the ticket's language (English when no template
 * exists for it), filled with the relevant order's fields and the best-matching policy clause.
 * Lists what it used as citations and fact-checks the result against those sources. With
 * `holding` (escalated tickets) it writes the holding reply instead.
 */
export function draftReply(
  ticket: TicketInput,
  intent: IntentId,
  language: Language,
  opts: { policies?: Policies; voice?: BrandVoice; holding?: boolean } = {},
): Draft {
  const policies = opts.policies ?? DEMO_POLICIES;
  const voice = opts.voice ?? DEFAULT_VOICE;
  const lang: TemplateLanguage = (TEMPLATE_LANGUAGES as readonly string[]).includes(language)
    ? (language as TemplateLanguage)
    : 'en';
  const order = relevantOrder(ticket);
  const kinds = INTENT_POLICIES[intent] ?? [];
  const shipped =
    /fulfilled|shipped|delivered/i.test(order?.fulfillment_status ?? '') &&
    !/unfulfilled|partial/i.test(order?.fulfillment_status ?? '');
  const hint = intent === 'order_status' && shipped ? SHIPPED_HINT : CLAUSE_HINTS[intent];
  const clause = kinds.length ? bestClause(policies, kinds, lastCustomerMessage(ticket), hint) : null;
  // No clause because the brand wrote none of the policies this intent quotes: say so, invent nothing.
  const missing = clause ? [] : missingPolicies(policies, kinds);
  // Policies are written in the brand's main language (English here); quoting an English clause
  // inside a German reply reads badly, so German drafts cite it without quoting it.
  const vars: TemplateVars = {
    firstName: firstName(ticket),
    orderNumber: order?.number,
    financialStatus: order?.financial_status ?? undefined,
    fulfillmentStatus: order?.fulfillment_status ?? undefined,
    carrier: order?.carrier ?? undefined,
    trackingNumber: order?.tracking_number ?? undefined,
    trackingUrl: order?.tracking_url ?? undefined,
    orderDate: order?.created_at ?? undefined,
    items: order?.line_items.length === 1 ? order.line_items[0]?.title : undefined,
    clause: clause && lang === 'en' ? clause.text : undefined,
    brand: voice.brand,
    agent: voice.agent,
    signature: voice.signature,
  };
  if (opts.holding) {
    // Escalated tickets get a holding reply: no order facts, no policy, nothing promised.
    const text = renderTemplate('holding', lang, { ...vars, orderNumber: undefined, clause: undefined });
    return {
      draft: text,
      language: lang,
      citations: [],
      flagged: factCheck(text, [], { customer: [customerText(ticket)] }).flagged,
      missingPolicies: [],
    };
  }
  const text = renderTemplate(intent, lang, vars);
  const citations: Citation[] = [];
  if (order) {
    for (const [key, label] of ORDER_FIELD_LABELS) {
      const value = order[key];
      if (typeof value === 'string' && value && text.includes(value))
        citations.push({ kind: 'order_field', label, value });
    }
    if (vars.items && text.includes(vars.items))
      citations.push({ kind: 'order_field', label: 'Item', value: vars.items });
  }
  if (clause && vars.clause) citations.push({ kind: 'policy_clause', label: clauseLabel(clause), value: clause.text });
  const sources = [...citations.map((c) => c.value), ...(order ? [JSON.stringify(order)] : [])];
  return {
    draft: text,
    language: lang,
    citations,
    flagged: factCheck(text, sources, { customer: [customerText(ticket)] }).flagged,
    missingPolicies: missing,
  };
}
