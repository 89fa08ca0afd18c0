import { stem, words } from './tokenize';

export const POLICY_KINDS = ['return', 'shipping', 'refund'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export type Policies = Partial<Record<PolicyKind, string>>;

export interface PolicyClause {
  kind: PolicyKind;
  /** 1-based position in its policy, for the citation label ("Return policy §2"). */
  index: number;
  text: string;
}

const POLICY_LABEL: Record<PolicyKind, string> = {
  return: 'Return policy',
  shipping: 'Shipping policy',
  refund: 'Refund policy',
};

/** Citation label of a clause, e.g. "Return policy §2". */
export function clauseLabel(c: PolicyClause): string {
  return `${POLICY_LABEL[c.kind]} §${c.index}`;
}

/**
 * Splits a policy into clauses: paragraphs and list items, then sentences, so a draft quotes the
 * one sentence it relies on rather than a whole paragraph (issue 17: the order-status draft pasted
 * the whole shipping policy). A sentence ends at `.`, `!` or `?` followed by a capital or a digit,
 * so "e.g. a" and "3.5 days" stay whole.
 */
export function splitClauses(kind: PolicyKind, text: string): PolicyClause[] {
  const out: PolicyClause[] = [];
  for (const para of text.split(/\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)/)) {
    const p = para
      .replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!p) continue;
    for (const s of p.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9"“(])/))
      if (s.trim()) out.push({ kind, index: out.length + 1, text: s.trim() });
  }
  return out;
}

/** The policies an intent would quote that the brand has not written (empty or missing). */
export function missingPolicies(policies: Policies, kinds: readonly PolicyKind[]): PolicyKind[] {
  return kinds.filter((k) => !policies[k]?.trim());
}

/** What the agent is told when a draft could quote a policy the brand has not written yet. */
export function missingPolicyNote(kinds: readonly PolicyKind[]): string | null {
  if (!kinds.length) return null;
  const names = kinds.map((k) => POLICY_LABEL[k].toLowerCase().replace(/ policy$/, ''));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `No ${list} policy is set, so this draft quotes none. Add your ${list} ${names.length === 1 ? 'policy' : 'policies'} in Options to have ${names.length === 1 ? 'it' : 'them'} quoted.`;
}

const STOPWORDS = new Set(
  // "order" is in nearly every ticket and every shipping sentence: it says nothing about which clause fits.
  'the a an and or of to in on for is are be it my i you your we our us this that with at by from can do does have has was were will would please hi hello thanks thank me not no if as so but any all what when how order orders'.split(
    ' ',
  ),
);

function keyTokens(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOPWORDS.has(w) && w !== '<num>')
      .map(stem),
  );
}

/** Intent → the policies worth searching, most relevant first. */
export const INTENT_POLICIES: Record<string, PolicyKind[]> = {
  order_status: ['shipping'],
  tracking_request: ['shipping'],
  delivery_late: ['shipping'],
  delivery_issue: ['shipping', 'refund'],
  address_change: ['shipping'],
  cancel_order: ['refund', 'shipping'],
  return_request: ['return', 'refund'],
  exchange_request: ['return'],
  refund_status: ['refund', 'return'],
  product_defect: ['return', 'refund'],
  size_fit: ['return'],
  product_question: ['shipping', 'return', 'refund'],
  billing: ['refund'],
};

/**
 * The clause sharing the most content words with the query (ties: earlier clause). Extra intent
 * words (e.g. "return", "days") steer the choice when the customer's words are sparse, but one
 * shared hint word alone is not enough: "charged twice … refund" must not quote "Shipping costs
 * are not refunded". Null when no clause is relevant: the draft then quotes nothing.
 */
export function bestClause(policies: Policies, kinds: PolicyKind[], query: string, hint = ''): PolicyClause | null {
  const q = keyTokens(query);
  const h = keyTokens(hint);
  let best: PolicyClause | null = null;
  let bestScore = 0;
  for (const kind of kinds) {
    const text = policies[kind];
    if (!text) continue;
    for (const clause of splitClauses(kind, text)) {
      const c = keyTokens(clause.text);
      let fromQuery = 0;
      let fromHint = 0;
      for (const t of c) {
        if (q.has(t)) fromQuery += 1;
        else if (h.has(t)) fromHint += 1;
      }
      if (fromQuery === 0 && fromHint < 2) continue;
      // Normalise mildly by clause length so a long catch-all paragraph does not always win.
      const score = (fromQuery + fromHint) / Math.sqrt(Math.max(4, c.size));
      if (score > bestScore) {
        best = clause;
        bestScore = score;
      }
    }
  }
  return best;
}

/**
 * Demo policies for the CLI, the unit tests and benches only: the extension never falls back to them
 * (a fresh install has no policies; the brand writes its own in the options page).
 */
export const DEMO_POLICIES: Policies = {
  return: [
    'You can return unworn items with their tags within 30 days of delivery for a refund or an exchange.',
    'Start a return at our returns portal; we email you a prepaid return label. Returns from outside the EU and US pay their own postage.',
    'Exchanges for another size or colour are free; the new item ships as soon as your return is scanned by the carrier.',
    'Final-sale items and underwear cannot be returned.',
  ].join('\n\n'),
  shipping: [
    'Orders placed before 2 pm ship the same business day. Standard delivery takes 3–5 business days in the US and 5–8 business days in the EU.',
    'Every shipped order gets a tracking link by email; tracking can take up to 24 hours to show the first scan.',
    'We can change the shipping address as long as the order has not been fulfilled yet.',
    'We ship to the US, Canada, the UK and the EU. Shipping is free on orders over $75.',
    'If tracking shows no movement for 7 business days we open a trace with the carrier and, if the parcel is lost, send a replacement.',
  ].join('\n\n'),
  refund: [
    'Refunds go back to the original payment method within 5 business days of your return arriving at our warehouse; your bank may take a few more days to show it.',
    'Orders can be cancelled for a full refund until they are fulfilled.',
    'If you were charged twice, the duplicate authorisation usually drops off within 3–5 business days; if it was captured we refund it in full.',
  ].join('\n\n'),
};
