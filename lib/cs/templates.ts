import type { IntentId } from './taxonomy';

/** What a template may use. Missing values are undefined; templates choose a wording without them. */
export interface TemplateVars {
  firstName?: string;
  orderNumber?: string;
  financialStatus?: string;
  fulfillmentStatus?: string;
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  orderDate?: string;
  items?: string;
  /** The matching policy clause, quoted verbatim. */
  clause?: string;
  brand: string;
  /** The agent's name, signed as "{agent} at {brand}" when there is no signature. */
  agent?: string;
  /** The sign-off line from the options (Signature); wins over the agent's name. */
  signature?: string;
}

/** Brand voice settings for the local engine. */
export interface BrandVoice {
  brand: string;
  /** Signature name; the German templates use the informal "du" most DTC brands write in. */
  agent?: string;
  /** The options' Signature field, signed verbatim under the closing. */
  signature?: string;
}

export const DEFAULT_VOICE: BrandVoice = { brand: 'Northwind Apparel', agent: 'Sam' };

export const TEMPLATE_LANGUAGES = ['en', 'de'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

type Body = (v: TemplateVars) => string[];

const tracking = (v: TemplateVars) =>
  v.trackingNumber
    ? `It is travelling with ${v.carrier ?? 'the carrier'} under tracking number ${v.trackingNumber}.${v.trackingUrl ? `\nTrack it here: ${v.trackingUrl}` : ''}`
    : undefined;
const trackingDe = (v: TemplateVars) =>
  v.trackingNumber
    ? `Es ist mit ${v.carrier ?? 'dem Versanddienstleister'} unterwegs, Sendungsnummer ${v.trackingNumber}.${v.trackingUrl ? `\nHier kannst du es verfolgen: ${v.trackingUrl}` : ''}`
    : undefined;
const ord = (v: TemplateVars) => (v.orderNumber ? `order ${v.orderNumber}` : 'your order');
const ordDe = (v: TemplateVars) => (v.orderNumber ? `Bestellung ${v.orderNumber}` : 'deine Bestellung');
const askOrder = 'Could you send me your order number so I can look it up?';
const askOrderDe = 'Kannst du mir deine Bestellnummer schicken, damit ich nachsehen kann?';
const isFulfilled = (v: TemplateVars) =>
  /fulfilled|shipped|delivered/i.test(v.fulfillmentStatus ?? '') &&
  !/unfulfilled|partial/i.test(v.fulfillmentStatus ?? '');

const EN: Record<IntentId, Body> = {
  order_status: (v) =>
    !v.orderNumber
      ? ['Thanks for reaching out about your order.', askOrder]
      : isFulfilled(v)
        ? [
            `Good news: ${ord(v)} has shipped.`,
            tracking(v) ?? 'I will send the tracking link as soon as the carrier shares it.',
            v.clause ?? '',
          ]
        : [
            `Order ${v.orderNumber} is confirmed and being prepared (status: ${v.fulfillmentStatus ?? 'processing'}).`,
            v.clause ?? '',
          ],
  tracking_request: (v) =>
    !v.orderNumber
      ? ['Happy to get you the tracking details.', askOrder]
      : [
          `Here are the tracking details for ${ord(v)}.`,
          tracking(v) ?? 'It has not been handed to the carrier yet, so there is no tracking number so far.',
          v.clause ?? '',
        ],
  delivery_late: (v) => [
    `I am sorry ${ord(v)} is taking longer than it should — I know you were counting on it.`,
    tracking(v) ?? '',
    v.clause ?? '',
    'I am keeping an eye on it and will update you as soon as it moves.',
  ],
  delivery_issue: (v) => [
    `I am sorry about the trouble with the delivery of ${ord(v)}.`,
    tracking(v) ?? '',
    'Could you check with neighbours and around your building, and confirm the delivery address? I will open a claim with the carrier right away.',
    v.clause ?? '',
  ],
  address_change: (v) => [
    `Thanks for letting us know about the address for ${ord(v)}.`,
    isFulfilled(v)
      ? 'The order has already shipped, so I will ask the carrier whether it can be redirected.'
      : 'Please reply with the full new address and I will update it before the order ships.',
    v.clause ?? '',
  ],
  cancel_order: (v) => [
    `I have your request to cancel ${ord(v)}.`,
    v.clause ?? '',
    'A teammate will confirm the cancellation shortly.',
  ],
  return_request: (v) => [
    `Happy to help you return ${v.items ? v.items : `items from ${ord(v)}`}.`,
    v.clause ?? '',
    'Let me know if you would like an exchange instead.',
  ],
  exchange_request: (v) => [
    `Of course — let's get you the right one${v.items ? ` instead of the ${v.items}` : ''}.`,
    v.clause ?? '',
    'Which size or colour would you like?',
  ],
  refund_status: (v) => [
    `Thanks for checking in about the refund for ${ord(v)}.`,
    v.clause ?? '',
    'A teammate is reviewing your payment and will confirm the details.',
  ],
  product_defect: (v) => [
    `I am really sorry that ${v.items ? `your ${v.items}` : 'your item'} arrived with a problem — that is not the quality we stand for.`,
    'Could you send a photo of the issue? That lets us sort it out quickly.',
    v.clause ?? '',
  ],
  size_fit: (v) => [
    'Great question about sizing!',
    'If you tell me your usual size and measurements, I will recommend the best fit.',
    v.clause ?? '',
  ],
  product_question: (v) => ['Thanks for your question.', v.clause ?? 'Let me check the details and get back to you.'],
  promo_code: () => [
    'Sorry the code gave you trouble.',
    'I have asked our team to re-send your code to the email on your account; it should arrive within a few minutes (check the promotions folder too).',
  ],
  subscription: () => [
    'Thanks for reaching out about your subscription.',
    'A teammate will make the change and confirm it by email.',
  ],
  billing: (v) => [
    `Thanks for flagging the payment on ${ord(v)} — I understand how worrying an unexpected charge is.`,
    v.clause ?? '',
    'A teammate is checking it with our payment provider and will confirm.',
  ],
  account: () => [
    'Happy to help with your account.',
    'You can reset your password from the login page using "Forgot password"; if that does not work, tell me and I will look into it.',
  ],
  wholesale: (v) => [
    `Thanks for your interest in stocking ${v.brand.trim() || 'our products'}!`,
    'Our wholesale team will send you the line sheet and terms.',
  ],
  feedback: () => [
    'Thank you for taking the time to share this with us — it genuinely helps.',
    'I have passed it on to the team.',
  ],
  other: () => ['Thanks for reaching out.', 'Let me look into this and get back to you shortly.'],
};

const DE: Record<IntentId, Body> = {
  order_status: (v) =>
    !v.orderNumber
      ? ['Danke für deine Nachricht zu deiner Bestellung.', askOrderDe]
      : isFulfilled(v)
        ? [
            `Gute Nachricht: ${ordDe(v)} ist bereits verschickt.`,
            trackingDe(v) ?? 'Den Tracking-Link schicke ich dir, sobald der Versanddienstleister ihn bereitstellt.',
            v.clause ?? '',
          ]
        : [
            `Bestellung ${v.orderNumber} ist bestätigt und wird vorbereitet (Status: ${v.fulfillmentStatus ?? 'in Bearbeitung'}).`,
            v.clause ?? '',
          ],
  tracking_request: (v) =>
    !v.orderNumber
      ? ['Gern schicke ich dir die Sendungsdaten.', askOrderDe]
      : [
          `Hier sind die Sendungsdaten zu ${ordDe(v)}.`,
          trackingDe(v) ??
            'Sie ist noch nicht an den Versanddienstleister übergeben, daher gibt es noch keine Sendungsnummer.',
          v.clause ?? '',
        ],
  delivery_late: (v) => [
    `Es tut mir leid, dass ${ordDe(v)} so lange braucht.`,
    trackingDe(v) ?? '',
    v.clause ?? '',
    'Ich behalte die Sendung im Blick und melde mich, sobald sie sich bewegt.',
  ],
  delivery_issue: (v) => [
    `Es tut mir leid, dass bei der Zustellung von ${ordDe(v)} etwas schiefgelaufen ist.`,
    trackingDe(v) ?? '',
    'Kannst du bitte bei den Nachbarn nachfragen und die Lieferadresse bestätigen? Ich eröffne sofort einen Nachforschungsauftrag.',
    v.clause ?? '',
  ],
  address_change: (v) => [
    `Danke für den Hinweis zur Adresse für ${ordDe(v)}.`,
    'Schick mir bitte die vollständige neue Adresse, dann ändere ich sie vor dem Versand.',
    v.clause ?? '',
  ],
  cancel_order: (v) => [
    `Ich habe deinen Wunsch erhalten, ${ordDe(v)} zu stornieren.`,
    v.clause ?? '',
    'Ein Kollege bestätigt dir die Stornierung in Kürze.',
  ],
  return_request: (v) => [
    `Gern helfe ich dir bei der Rücksendung ${v.items ? `von ${v.items}` : `aus ${ordDe(v)}`}.`,
    v.clause ?? '',
    'Sag mir Bescheid, falls du lieber umtauschen möchtest.',
  ],
  exchange_request: (v) => [
    'Natürlich — wir finden die passende Variante für dich.',
    v.clause ?? '',
    'Welche Größe oder Farbe hättest du gern?',
  ],
  refund_status: (v) => [
    `Danke für deine Nachfrage zur Erstattung für ${ordDe(v)}.`,
    v.clause ?? '',
    'Ein Kollege prüft die Zahlung und bestätigt dir die Details.',
  ],
  product_defect: (v) => [
    `Es tut mir sehr leid, dass ${v.items ? `dein ${v.items}` : 'dein Artikel'} einen Mangel hat.`,
    'Kannst du mir ein Foto schicken? Dann können wir es schnell lösen.',
    v.clause ?? '',
  ],
  size_fit: (v) => [
    'Gute Frage zur Größe!',
    'Wenn du mir deine übliche Größe und Maße nennst, empfehle ich dir die passende.',
    v.clause ?? '',
  ],
  product_question: (v) => ['Danke für deine Frage.', v.clause ?? 'Ich prüfe die Details und melde mich.'],
  promo_code: () => [
    'Schade, dass der Code nicht funktioniert hat.',
    'Wir schicken dir den Code erneut an die E-Mail-Adresse deines Kontos.',
  ],
  subscription: () => [
    'Danke für deine Nachricht zu deinem Abo.',
    'Ein Kollege nimmt die Änderung vor und bestätigt sie per E-Mail.',
  ],
  billing: (v) => [
    `Danke für den Hinweis zur Zahlung für ${ordDe(v)}.`,
    v.clause ?? '',
    'Ein Kollege prüft das mit unserem Zahlungsanbieter.',
  ],
  account: () => [
    'Gern helfe ich dir mit deinem Konto.',
    'Über „Passwort vergessen“ auf der Login-Seite kannst du dein Passwort zurücksetzen.',
  ],
  wholesale: (v) => [
    `Danke für dein Interesse an ${v.brand.trim() || 'unseren Produkten'}!`,
    'Unser Großhandelsteam schickt dir Konditionen und Katalog.',
  ],
  feedback: () => ['Vielen Dank für dein Feedback — das hilft uns wirklich.', 'Ich habe es an das Team weitergegeben.'],
  other: () => ['Danke für deine Nachricht.', 'Ich schaue mir das an und melde mich in Kürze.'],
};

/**
 * Holding reply for escalated tickets (legal, chargeback, safety, press, abuse, injection): it
 * acknowledges without engaging with any request in the message, so nothing the customer text
 * asked for (a refund, a code) is promised.
 */
const HOLDING: Record<TemplateLanguage, Body> = {
  en: () => [
    'Thank you for your message.',
    'I have passed it to a senior member of our team, who will get back to you personally.',
  ],
  de: () => [
    'Danke für deine Nachricht.',
    'Ich habe sie an eine erfahrene Kollegin weitergegeben, die sich persönlich bei dir meldet.',
  ],
};

/**
 * Who signs: the options' signature, else "{agent} at {brand}", else the brand's team; a brand
 * with no name yet signs as "The support team" (no invented name).
 */
export function signer(v: Pick<TemplateVars, 'brand' | 'agent' | 'signature'>, lang: TemplateLanguage): string {
  const signature = v.signature?.trim();
  if (signature) return signature;
  const brand = v.brand.trim();
  const agent = v.agent?.trim();
  if (agent && brand) return lang === 'de' ? `${agent} von ${brand}` : `${agent} at ${brand}`;
  if (agent) return agent;
  if (!brand) return lang === 'de' ? 'Dein Support-Team' : 'The support team';
  return lang === 'de' ? `Dein ${brand}-Team` : `The ${brand} team`;
}

/** Renders greeting, intent body (or the escalation holding reply) and sign-off in `lang`, in the brand's voice. */
export function renderTemplate(intent: IntentId | 'holding', lang: TemplateLanguage, v: TemplateVars): string {
  const body = (intent === 'holding' ? HOLDING[lang] : (lang === 'de' ? DE : EN)[intent])(v).filter((p) => p.trim());
  const greet =
    lang === 'de' ? `Hallo${v.firstName ? ` ${v.firstName}` : ''},` : `Hi${v.firstName ? ` ${v.firstName}` : ''},`;
  const sign = `${lang === 'de' ? 'Viele Grüße' : 'Best,'}\n${signer(v, lang)}`;
  return [greet, ...body, sign].join('\n\n');
}
