import { normalise } from './lexicon';

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const URGENCIES = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

const NEGATIVE =
  /\b(?:disappointed|disappointing|terrible|awful|horrible|worst|bad|poor|unacceptable|ridiculous|frustrat\w*|annoy\w*|useless|upset|unhappy|angry|furious|scam|fraud|rip-?off|pathetic|disgust\w*|joke|never again|incompetent|waste|nobody (?:answers|replies)|no one (?:answers|replies)|enttauscht|unverschamt|katastrophe|decu|inadmissible|inaceptable|decepcionad[oa])\b/g;
const STRONG =
  /\b(?:furious|unacceptable|ridiculous|scam|fraud|rip-?off|pathetic|disgusting|worst (?:company|service|experience)|never (?:again|ordering)|incompetent|wtf|f\*+|fuck\w*|shit\w*|damn|bloody|sick and tired|fed up|last straw|unverschamt|inadmissible|inaceptable)\b/g;
const POSITIVE =
  /\b(?:love|loved|great|amazing|awesome|excellent|wonderful|perfect|happy|fantastic|beautiful|impressed|appreciate|delighted|super|toll|genial|merci beaucoup|encantad[oa])\b/g;

/** Sentiment from a small lexicon, plus `angry` (strong words, shouting, repeated "!"). */
export function sentimentOf(text: string): { sentiment: Sentiment; angry: boolean; score: number } {
  const t = normalise(text);
  const neg = (t.match(NEGATIVE) ?? []).length;
  const strong = (t.match(STRONG) ?? []).length;
  const pos = (t.match(POSITIVE) ?? []).length;
  const shouting = (text.match(/\b[A-Z]{4,}\b/g) ?? []).filter(
    (w) => !/^(?:USPS|UPS|DHL|FEDEX|SKU|ASAP|HTTPS?)$/.test(w),
  ).length;
  const bangs = (text.match(/!{2,}/g) ?? []).length;
  const score = pos - neg - 2 * strong - (shouting >= 3 ? 1 : 0);
  const angry = strong >= 1 || (neg >= 2 && (bangs >= 1 || shouting >= 2)) || shouting >= 5;
  const sentiment: Sentiment = angry || score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';
  return { sentiment, angry, score };
}

const STOP: Record<Language, string[]> = {
  en: [
    'the',
    'and',
    'is',
    'my',
    'to',
    'it',
    'of',
    'you',
    'i',
    'a',
    'for',
    'have',
    'not',
    'was',
    'this',
    'with',
    'can',
    'please',
    'order',
    'thanks',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'ich',
    'nicht',
    'mit',
    'meine',
    'mein',
    'ein',
    'eine',
    'bitte',
    'sie',
    'habe',
    'noch',
    'auf',
    'fur',
    'bestellung',
    'danke',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'est',
    'je',
    'pas',
    'mon',
    'ma',
    'mes',
    'une',
    'pour',
    'avec',
    'vous',
    'commande',
    'merci',
    'des',
    'du',
    'ai',
    'que',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'es',
    'yo',
    'no',
    'mi',
    'mis',
    'una',
    'para',
    'con',
    'pedido',
    'gracias',
    'que',
    'por',
    'del',
    'todavia',
    'he',
  ],
  it: [
    'il',
    'lo',
    'gli',
    'e',
    'sono',
    'non',
    'mio',
    'mia',
    'una',
    'per',
    'con',
    'ordine',
    'grazie',
    'che',
    'ho',
    'del',
    'della',
    'ancora',
    'di',
    'un',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'is',
    'ik',
    'niet',
    'mijn',
    'met',
    'voor',
    'van',
    'bestelling',
    'bedankt',
    'nog',
    'heb',
    'dat',
    'op',
    'u',
    'je',
    'graag',
  ],
  pt: [
    'o',
    'os',
    'as',
    'e',
    'eu',
    'nao',
    'meu',
    'minha',
    'uma',
    'para',
    'com',
    'pedido',
    'obrigado',
    'obrigada',
    'que',
    'por',
    'do',
    'da',
    'ainda',
    'um',
  ],
};
const STOP_SETS = Object.fromEntries(Object.entries(STOP).map(([k, v]) => [k, new Set(v)])) as Record<
  Language,
  Set<string>
>;

