/**
 * Shopify admin labels Counterpart anchors on, in English, German, French, Spanish and Japanese.
 * The admin is localised (host-evidence §2: a Spanish admin, `danielichis/DropShippingAuto`
 * `src/marketPlacesDestino/shopify/interfaces/productosShopify.py` @ 21d0f8ea; table headers are
 * localised). English terms are the admin's own; the other languages are the admin's usual terms
 * where known and plain dictionary terms otherwise (unverified per word), so each key lists
 * several. Matching is on the normalised text (lower case, no "(ISBN…)" tail, no trailing colon).
 */

export const SHOPIFY_LANGS = ['en', 'de', 'fr', 'es', 'ja'] as const;

/** Column keys of the Variants and Inventory tables, with their headers per language. */
export const COLUMN_LABELS = {
  variant: ['variant', 'variante', 'variantes', 'バリエーション', 'バリアント', 'product/variant'],
  price: ['price', 'preis', 'prix', 'precio', '価格', '販売価格'],
  compare_at_price: [
    'compare-at price',
    'compare at price',
    'vergleichspreis',
    'prix avant réduction',
    'prix barré',
    'precio de comparación',
    'precio comparado',
    '割引前価格',
    '比較価格',
  ],
  available: ['available', 'verfügbar', 'disponible', 'disponibles', '販売可能', '利用可能', '在庫あり'],
  sku: ['sku', 'sku (stock keeping unit)', 'artikelnummer', 'ugs', 'código de artículo', 'sku(在庫管理単位)'],
  barcode: ['barcode', 'code-barres', 'código de barras', 'バーコード'],
  weight: ['weight', 'gewicht', 'poids', 'peso', '重量'],
  location: ['location', 'standort', 'emplacement', 'ubicación', 'ロケーション'],
  on_hand: ['on hand', 'vorrätig', 'bestand', 'en stock', 'disponible en stock', 'en existencia', '手持ち', '在庫数'],
  committed: ['committed', 'zugesagt', 'festgelegt', 'engagé', 'engagée', 'comprometido', '確保済み'],
  incoming: ['incoming', 'eingehend', 'entrant', 'entrante', '入荷予定'],
  product: ['product', 'produkt', 'produit', 'producto', '商品'],
} as const satisfies Record<string, readonly string[]>;
export type ColumnKey = keyof typeof COLUMN_LABELS;

/** Form field labels of the product page (the field is found through its label: for / aria-labelledby). */
export const FIELD_LABELS = {
  title: ['title', 'titel', 'titre', 'título', 'タイトル'],
  vendor: ['vendor', 'anbieter', 'hersteller', 'fournisseur', 'proveedor', '販売元', 'ベンダー'],
  tags: ['tags', 'balises', 'étiquettes', 'etiquetas', 'タグ'],
  productType: [
    'type',
    'product type',
    'produkttyp',
    'typ',
    'type de produit',
    'tipo',
    'tipo de producto',
    '商品タイプ',
  ],
} as const satisfies Record<string, readonly string[]>;
export type FieldKey = keyof typeof FIELD_LABELS;

/** Header or label text as compared: lower case, spaces collapsed, "(…)" tails, sort arrows and colons off. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[▲▼↑↓⌃⌄]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s*[:：*]$/, '')
    .replace(/\s*[(（][^)）]*[)）]$/, '')
    .trim();
}

/** The column key a header names, or null. */
export function columnKey(header: string): ColumnKey | null {
  const t = normaliseLabel(header);
  if (!t) return null;
  for (const [key, words] of Object.entries(COLUMN_LABELS) as [ColumnKey, readonly string[]][])
    if ((words as readonly string[]).includes(t)) return key;
  return null;
}

/** Whether a label's text names the field. */
export function isFieldLabel(text: string, field: FieldKey): boolean {
  return (FIELD_LABELS[field] as readonly string[]).includes(normaliseLabel(text));
}
