import type { ReturnsConfig } from '../../returns/config';
import { type Decision, RULES } from '../../returns/decide';
import { draftReturnReply } from '../../returns/reply';
import type { ReturnCase } from '../../returns/schema';
import type { PageReturn, ServiceAnalysis } from '../../returns/service';
import { LOOP_LABELS, labelsOf, normLabel } from '../labels';
import { parseLocaleDate, parseMoney } from '../locale';
import { MONTHS } from '../locale-months';

/**
 * A Loop return a person pasted because the page could not be read (the manual path, issue 13
 * item 5): "Label: value" lines (or a label alone on a line with its value on the next), in the
 * languages of `LOOP_LABELS`, give the order number, item, SKU, price, dates, reason and comment;
 * text under no label is the customer's comment. Nothing in it is trusted more than page text.
 */
export interface PastedLoopReturn {
  page: PageReturn;
  /** What the text did not show, in plain words ("the item's price"). */
  lacks: string[];
  /** The lacks the decision depends on: without them a person decides (`human_review.incomplete_paste`). */
  blocking: string[];
}

const ITEM_WORDS = [
  'item',
  'product',
  'product name',
  'artikel',
  'produkt',
  'produit',
  'article',
  'producto',
  '商品',
  '商品名',
];
const OUTCOMES: Array<[RegExp, 'refund' | 'exchange' | 'store_credit']> = [
  [
    /store credit|gift card|gutschein|guthaben|avoir|bon d'achat|crédito|tarjeta regalo|ギフト|クレジット/i,
    'store_credit',
  ],
  [/exchange|umtausch|échange|cambio|交換/i, 'exchange'],
  [/refund|erstattung|rückerstattung|rembourse|reembolso|返金/i, 'refund'],
];
const MONEY = /(?:US\$|CA\$|A\$|[$€£¥])\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|USD|GBP|円)/;
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

type Key =
  | 'created'
  | 'delivered'
  | 'orderCreated'
  | 'orderNumber'
  | 'sku'
  | 'price'
  | 'quantity'
  | 'reason'
  | 'comment'
  | 'email'
  | 'name'
  | 'outcome'
  | 'finalSale'
  | 'item';
// Checked in this order: "created" is the return's date before it is an order's.
const KEYS: readonly Exclude<Key, 'item'>[] = [
  'created',
  'delivered',
  'orderCreated',
  'orderNumber',
  'sku',
  'price',
  'quantity',
  'reason',
  'comment',
  'email',
  'name',
  'outcome',
  'finalSale',
];

function keyOf(label: string): Key | null {
  const l = normLabel(label);
  if (!l || l.length > 40) return null;
  for (const k of KEYS) if (labelsOf(LOOP_LABELS, k).includes(l)) return k;
  return ITEM_WORDS.includes(l) ? 'item' : null;
}

/** Labelled values of the text, and the lines under no label. */
function fields(text: string): { values: Partial<Record<Key, string>>; free: string[] } {
  const values: Partial<Record<Key, string>> = {};
  const free: string[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    const m = /^([^:：\t]{1,40})[:：\t]\s*(.*)$/.exec(line);
    const k = m ? keyOf(m[1] ?? '') : keyOf(line);
    if (!k) {
      free.push(line);
      continue;
    }
    let value = m ? (m[2] ?? '').trim() : '';
    // A label alone on its line: the value is the next line (as copied from a two-column page).
    if (!value && i + 1 < lines.length && lines[i + 1] && !keyOf(lines[i + 1]?.split(/[:：\t]/)[0] ?? '')) {
      value = lines[i + 1] ?? '';
      i++;
    }
    if (k === 'finalSale') value ||= 'yes';
    if (value && values[k] === undefined) values[k] = value.slice(0, 2000);
  }
  return { values, free };
}

const day = (v: string | undefined) => (v ? (parseLocaleDate(v, 'en-US', MONTHS)?.day ?? null) : null);

