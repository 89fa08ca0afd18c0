import type { Decision, RuleId } from './decide';
import type { ReturnCase } from './schema';
import { REASON_LABELS, type ReasonId } from './taxonomy';

export type ReplyLang = 'en' | 'de';

/** A source a draft relies on; the panel shows these next to the draft. */
export interface Citation {
  kind: 'policy' | 'order' | 'item';
  /** Rule id for policy citations, field name otherwise. */
  ref: string;
  text: string;
}

export interface ReplyDraft {
  draft: string;
  citations: Citation[];
  lang: ReplyLang;
}

type Vars = {
  name: string;
  order: string;
  item: string;
  amount: string;
  policy: string;
  warehouse: string;
  /** The exchange is for size or fit (the size wording); otherwise a replacement of the same item. */
  fit: boolean;
};

const BODY: Record<ReplyLang, Record<Decision['decision'], (v: Vars) => string>> = {
  en: {
    refund: (v) =>
      `Thank you for sending back ${v.item}${v.order}. We have approved your refund${v.amount}. ${v.policy} Please use the return label in your email; the refund is issued once the parcel is scanned by the carrier.`,
    exchange: (v) =>
      `Thank you for letting us know about ${v.item}${v.order}. ${v.fit ? `We'd be glad to exchange it for a size that fits you better. ${v.policy} Reply with the size you would like and we'll reserve it for you.` : `We'd be glad to exchange it for a new one. ${v.policy} Reply to confirm, or tell us if you would like another size or colour, and we'll reserve it for you.`}`,
    store_credit: (v) =>
      `Thank you for sending back ${v.item}${v.order}. We've approved store credit${v.amount}. ${v.policy}`,
    keep_item: (v) =>
      `We're sorry ${v.item} didn't work out${v.order}. You don't need to send it back: we've approved your refund${v.amount} and you're welcome to keep or donate the item. ${v.policy}`,
    deny: (v) =>
      `Thank you for reaching out about ${v.item}${v.order}. Unfortunately we can't accept this return. ${v.policy} If the item arrived faulty, please reply with a photo and we'll take another look.`,
    human_review: (v) =>
      `Thank you for reaching out about ${v.item}${v.order}. A member of our team is reviewing your return personally and will get back to you within two business days.`,
  },
  de: {
    refund: (v) =>
      `vielen Dank für die Rücksendung von ${v.item}${v.order}. Wir haben die Erstattung${v.amount} genehmigt. ${v.policy} Bitte nutzen Sie das Rücksendeetikett aus Ihrer E-Mail; die Erstattung erfolgt, sobald das Paket vom Versanddienst erfasst wurde.`,
    exchange: (v) =>
      `danke für Ihre Nachricht zu ${v.item}${v.order}. ${v.fit ? `Gerne tauschen wir den Artikel in eine passendere Größe um. ${v.policy} Antworten Sie einfach mit der gewünschten Größe, wir reservieren sie für Sie.` : `Gerne tauschen wir den Artikel gegen einen neuen um. ${v.policy} Bestätigen Sie uns dies kurz oder nennen Sie uns eine andere Größe oder Farbe, wir reservieren den Artikel für Sie.`}`,
    store_credit: (v) =>
      `vielen Dank für die Rücksendung von ${v.item}${v.order}. Wir haben ein Guthaben${v.amount} genehmigt. ${v.policy}`,
    keep_item: (v) =>
      `es tut uns leid, dass ${v.item} nicht gepasst hat${v.order}. Sie müssen den Artikel nicht zurücksenden: Die Erstattung${v.amount} ist genehmigt. ${v.policy}`,
    deny: (v) =>
      `danke für Ihre Nachricht zu ${v.item}${v.order}. Leider können wir diese Rücksendung nicht annehmen. ${v.policy} Falls der Artikel fehlerhaft angekommen ist, senden Sie uns bitte ein Foto.`,
    human_review: (v) =>
      `danke für Ihre Nachricht zu ${v.item}${v.order}. Ein Teammitglied prüft Ihre Rücksendung persönlich und meldet sich innerhalb von zwei Werktagen.`,
  },
};

const SIZE_REASONS: ReadonlySet<ReasonId> = new Set<ReasonId>(['too_small', 'too_large', 'fit_other']);

const GREETING: Record<ReplyLang, (name: string | null) => string> = {
  en: (n) => (n ? `Hi ${n},` : 'Hi there,'),
  de: (n) => (n ? `Hallo ${n},` : 'Hallo,'),
};

const SIGN_OFF: Record<ReplyLang, (brand: string) => string> = {
  en: (b) => `Best,\n${b} Customer Care`,
  de: (b) => `Viele Grüße\n${b} Kundenservice`,
};

