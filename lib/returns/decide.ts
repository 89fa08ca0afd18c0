import { detectInjection } from '../ai/guards/injection';
import type { Classification } from './classify';
import { PERSONALISED_KEYWORDS, type ReturnsConfig } from './config';
import type { Outcome, ReturnCase } from './schema';
import { FAULT_REASONS, groupOf, type ReasonId } from './taxonomy';

/** Every rule the engine can decide by, with the outcome it gives and the policy text it cites. */
export const RULES = {
  'human_review.health_safety': {
    outcome: 'human_review',
    text: () => 'Returns that mention a health or safety reaction (rash, burn, injury) are reviewed by a person.',
  },
  'human_review.prompt_injection': {
    outcome: 'human_review',
    text: () => 'Return comments that try to give instructions to our software are reviewed by a person.',
  },
  'human_review.reason_unsure': {
    outcome: 'human_review',
    text: () =>
      'When the comment does not make the reason for the return clear, a person picks the reason before anything is refunded, exchanged or refused.',
  },
  'human_review.model_disagrees': {
    outcome: 'human_review',
    text: () =>
      'When the AI model reads the comment as a reason that would grant more than our rules decided, a person reviews the return.',
  },
  'human_review.personalised': {
    outcome: 'human_review',
    text: () => 'Personalised items (custom, monogrammed, engraved, made-to-measure) are reviewed by a person.',
  },
  'human_review.high_value': {
    outcome: 'human_review',
    text: (c: ReturnsConfig) => `Returns worth ${c.highValueThreshold} ${c.currency} or more are reviewed by a person.`,
  },
  'human_review.fraud_category': {
    outcome: 'human_review',
    text: (c: ReturnsConfig) => `Returns of ${c.fraudCategories.join(', ')} items are reviewed by a person.`,
  },
  'human_review.serial_returner': {
    outcome: 'human_review',
    text: (c: ReturnsConfig) =>
      `Customers with more than ${Math.round(c.serialReturnRate * 100)}% of at least ${c.serialMinOrders} orders returned are reviewed by a person.`,
  },
  'human_review.photo_text_mismatch': {
    outcome: 'human_review',
    text: () =>
      'When the photos do not show what the customer describes, or the two cannot be compared, a person reviews the return.',
  },
  'human_review.cross_border': {
    outcome: 'human_review',
    text: (c: ReturnsConfig) => `Returns from outside ${c.shopCountry} are reviewed by a person (customs and duties).`,
  },
  // Set only by the manual path (lib/sites/loop/paste.ts), never by `decideReturn` itself.
  'human_review.incomplete_paste': {
    outcome: 'human_review',
    text: () =>
      'A return read from pasted text that does not show the item’s price or the order or delivery date is decided by a person.',
  },
  personalised: {
    outcome: 'deny',
    text: () => 'Personalised items cannot be returned unless they arrive faulty.',
  },
  final_sale: {
    outcome: 'deny',
    text: () => 'Final-sale items cannot be returned unless they arrive faulty or wrong.',
  },
  'window.expired': {
    outcome: 'deny',
    text: (c: ReturnsConfig) => `Returns are accepted within ${c.windowDays} days of delivery.`,
  },
  'keep_it.low_value': {
    outcome: 'keep_item',
    text: (c: ReturnsConfig) =>
      `Items worth less than ${c.keepItBelow} ${c.currency} are refunded without being sent back.`,
  },
  'keep_it.shipping_cost': {
    outcome: 'keep_item',
    text: (c: ReturnsConfig) =>
      `When return shipping (${c.returnShippingCost} ${c.currency}) costs more than ${Math.round(c.keepItShippingShare * 100)}% of the item's value, the customer keeps the item.`,
  },
  'exchange.fit': {
    outcome: 'exchange',
    text: () => 'For fit and size returns we offer an exchange for another size first.',
  },
  'requested.refund': {
    outcome: 'refund',
    text: () => 'Eligible returns are refunded to the original payment method.',
  },
  'requested.exchange': { outcome: 'exchange', text: () => 'Eligible returns can be exchanged.' },
  'requested.store_credit': {
    outcome: 'store_credit',
    text: (c: ReturnsConfig) => `Eligible returns can be taken as store credit with a ${c.storeCreditBonusPct}% bonus.`,
  },
  'default.refund': { outcome: 'refund', text: () => 'Eligible returns are refunded to the original payment method.' },
} as const satisfies Record<string, { outcome: Outcome; text: (c: ReturnsConfig) => string }>;

