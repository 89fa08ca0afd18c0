import type { IntentId } from './taxonomy';

/**
 * Hand-written intent cues for real tickets (long e-mails in several languages), which a model
 * trained on one-line chat requests handles poorly. Each rule is a pattern with the confidence it
 * alone gives its intent; patterns are matched on lower-cased, accent-folded text.
 */
export const INTENT_RULES: Record<IntentId, Array<[RegExp, number]>> = {
  order_status: [
    [/\bwhere(?:'s| is) my (?:order|package|parcel|stuff)\b/, 0.75],
    [/\b(?:status|update) (?:of|on) (?:my )?order\b/, 0.7],
    [/\bhas my order (?:shipped|been shipped|left)\b/, 0.7],
    [/\bwhen will (?:my )?(?:order|it|package|parcel) (?:ship|arrive|be delivered)\b/, 0.65],
    [/\b(?:haven'?t|have not|not yet|still not) (?:received|gotten|got) (?:my|the|it|a)\b/, 0.45],
    [/\bwo (?:ist|bleibt) meine bestellung\b|\bstatus meiner bestellung\b/, 0.75],
    [/\bou en est ma commande\b|\bstatut de ma commande\b/, 0.75],
    [/\bdonde (?:esta|se encuentra) mi pedido\b/, 0.75],
  ],
  tracking_request: [
    [/\btracking (?:number|link|info|information|code|details)\b/, 0.7],
    [/\b(?:track|trace) (?:my|the|this) (?:order|package|parcel|shipment)\b/, 0.65],
    [/\bsendungsnummer\b|\bsendungsverfolgung\b|\btrackingnummer\b/, 0.6],
    [/\bnumero de suivi\b|\bnumero de seguimiento\b/, 0.7],
  ],
  delivery_late: [
    [/\b(?:is|are|was|running|very|so|extremely) (?:late|delayed|overdue)\b/, 0.75],
    [/\b(?:still|has not|hasn'?t|not) (?:arrived|shown up|here|been delivered)\b/, 0.55],
    [/\b(?:weeks?|days?) (?:late|overdue|ago and still|later and still)\b/, 0.6],
    [/\b(?:past|missed|beyond) the (?:estimated |expected |promised )?delivery (?:date|window)\b/, 0.75],
    [/\bstuck in transit\b|\bnot updated in\b|\bno movement\b/, 0.65],
    [/\bverspatet\b|\bimmer noch nicht angekommen\b|\ben retard\b|\bllega tarde\b|\bretrasad[oa]\b/, 0.7],
  ],
  delivery_issue: [
    [/\b(?:says|shows|marked(?: as)?|status is|shows as) delivered\b/, 0.8],
    [/\b(?:lost|stolen) (?:package|parcel|in transit|in the mail)?\b/, 0.55],
    [/\b(?:package|parcel|box) (?:arrived |was )?(?:damaged|crushed|smashed|opened|wet)\b/, 0.75],
    [/\bwrong (?:address|item|order) (?:was )?(?:delivered|received|sent)\b|\breceived someone else/, 0.7],
    [/\b(?:item|items|product) (?:is |was |were |are )?missing from\b|\bmissing (?:item|items)\b/, 0.7],
    [/\breturned to sender\b/, 0.7],
    [/\bzugestellt aber\b|\bmarque livre\b|\bcolis marque livre\b/, 0.75],
    [/\b(?:arrived|came|was delivered) (?:damaged|broken|crushed|smashed)\b/, 0.75],
    [/\b(?:beschadigt|endommage|danad[oa]|aplastad[oa]|danneggiat[oa]|beschadigd|danificad[oa])\b/, 0.7],
  ],
  address_change: [
    [/\b(?:change|update|correct|edit|fix) (?:the |my )?(?:shipping |delivery )?address\b/, 0.8],
    [/\bwrong (?:shipping |delivery )?address\b/, 0.65],
    [/\b(?:new|different) (?:shipping |delivery )?address\b/, 0.55],
    [/\blieferadresse (?:andern|aendern)\b|\badresse (?:andern|aendern)\b|\bchanger (?:mon |l')?adresse\b/, 0.8],
  ],
  cancel_order: [
    [/\bcancel (?:my |the |this )?(?:order|purchase)\b/, 0.8],
    [/\b(?:want|need|like) to cancel\b/, 0.6],
    [/\bstornier|\bannuler (?:ma|la) commande\b|\bcancelar (?:mi|el) pedido\b/, 0.8],
  ],
  return_request: [
    [/\b(?:return|send back) (?:my|the|this|these|an|it|them)\b/, 0.55],
    [/\breturn (?:label|request|process)\b|\bstart a return\b/, 0.75],
    [/\b(?:want|like|need) to return\b/, 0.75],
    [/\bzurucksenden\b|\bretoure\b|\bretourner\b|\bdevolver\b|\bdevolucion\b/, 0.7],
  ],
  exchange_request: [
    [/\bexchange (?:it|this|them|the|my|for)\b|\b(?:an|the) exchange\b/, 0.75],
    [/\bswap (?:it|this|the|my|for)\b/, 0.6],
    [/\bumtausch|\bechanger\b|\bcambiar por\b/, 0.7],
  ],
  refund_status: [
    [/\brefund(?:ed|s)?\b|\breimburse|\bmoney back\b/, 0.55],
    [/\b(?:where|when) is my refund\b|\bstill (?:no|not|haven'?t) (?:been )?refund/, 0.75],
    [/\bruckerstattung\b|\bgeld zuruck\b|\bremboursement\b|\breembolso\b|\brimborso\b|\bterugbetaling\b/, 0.7],
  ],
  product_defect: [
    [
      /\b(?:broke|broken|defective|faulty|ripped|torn|cracked|leak(?:s|ing)?|stopped working|doesn'?t work|does not work|falling apart|coming apart)\b/,
      0.55,
    ],
    [
      /\b(?:poor|bad) quality\b|\bmanufacturing defect\b|\bfaded after\b|\bhole (?:in|near|on)\b|\b(?:a|small|big) (?:hole|tear|stain|rip)\b|\bmissing (?:a )?button\b|\bpilling\b/,
      0.7,
    ],
    [/\bkaputt\b|\bdefekt\b|\bdefectueux\b|\bdefectuoso\b/, 0.65],
  ],
  size_fit: [
    [/\bwhat size\b|\bwhich size\b|\bsize (?:chart|guide)\b|\bsizing\b/, 0.75],
    [/\b(?:run|runs|running|fit|fits) (?:small|large|big|true to size|tight|loose)\b|\btrue to size\b/, 0.75],
    [/\bsize (?:up|down)\b|\bbetween sizes\b/, 0.7],
    [/\bwelche grosse\b|\bquelle taille\b|\bque talla\b|\bgroessentabelle\b/, 0.75],
  ],
  product_question: [
    [/\b(?:return|shipping|refund|exchange|warranty) policy\b/, 0.6],
    [/\bdo you (?:ship|offer|deliver|have)\b/, 0.55],
    [/\bhow long (?:do i have to|does shipping|is shipping|do you take to ship)\b/, 0.6],
    [
      /\b(?:made of|material|ingredients|waterproof|vegan|dishwasher safe|back in stock|restock|dimensions|machine washable|washable|care instructions|how (?:do|should) i wash)\b/,
      0.6,
    ],
  ],
  promo_code: [
    [/\b(?:promo|discount|coupon|voucher|gift|referral) ?code\b/, 0.8],
    [/\b(?:coupon|voucher)\b/, 0.55],
    [/\brabattcode\b|\bgutschein(?:code)?\b|\bcode promo\b|\bcodigo (?:de )?descuento\b/, 0.8],
  ],
  subscription: [
    [/\bsubscription\b|\bsubscribe and save\b|\bauto-?ship\b|\brecurring order\b/, 0.7],
    [/\b(?:skip|pause|delay) (?:my |the )?next (?:order|box|delivery|shipment)\b/, 0.75],
    [/\babo(?:nnement)?\b|\bsuscripcion\b|\babbonamento\b/, 0.7],
  ],
  billing: [
    [/\b(?:charged|billed) (?:me )?(?:twice|two times|double|2x)\b|\bdouble(?:-| )?charge/, 0.9],
    [
      /\bcharged (?:twice|again|more|extra)\b|\bcharged [^!?\n]{0,25}\b(?:twice|two times|2x|double)\b|\bunauthori[sz]ed charge\b/,
      0.8,
    ],
    [/\binvoice\b|\breceipt\b|\bvat\b/, 0.7],
    [/\bpayment (?:failed|declined|error|issue|problem)\b|\bcard (?:was )?declined\b/, 0.7],
    [/\bdoppelt (?:belastet|abgebucht)\b|\brechnung\b|\bfacture\b|\bfactura\b|\bdebite deux fois\b/, 0.75],
  ],
  account: [
    [/\b(?:log ?in|sign ?in|password|my account|reset password|delete my account)\b/, 0.55],
    [/\bkonto\b|\bmot de passe\b|\bcontrasena\b/, 0.55],
  ],
  wholesale: [
    [/\bwholesale\b|\bstockist\b|\bbulk order\b|\bline sheet\b|\bresell\b|\bretailers?\b|\bdistribut(?:or|ion)\b/, 0.8],
    [/\bgrosshandel\b|\bhandler\b|\bvente en gros\b|\btarifs de gros\b|\bmayorista\b/, 0.8],
  ],
  feedback: [
    [/\bjust wanted to (?:say|let you know)\b|\bkeep up the good work\b|\blove (?:my|the|your)\b/, 0.55],
    [/\b(?:complaint|feedback|review)\b/, 0.5],
  ],
  other: [],
};

/** Per-intent strongest rule confidence found in `text` (already lower-cased and accent-folded). */
export function ruleScores(text: string): Map<IntentId, { score: number; match: string }> {
  const out = new Map<IntentId, { score: number; match: string }>();
  for (const [intent, rules] of Object.entries(INTENT_RULES) as Array<[IntentId, Array<[RegExp, number]>]>) {
    for (const [re, w] of rules) {
      const m = re.exec(text);
      if (m && w > (out.get(intent)?.score ?? 0)) out.set(intent, { score: w, match: m[0] });
    }
  }
  return out;
}

/** Lower-cases and folds accents (ä→a, é→e) so rules need not list every spelling. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}