/** Reads pasted return text into the case the returns engine takes, and names what it lacks. */
export function returnFromPaste(text: string, returnId: string | null): PastedLoopReturn {
  const { values, free } = fields(text);
  const priceText = values.price ?? MONEY.exec(text)?.[0];
  const price = parseMoney(priceText)?.amount ?? null;
  const orderNumber = /#?\s?[A-Z0-9][A-Z0-9-]{2,30}/i.exec(values.orderNumber ?? '')?.[0]?.replace(/\s/g, '') ?? null;
  const labelledComment = values.comment?.trim() || null;
  const comment = (labelledComment ?? free.join('\n')).slice(0, 10_000);
  const quantity = values.quantity ? Number.parseInt(values.quantity, 10) : Number.NaN;
  const finalSale = values.finalSale ? !/^(no|nein|non|não|いいえ|false)$/i.test(values.finalSale.trim()) : null;
  const requested = OUTCOMES.find(([re]) => re.test(values.outcome ?? ''))?.[1] ?? null;
  const c: ReturnCase = {
    items: [
      {
        sku: values.sku?.split(/\s/)[0]?.slice(0, 200) ?? null,
        title: values.item?.slice(0, 500) ?? null,
        price,
        quantity: Number.isFinite(quantity) && quantity > 0 ? Math.min(quantity, 10_000) : null,
        final_sale: finalSale,
      },
    ],
    selected_reason: values.reason?.slice(0, 300) ?? '',
    comment,
    order: {
      number: orderNumber?.slice(0, 100) ?? null,
      created_at: day(values.orderCreated),
      delivered_at: day(values.delivered),
    },
    customer: {
      email: (values.email ? EMAIL.exec(values.email) : EMAIL.exec(text))?.[0] ?? null,
      name: values.name?.slice(0, 200) ?? null,
    },
    requested_outcome: requested,
    created_at: day(values.created),
  };
  const item = c.items[0];
  const lacks: string[] = [];
  const blocking: string[] = [];
  if (price === null) blocking.push('the item’s price');
  if (!c.order?.created_at && !c.order?.delivered_at) blocking.push('the order or delivery date');
  lacks.push(...blocking);
  if (!item?.sku && !item?.title) lacks.push('the product or SKU');
  if (!c.order?.number) lacks.push('the order number');
  if (!c.comment.trim() && !c.selected_reason) lacks.push('the customer’s reason or comment');
  return {
    page: {
      returnId: returnId ?? 'pasted',
      createdAt: c.created_at ?? null,
      comment: c.comment || null,
      selectedReason: c.selected_reason || null,
      case: c,
      itemNotes: [{ reason: c.selected_reason || null, comment: labelledComment }],
    },
    lacks,
    blocking,
  };
}

/**
 * The analysis of a pasted return as the panel shows it: when the text lacks a fact the decision
 * depends on (price, dates), a person decides — stated as the rule `human_review.incomplete_paste`
 * next to any other review reason — and the reply is the template's for a human review.
 */
export function decidePasted(
  a: ServiceAnalysis,
  pasted: PastedLoopReturn,
  config: ReturnsConfig,
  brand: string | undefined,
): ServiceAnalysis {
  if (pasted.blocking.length === 0) return a;
  const rule = 'human_review.incomplete_paste' as const;
  const decision: Decision = {
    ...a.decision,
    decision: 'human_review',
    rule,
    ruleText: RULES[rule].text(),
    humanReview: [rule, ...a.decision.humanReview.filter((r) => r !== rule)],
    flags: [rule, ...a.decision.flags],
    offers: [],
  };
  const reply = draftReturnReply(a.case, decision, {
    brand,
    currency: config.currency,
    reason: a.classification.reason,
  });
  const local = { provider: 'local', model: 'template', cached: false, fallback: false, notice: null };
  return { ...a, decision, reply, flagged: [], provider: { ...a.provider, draft: local } };
}