export type RuleId = keyof typeof RULES;

/** Order in which human-review rules are reported; the first matched names the decision. */
const HUMAN_REVIEW_ORDER: readonly RuleId[] = [
  'human_review.health_safety',
  'human_review.prompt_injection',
  'human_review.personalised',
  'human_review.high_value',
  'human_review.fraud_category',
  'human_review.serial_returner',
  'human_review.photo_text_mismatch',
  'human_review.reason_unsure',
  'human_review.cross_border',
];

export type Disposition = 'restock' | 'inspection' | 'liquidation';

export interface Offer {
  outcome: 'store_credit' | 'refund' | 'exchange';
  /** Amount in shop currency, when the value is known. */
  amount: number | null;
  bonusPct?: number;
  rule: RuleId;
}

/**
 * The return window as measured for one return: from delivery (the order date when delivery is
 * unknown) to the moment the customer asked (the fallback `now` when the request time is unknown).
 */
export interface ReturnWindow {
  from: string | null;
  fromSource: 'delivered' | 'ordered' | null;
  to: string;
  toSource: 'requested' | 'now';
  /** Days from `from` to `to`; null when the start is unknown or unreadable. */
  days: number | null;
}

export interface Decision {
  decision: Outcome;
  rule: RuleId;
  /** The policy sentence the rule stands for, for the panel and the reply's citation. */
  ruleText: string;
  /** Every human-review rule that matched (empty when none). */
  humanReview: RuleId[];
  warehouse: string | null;
  disposition: Disposition | null;
  flags: string[];
  /** Return value in shop currency (price × quantity summed); null when no price is known. */
  value: number | null;
  /** Alternatives shown next to the decision (store credit with bonus, refund instead of exchange). */
  offers: Offer[];
  /** How the return window was measured (the dates the window rule judged by). */
  window: ReturnWindow;
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase();

const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB' };
const country = (c: string | null | undefined): string | null => {
  if (!c) return null;
  const up = c.trim().toUpperCase();
  return COUNTRY_ALIASES[up] ?? up;
};

const CATEGORY_ALIASES: Record<string, readonly string[]> = {
  jewellery: ['jewellery', 'jewelry', 'jewel'],
  jewelry: ['jewellery', 'jewelry', 'jewel'],
  electronics: ['electronic', 'electronics'],
  luxury: ['luxury'],
};

/** True when an item's title, variant or category carries a personalisation word. */
export function isPersonalised(
  item: { title?: string | null; variant?: string | null; category?: string | null },
  extraKeywords: readonly string[] = [],
): boolean {
  const text = `${norm(item.title)} ${norm(item.variant)} ${norm(item.category)}`;
  return [...PERSONALISED_KEYWORDS, ...extraKeywords.map((k) => k.toLowerCase())].some((k) =>
    new RegExp(`(?:^|[^a-z])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z])`).test(text),
  );
}

/** True when the item's category is one of the configured fraud-prone categories (jewelry = jewellery). */
export function isFraudCategory(category: string | null | undefined, categories: readonly string[]): boolean {
  const cat = norm(category);
  if (!cat) return false;
  return categories.some((c) => (CATEGORY_ALIASES[c.toLowerCase()] ?? [c.toLowerCase()]).some((a) => cat.includes(a)));
}

/** The warehouse that receives returns from a country: the first listing it, else the default. */
export function warehouseFor(countryCode: string | null, config: ReturnsConfig): string {
  const code = country(countryCode);
  if (code) {
    const hit = config.warehouses.find((w) => w.countries.map((c) => country(c)).includes(code));
    if (hit) return hit.id;
  }
  return config.defaultWarehouse;
}

/** Where the item goes on arrival: defective/damaged/missing parts → inspection; cheap poor quality → liquidation. */
export function dispositionFor(reason: ReasonId, value: number | null, config: ReturnsConfig): Disposition {
  if (reason === 'defective' || reason === 'damaged_in_transit' || reason === 'missing_parts') return 'inspection';
  if (reason === 'poor_quality')
    return value !== null && value < config.liquidationBelow ? 'liquidation' : 'inspection';
  return 'restock';
}

const validTime = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/**
 * Measures the return window of `c`: from delivery (else the order date) to when the customer asked
 * for the return (`c.created_at`); `now` is used only when the request time is missing or unreadable.
 */
export function measureWindow(c: ReturnCase, now: Date): ReturnWindow {
  const delivered = validTime(c.order?.delivered_at);
  const ordered = delivered === null ? validTime(c.order?.created_at) : null;
  const start = delivered ?? ordered;
  const requested = validTime(c.created_at);
  const end = requested ?? now.getTime();
  return {
    from: start === null ? null : new Date(start).toISOString(),
    fromSource: delivered !== null ? 'delivered' : ordered !== null ? 'ordered' : null,
    to: new Date(end).toISOString(),
    toSource: requested !== null ? 'requested' : 'now',
    days: start === null ? null : Math.round(((end - start) / 86_400_000) * 100) / 100,
  };
}

function returnValue(c: ReturnCase): number | null {
  let known = false;
  let sum = 0;
  for (const item of c.items) {
    if (item.price === null || item.price === undefined) continue;
    known = true;
    sum += item.price * (item.quantity ?? 1);
  }
  return known ? Math.round(sum * 100) / 100 : null;
}

/**
 * Photos and text disagree when a vision model's findings exist and: the customer claims a fault
 * (any reason found in the comment, or the dropdown) but every photo shows no issue; or the photos
 * show a problem of a kind the text never mentions; or the comment gave no readable reason, so the
 * two cannot be compared automatically.
 */
export function photoTextDisagree(cls: Classification, findings: readonly string[]): boolean {
  if (findings.length === 0) return false;
  const claimed = new Set<ReasonId>([...cls.reasons.map((r) => r.id), ...cls.dropdown.slice(0, 1)]);
  if (cls.reason === 'other') return true;
  const issues = findings.filter((f): f is ReasonId => f !== 'no_issue_visible');
  if (issues.length === 0) return [...claimed].some((r) => FAULT_REASONS.includes(r));
  const claimedGroups = new Set([...claimed].map(groupOf));
  return !issues.some((f) => claimedGroups.has(groupOf(f)));
}

/**
 * Decides a return deterministically. Human-review rules are checked first and always win; then
 * personalised/final-sale/window refusals (faulty items are exempt from final sale and
 * personalisation), keep-it, exchange for fit, the customer's request, and refund by default.
 * The result names the deciding rule and lists every other rule that matched as a flag.
 */
export function decideReturn(
  c: ReturnCase,
  cls: Classification,
  config: ReturnsConfig,
  /** The fallback end of the return window, used only when the case has no request time. */
  now: Date,
): Decision {
  const flags: string[] = [];
  const reason = cls.reason;
  const fault = FAULT_REASONS.includes(reason);
  const value = returnValue(c);
  if (value === null) flags.push('value.unknown');
  if (cls.mismatch) flags.push('mismatch');
  if (cls.reasons.length > 1) flags.push('multiple_reasons');

  const personalised = c.items.some((i) => isPersonalised(i, config.personalisedKeywords));
  const custCountry = country(c.customer?.country) ?? country(c.order?.country);
  const orders = Math.max(c.customer?.orders_count ?? 0, c.history?.orders ?? 0);
  const returns = Math.max(c.customer?.returns_count ?? 0, c.history?.returns ?? 0);
  const findings = c.photo_findings ?? [];
  const photos = c.photos ?? [];

  const matched = new Set<RuleId>();
  if (cls.safety.length > 0) matched.add('human_review.health_safety');
  // Screened like a ticket: a comment that talks to the software goes to a person (issue 14).
  if (detectInjection(c.comment).injection) matched.add('human_review.prompt_injection');
  // A guessed reason decides nothing on its own (issue 15): the returns lead picks it first.
  if (cls.doubt) matched.add('human_review.reason_unsure');
  if (personalised && config.personalisedOutcome === 'human_review') matched.add('human_review.personalised');
  if (value !== null && value >= config.highValueThreshold) matched.add('human_review.high_value');
  if (c.items.some((i) => isFraudCategory(i.category, config.fraudCategories)))
    matched.add('human_review.fraud_category');
  if (orders >= config.serialMinOrders && returns / orders > config.serialReturnRate) {
    matched.add('human_review.serial_returner');
  }
  if (photoTextDisagree(cls, findings)) matched.add('human_review.photo_text_mismatch');
  if (config.crossBorderReview && custCountry && custCountry !== country(config.shopCountry)) {
    matched.add('human_review.cross_border');
  }
  const humanReview = HUMAN_REVIEW_ORDER.filter((r) => matched.has(r));
  flags.push(...humanReview);

  if ((reason === 'damaged_in_transit' || reason === 'defective') && photos.length === 0)
    flags.push('no_photo_evidence');
  if (photos.length > 0 && findings.length === 0 && fault) flags.push('photos.unchecked');
  const finalSale = c.items.some((i) => i.final_sale === true);
  if (finalSale) flags.push('final_sale');
  if (personalised) flags.push('personalised');

  const window = measureWindow(c, now);
  const age = window.days;
  if (age === null) flags.push('window.unknown');

  const offers: Offer[] = [];
  const pick = (): RuleId => {
    const first = humanReview[0];
    if (first) return first;
    if (personalised && config.personalisedOutcome === 'deny' && !fault) return 'personalised';
    if (finalSale && !fault) return 'final_sale';
    if (age !== null && age > config.windowDays) {
      if (fault) flags.push('warranty_claim_possible');
      return 'window.expired';
    }
    if (value !== null && value < config.keepItBelow) return 'keep_it.low_value';
    if (value !== null && config.returnShippingCost > config.keepItShippingShare * value)
      return 'keep_it.shipping_cost';
    if (config.preferExchangeForFit && groupOf(reason) === 'sizing') return 'exchange.fit';
    if (c.requested_outcome) return `requested.${c.requested_outcome}`;
    return 'default.refund';
  };
  const rule = pick();
  const decision = RULES[rule].outcome;
  if (decision === 'refund' || decision === 'exchange') {
    offers.push({
      outcome: 'store_credit',
      amount: value === null ? null : Math.round(value * (1 + config.storeCreditBonusPct / 100) * 100) / 100,
      bonusPct: config.storeCreditBonusPct,
      rule: 'requested.store_credit',
    });
  }
  if (decision === 'exchange') offers.push({ outcome: 'refund', amount: value, rule: 'requested.refund' });

  const ships = decision !== 'keep_item' && decision !== 'deny';
  return {
    decision,
    rule,
    ruleText: RULES[rule].text(config),
    humanReview,
    warehouse: ships ? warehouseFor(custCountry, config) : null,
    disposition: ships ? dispositionFor(reason, value, config) : null,
    flags,
    value,
    offers,
    window,
  };
}

/** Outcomes that give the customer money or goods: a model alone may never reach one. */
const GRANTS: ReadonlySet<Outcome> = new Set<Outcome>(['refund', 'exchange', 'store_credit', 'keep_item']);

/**
 * Bounds the decision made with a model's reasons by the decision the local rules made (issue 14):
 * the model can add reasons for review, never turn a local deny or human review into a refund,
 * exchange, credit or keep-it. A local human review stays one (with the model's review reasons
 * added); a local deny the model would grant becomes `human_review.model_disagrees`.
 */
export function boundByLocal(local: Decision, withModel: Decision, config: ReturnsConfig): Decision {
  if (local.decision !== 'deny' && local.decision !== 'human_review') return withModel;
  const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...a, ...b.filter((x) => !a.includes(x))];
  if (local.decision === 'human_review')
    return {
      ...local,
      humanReview: union(local.humanReview, withModel.humanReview),
      flags: union(
        local.flags,
        withModel.flags.filter((f) => f.startsWith('human_review.')),
      ),
    };
  if (!GRANTS.has(withModel.decision)) return withModel;
  const rule: RuleId = 'human_review.model_disagrees';
  const text: (c: ReturnsConfig) => string = RULES[rule].text;
  return {
    ...withModel,
    decision: 'human_review',
    rule,
    ruleText: text(config),
    humanReview: union([rule], withModel.humanReview),
    flags: union(local.flags, [rule, `model.would_${withModel.decision}`]),
    offers: [],
  };
}
