import { parseNumber } from '../../import/numbers';
import type { ChannelListing } from '../../listings/types';
import { COUNTRY_NAMES, DECIMAL_COMMA_MARKETPLACES, LANGS, OUT_OF_STOCK_WORDS, STATUS_WORDS } from './labels';
import type { ListingStatus } from './schema';

/**
 * What a Seller Central read means, worked out in the background (the schema's transform runs it
 * when a snapshot is checked): statuses from alert and chip texts in six languages, store codes from
 * the switcher label, numbers in the store's convention. Kept out of the content script, which only
 * carries the page's own texts (its size budget; see e2e/bundle.spec.ts). Idempotent: running it
 * on its own output changes nothing.
 */

const COUNTRY_CODES: Record<string, string> = {
  'united states': 'US',
  canada: 'CA',
  mexico: 'MX',
  brazil: 'BR',
  'united kingdom': 'UK',
  germany: 'DE',
  france: 'FR',
  italy: 'IT',
  spain: 'ES',
  netherlands: 'NL',
  sweden: 'SE',
  poland: 'PL',
  belgium: 'BE',
  turkey: 'TR',
  türkiye: 'TR',
  ireland: 'IE',
  'united arab emirates': 'AE',
  'saudi arabia': 'SA',
  egypt: 'EG',
  'south africa': 'ZA',
  india: 'IN',
  japan: 'JP',
  australia: 'AU',
  singapore: 'SG',
};