const POLICY_DE: Partial<Record<RuleId, string>> = {
  'window.expired': 'Rücksendungen sind innerhalb der Rückgabefrist ab Zustellung möglich.',
  final_sale: 'Artikel aus dem Final Sale sind vom Umtausch ausgeschlossen, außer sie sind fehlerhaft.',
  personalised: 'Personalisierte Artikel sind vom Umtausch ausgeschlossen, außer sie sind fehlerhaft.',
  'keep_it.low_value': 'Bei Artikeln mit geringem Wert verzichten wir auf die Rücksendung.',
  'keep_it.shipping_cost':
    'Wenn der Rückversand mehr kostet als ein großer Teil des Warenwerts, verzichten wir auf die Rücksendung.',
  'exchange.fit': 'Bei Größenproblemen bieten wir zuerst einen Umtausch an.',
};

function dayText(iso: string, lang: ReplyLang): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/**
 * For a late return, the sentence that tells the customer when they asked and how long after
 * delivery (or the order) that was: the dates the window rule judged by, never "today".
 */
function windowSentence(decision: Decision, lang: ReplyLang): { text: string; asked: string } | null {
  const w = decision.window;
  if (decision.rule !== 'window.expired' || w.toSource !== 'requested' || w.days === null || !w.fromSource) return null;
  const asked = dayText(w.to, lang);
  const days = Math.floor(w.days);
  if (lang === 'de') {
    const since = w.fromSource === 'delivered' ? 'nach der Zustellung' : 'nach der Bestellung';
    return { text: `Ihre Rücksendeanfrage kam am ${asked}, ${days} Tage ${since}.`, asked };
  }
  const since = w.fromSource === 'delivered' ? 'after delivery' : 'after the order was placed';
  return { text: `Your return request reached us on ${asked}, ${days} days ${since}.`, asked };
}

function money(amount: number | null, currency: string, lang: ReplyLang): string {
  if (amount === null) return '';
  const fmt = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-US', { style: 'currency', currency });
  return lang === 'de' ? ` über ${fmt.format(amount)}` : ` of ${fmt.format(amount)}`;
}

/**
 * Drafts the customer reply from local templates. The policy sentence of the deciding rule is
 * quoted (never for human review: the customer is told a person will look, not why), and every
 * fact in the draft (order number, amount, item) comes from the case and is listed in `citations`.
 */
export function draftReturnReply(
  c: ReturnCase,
  decision: Decision,
  opts: { lang?: ReplyLang; brand?: string; currency?: string; reason?: ReasonId } = {},
): ReplyDraft {
  const lang = opts.lang ?? 'en';
  const currency = opts.currency ?? 'USD';
  const citations: Citation[] = [];
  const first = c.items[0];
  const title = first?.title?.trim();
  const itemName = title
    ? lang === 'de'
      ? `„${title}“`
      : `your ${title}`
    : lang === 'de'
      ? 'Ihrem Artikel'
      : 'your item';
  if (first?.title) citations.push({ kind: 'item', ref: 'items[0].title', text: first.title });
  const orderNo = c.order?.number?.trim();
  if (orderNo) citations.push({ kind: 'order', ref: 'order.number', text: orderNo });
  const amount =
    decision.decision === 'store_credit'
      ? (decision.offers.find((o) => o.outcome === 'store_credit')?.amount ?? decision.value)
      : decision.value;
  const amountText =
    decision.decision === 'refund' || decision.decision === 'keep_item' || decision.decision === 'store_credit'
      ? money(amount, currency, lang)
      : '';
  if (amountText) citations.push({ kind: 'order', ref: 'value', text: amountText.trim() });
  const showPolicy = decision.decision !== 'human_review';
  const ruleSentence = showPolicy ? (lang === 'de' ? (POLICY_DE[decision.rule] ?? '') : decision.ruleText) : '';
  const late = windowSentence(decision, lang);
  if (late) citations.push({ kind: 'order', ref: 'return.created_at', text: late.asked });
  const policy = late ? `${ruleSentence} ${late.text}` : ruleSentence;
  citations.unshift({ kind: 'policy', ref: decision.rule, text: decision.ruleText });
  const vars: Vars = {
    name: c.customer?.name ?? '',
    item: itemName,
    order: orderNo ? (lang === 'de' ? ` (Bestellung ${orderNo})` : ` (order ${orderNo})`) : '',
    amount: amountText,
    policy,
    warehouse: decision.warehouse ?? '',
    fit: decision.rule === 'exchange.fit' || (opts.reason !== undefined && SIZE_REASONS.has(opts.reason)),
  };
  const firstName = c.customer?.name?.trim().split(/\s+/)[0] ?? null;
  const body = BODY[lang]
    [decision.decision](vars)
    .replace(/\s{2,}/g, ' ')
    .trim();
  const draft = `${GREETING[lang](firstName)}\n\n${body}\n\n${SIGN_OFF[lang](opts.brand ?? 'The')}`.replace(
    'The Customer Care',
    'Customer Care',
  );
  if (opts.reason) citations.push({ kind: 'policy', ref: 'reason', text: REASON_LABELS[opts.reason] });
  return { draft, citations, lang };
}