/** Language by stop-word profile; `en` when nothing stands out (short or code-like texts). */
export function languageOf(text: string): Language {
  const ws = normalise(text).match(/[a-z]+/g) ?? [];
  let best: Language = 'en';
  let bestScore = 0;
  for (const lang of LANGUAGES) {
    const set = STOP_SETS[lang];
    let s = 0;
    for (const w of ws) if (set.has(w)) s += 1;
    // English wins ties: it is the most common ticket language and the template fallback.
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  return best;
}

const MONEY =
  /\b(?:refund\w*|reimburse\w*|money back|charge[ds]?|charging|chargeback|credit(?:ed)? (?:back|note)|store credit|compensat\w*|replacement|replace (?:it|them|the|my)|send (?:me )?a new one|price adjustment|partial refund|double(?:-| )?charge\w*|billed|payment|paid|ruckerstattung|erstattung|geld zuruck|remboursement|rembourse\w*|reembolso|rimborso|terugbetaling|ersatz)\b|[$€£]\s?\d|\b\d+(?:[.,]\d{2})?\s?(?:usd|eur|gbp|dollars|euros?)\b/;

/** The first money cue in `text` (refund, charge, credit, replacement, an amount…), or null. */
export function moneyCue(text: string): string | null {
  const m = MONEY.exec(normalise(text));
  return m ? m[0] : null;
}

export const RISK_KINDS = ['legal', 'chargeback', 'safety', 'press', 'abuse'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

const RISKS: Record<RiskKind, RegExp> = {
  legal:
    /\b(?:lawyer|attorney|solicitor|legal action|lawsuit|sue (?:you|your)|suing|small claims|court|consumer protection|trading standards|better business bureau|anwalt|rechtsanwalt|klage|avocat|abogado|avvocato|advocaat)\b/,
  chargeback:
    /\b(?:chargeback|charge back|dispute (?:the|this) (?:charge|payment|transaction)|(?:open|file|filed|opening|filing) a (?:dispute|claim) with (?:my|the) (?:bank|card|credit card|paypal)|paypal (?:dispute|claim)|call my bank|contact(?:ing)? my bank|ruckbuchung|litige bancaire)\b/,
  safety:
    /\b(?:injur\w*|hurt (?:me|my|him|her)|burn(?:ed|t|s)? (?:me|my|him|her)|rash|allergic reaction|hospital|emergency room|choking|chok\w* hazard|caught fire|on fire|exploded|electric shock|cut (?:myself|my|his|her)|bleeding|poison\w*|verletz\w*|brulure|blessure)\b/,
  press:
    /\b(?:journalist|reporter|press|the media|news (?:story|outlet)|writing an article|my (?:followers|audience)|go(?:ing)? viral|post(?:ing)? (?:this|it) (?:on|to) (?:tiktok|twitter|instagram|reddit|youtube))\b/,
  abuse:
    /\b(?:fuck\w*|bitch\w*|cunt|asshole|idiots?|moron\w*|retard\w*|stupid (?:people|company|staff)|kill (?:you|yourself)|i will find you|scheisse|connard|putain|gilipollas)\b/,
};

/** Escalation triggers found in `text`: each kind with the words that matched. */
export function riskFlags(text: string): Array<{ kind: RiskKind; match: string }> {
  const t = normalise(text);
  const out: Array<{ kind: RiskKind; match: string }> = [];
  for (const kind of RISK_KINDS) {
    const m = RISKS[kind].exec(t);
    if (m) out.push({ kind, match: m[0] });
  }
  return out;
}

const URGENT =
  /\b(?:urgent\w*|asap|as soon as possible|immediately|right away|today|tomorrow|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|wedding|birthday|deadline|dringend|sofort|urgence|urgente)\b/;

/** Urgency: high for time pressure, anger or escalation risks; low for feedback, wholesale and pre-sale questions. */
export function urgencyOf(
  text: string,
  primary: string,
  angry: boolean,
  risks: number,
): { urgency: Urgency; reason: string } {
  const m = URGENT.exec(normalise(text));
  if (risks > 0) return { urgency: 'high', reason: 'escalation risk' };
  if (angry) return { urgency: 'high', reason: 'angry customer' };
  if (m) return { urgency: 'high', reason: `time pressure ("${m[0]}")` };
  if (['feedback', 'wholesale', 'product_question', 'size_fit', 'other'].includes(primary))
    return { urgency: 'low', reason: `${primary} can wait` };
  return { urgency: 'normal', reason: 'no time pressure found' };
}