/** Store code from the switcher label ("Demo Store | United States" → US). */
export function marketplaceCode(label: string): string | null {
  const country = label.split('|').pop()?.trim().toLowerCase() ?? '';
  return COUNTRY_CODES[country] ?? COUNTRY_NAMES[country] ?? null;
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern per status: latin words must stand alone ("inaktiv" is not "aktiv"); Japanese has no word breaks. */
const STATUS_PATTERNS = STATUS_WORDS.map(({ status, words }) => {
  const alts = LANGS.flatMap((lang) =>
    words[lang].map((w) => (lang === 'ja' ? escapeRe(w) : `(?<!\\p{L})${escapeRe(w)}(?!\\p{L})`)),
  );
  const english = new RegExp(words.en.map((w) => `(?<!\\p{L})${escapeRe(w)}(?!\\p{L})`).join('|'), 'iu');
  return { status, any: new RegExp(alts.join('|'), 'giu'), english };
});
const OUT_OF_STOCK = new RegExp(OUT_OF_STOCK_WORDS.map(escapeRe).join('|'), 'iu');

/**
 * Status and reason from status text (MYI chips, editor alerts) in any of the languages of
 * `labels.ts`. `localised` is true when only a non-English word gave the status (read with lower certainty).
 */
export function parseStatus(raw: string): {
  status: ListingStatus;
  reason: string | null;
  text: string;
  localised?: boolean;
} {
  const text = raw.replace(/\s+/g, ' ').trim();
  for (const { status, any, english } of STATUS_PATTERNS) {
    const matches = [...text.matchAll(any)];
    const last = matches.pop();
    if (!last) continue;
    const localised = english.test(text) ? {} : { localised: true };
    // Reason = the first sentence after the last status word ("Search suppressed: Search suppressed: X. …" → X).
    const rest = text
      .slice((last.index ?? 0) + last[0].length)
      .replace(/^[\s:：–—-]+/, '')
      .trim();
    const after = rest ? (rest.split(/(?<=[.。])\s*/)[0] ?? rest).replace(/[.。]$/, '') || null : null;
    if (status === 'inactive' && OUT_OF_STOCK.test(text)) return { status, reason: 'Out of stock', text, ...localised };
    if (status === 'incomplete') return { status, reason: after ?? 'Provide missing information', text, ...localised };
    if (status === 'active') return { status, reason: null, text, ...localised };
    return { status, reason: after, text, ...localised };
  }
  return { status: 'unknown', reason: null, text };
}

/**
 * A number as the marketplace writes it: "27,90 €" → 27.9 and "1.299,00" → 1299 (the import's locale
 * parser), "1.299" → 1299 where the store writes a decimal comma. `ambiguous` is true when the text
 * could be read both ways and the store's convention is unknown ("1,299" with no marketplace) or
 * contradicts it ("27,90" on a decimal-point store).
 */
export function localeNumber(
  s: string | null | undefined,
  code: string | null = null,
): { value: number | null; ambiguous: boolean } {
  const token = (s ?? '').match(/-?\d[\d.,\s\u00a0\u202f']*/)?.[0]?.replace(/[.,\s\u00a0\u202f']+$/, '') ?? '';
  if (!token) return { value: null, ambiguous: false };
  const comma = code !== null && DECIMAL_COMMA_MARKETPLACES.has(code);
  if (comma && /^-?\d{1,3}(\.\d{3})+$/.test(token))
    return { value: Number(token.replace(/\./g, '')), ambiguous: false };
  if (code !== null && !comma && /^-?\d+,\d+$/.test(token) && !/^-?\d{1,3}(,\d{3})+$/.test(token))
    return { value: parseNumber(token), ambiguous: true };
  const ambiguous = code === null && /^-?\d{1,3}[.,]\d{3}$/.test(token);
  return { value: parseNumber(token), ambiguous };
}

const OUR_PRICE = /^purchasable_offer-\d+-our_price-\d+-schedule-\d+-value_with_tax$/;

interface EditorReadIn {
  marketplace: string;
  marketplaceCode: string | null;
  fields: Record<string, string>;
  listing: ChannelListing;
  alerts: { variant: string; text: string }[];
  status: { status: ListingStatus; reason: string | null; text: string } | null;
  quantity: number | null;
  quantityText: string | null;
  lowCertainty: string[];
}

/** Fills a listing-editor read's status, store code, prices and quantity from the texts the page showed. */
export function interpretEditorRead<T extends EditorReadIn>(d: T): T {
  const code = d.marketplaceCode ?? marketplaceCode(d.marketplace);
  const notes = new Set(d.lowCertainty);
  const number = (fact: string, text: string | undefined | null) => {
    const n = localeNumber(text, code);
    if (n.ambiguous) notes.add(`${fact}: “${(text ?? '').trim().slice(0, 40)}” can be read two ways`);
    return n.value;
  };
  const listing: ChannelListing = { ...d.listing };
  if (code) listing.attributes = { ...(listing.attributes ?? {}), marketplace: code };
  const priceKey = Object.keys(d.fields).find((k) => OUR_PRICE.test(k));
  const price = listing.price ?? (priceKey ? number('price', d.fields[priceKey]) : null);
  if (price !== null && price !== undefined) listing.price = price;
  const listText = d.fields['list_price-0-value'] ?? d.fields.list_price;
  const listPrice = listing.list_price ?? number('list price', listText);
  if (listPrice !== null && listPrice !== undefined) listing.list_price = listPrice;
  const quantity = d.quantity ?? (d.quantityText === null ? null : number('quantity', d.quantityText));
  let status = d.status;
  if (!status) {
    const parsed = d.alerts.map((a) => parseStatus(a.text)).find((x) => x.status !== 'unknown') ?? null;
    if (parsed?.localised) notes.add(`status: “${parsed.status}”, read from an alert that is not in English`);
    status = parsed ? { status: parsed.status, reason: parsed.reason, text: parsed.text } : null;
  }
  return { ...d, marketplaceCode: code, listing, quantity, status, lowCertainty: [...notes].slice(0, 50) };
}

interface InventoryRowIn {
  status: ListingStatus;
  reason: string | null;
  status_text: string;
  price: number | null;
  available: number | null;
  price_text?: string | undefined;
  available_text?: string | undefined;
}

/** Fills Manage All Inventory rows' status, reason and numbers from the chip, reason and cell texts. */
export function interpretInventoryRead<R extends InventoryRowIn, T extends { marketplace: string; rows: R[] }>(
  d: T,
): T {
  const code = marketplaceCode(d.marketplace);
  const rows = d.rows.map((r) => {
    // A reason element's own text wins over the one after the status word (MYI shows it apart).
    const p = r.status === 'unknown' ? parseStatus(r.status_text) : { status: r.status, reason: r.reason };
    const reason = r.status === 'unknown' && r.reason && p.status !== 'active' ? r.reason : p.reason;
    return {
      ...r,
      status: p.status,
      reason,
      price: r.price ?? localeNumber(r.price_text, code).value,
      available: r.available ?? localeNumber(r.available_text, code).value,
    };
  });
  return { ...d, rows };
}
