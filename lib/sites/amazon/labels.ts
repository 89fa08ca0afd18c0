/**
 * Seller Central words Counterpart relies on, per language (en, de, fr, es, it, ja). Seller Central
 * shows its status and alert texts in the account's language (host-evidence §3: "Country names and
 * alert texts are localised"); the words below are the plain terms each marketplace's help pages use
 * for the listing states. Exact alert wording per language is unverified: every word is matched as a
 * part of the text, case-insensitively, and a status read only from a non-English word is marked
 * low-certainty by the extractor.
 */
import type { ListingStatus } from './schema';

export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** Status words, checked in this order (a suppressed listing is also inactive; "inaktiv" contains "aktiv"). */
export const STATUS_WORDS: ReadonlyArray<{ status: ListingStatus; words: Record<Lang, readonly string[]> }> = [
  {
    status: 'suppressed',
    words: {
      en: ['search suppressed', 'detail page removed', 'buyability suspended', 'suppressed'],
      de: ['suche unterdrückt', 'unterdrückt', 'von der suche ausgeschlossen'],
      fr: ['supprimé de la recherche', 'recherche supprimée', 'supprimée', 'supprimé'],
      es: ['búsqueda suprimida', 'suprimido de la búsqueda', 'suprimida', 'suprimido'],
      it: ['ricerca soppressa', 'soppressa', 'soppresso'],
      ja: ['検索非表示', '検索結果から除外', '非表示'],
    },
  },
  {
    status: 'inactive',
    words: {
      en: ['out of stock', 'inactive'],
      de: ['nicht vorrätig', 'ausverkauft', 'inaktiv'],
      fr: ['en rupture de stock', 'rupture de stock', 'inactive', 'inactif'],
      es: ['sin existencias', 'agotado', 'inactiva', 'inactivo'],
      it: ['esaurito', 'non disponibile', 'inattiva', 'inattivo'],
      ja: ['在庫切れ', '停止中', '無効'],
    },
  },
  {
    status: 'incomplete',
    words: {
      en: ['provide missing information', 'action required', 'incomplete'],
      de: ['fehlende informationen angeben', 'maßnahme erforderlich', 'unvollständig'],
      fr: ['informations manquantes', 'action requise', 'incomplète', 'incomplet'],
      es: ['información que falta', 'acción necesaria', 'incompleta', 'incompleto'],
      it: ['informazioni mancanti', 'azione richiesta', 'incompleta', 'incompleto'],
      ja: ['不足している情報', '要対応', '不完全'],
    },
  },
  {
    status: 'active',
    words: {
      en: ['active'],
      de: ['aktiv'],
      fr: ['active', 'actif'],
      es: ['activa', 'activo'],
      it: ['attiva', 'attivo'],
      ja: ['出品中', '有効'],
    },
  },
];

/** Words that say "out of stock" in any of the languages (the reason Counterpart reports in English). */
export const OUT_OF_STOCK_WORDS: readonly string[] = [
  'out of stock',
  'nicht vorrätig',
  'ausverkauft',
  'rupture de stock',
  'sin existencias',
  'agotado',
  'esaurito',
  '在庫切れ',
];

/**
 * Marketplaces whose prices are written with a decimal comma ("27,90"), by the store code the
 * switcher label gives (`marketplaceCode`). US, CA, MX, UK, IE, AE, SA, EG, IN, JP, AU, SG use a point.
 */
export const DECIMAL_COMMA_MARKETPLACES: ReadonlySet<string> = new Set([
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'SE',
  'PL',
  'BE',
  'TR',
  'BR',
  'ZA',
]);

/** Country names as the switcher shows them in the other languages ("Meine Marke | Deutschland"). */
export const COUNTRY_NAMES: Record<string, string> = {
  deutschland: 'DE',
  allemagne: 'DE',
  alemania: 'DE',
  germania: 'DE',
  ドイツ: 'DE',
  frankreich: 'FR',
  francia: 'FR',
  フランス: 'FR',
  italien: 'IT',
  italie: 'IT',
  italia: 'IT',
  spanien: 'ES',
  espagne: 'ES',
  españa: 'ES',
  spagna: 'ES',
  'vereinigtes königreich': 'UK',
  'royaume-uni': 'UK',
  'reino unido': 'UK',
  'regno unito': 'UK',
  'vereinigte staaten': 'US',
  'états-unis': 'US',
  'estados unidos': 'US',
  'stati uniti': 'US',
  アメリカ合衆国: 'US',
  日本: 'JP',
  japon: 'JP',
  niederlande: 'NL',
  'pays-bas': 'NL',
  'países bajos': 'NL',
  'paesi bassi': 'NL',
  schweden: 'SE',
  polen: 'PL',
  belgien: 'BE',
  belgique: 'BE',
  bélgica: 'BE',
  belgio: 'BE',
};

/** Editor tabs and the listing facts each one shows (host-evidence §3: each tab is its own sub-path). */
export const TAB_FACTS: Record<string, readonly string[]> = {
  product_details: ['item name', 'brand', 'bullet points', 'description'],
  offer: ['price', 'quantity'],
  images: ['product images'],
};
