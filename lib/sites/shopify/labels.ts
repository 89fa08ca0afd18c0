/**
 * Shopify admin labels Counterpart anchors on, in English, German, French, Spanish and Japanese.
 * The admin is localised (host-evidence §2: a Spanish admin, `danielichis/DropShippingAuto`
 * `src/marketPlacesDestino/shopify/interfaces/productosShopify.py` @ 21d0f8ea; table headers are
 * localised). English terms are the admin's own; the other languages are the admin's usual terms
 * where known and plain dictionary terms otherwise (unverified per word), so each key lists
 * several. Matching is on the normalised text (lower case, no "(ISBN…)" tail, no trailing colon).
 */

/** Column keys of the Variants and Inventory tables, with their headers per language. */
/** Column keys of the Variants and Inventory tables, with their headers per language ("|"-separated, to stay small). */
const COLUMNS = {
  variant: 'variant|variante|variantes|バリエーション|バリアント',
  price: 'price|preis|prix|precio|価格|販売価格',
  compare_at_price:
    'compare-at price|compare at price|vergleichspreis|prix avant réduction|prix barré|precio de comparación|precio comparado|割引前価格|比較価格',
  available: 'available|verfügbar|disponible|disponibles|販売可能|利用可能|在庫あり',
  sku: 'sku|artikelnummer|ugs|código de artículo',
  barcode: 'barcode|code-barres|código de barras|バーコード',
  weight: 'weight|gewicht|poids|peso|重量',
  location: 'location|standort|emplacement|ubicación|ロケーション',
  on_hand: 'on hand|vorrätig|bestand|en stock|en existencia|手持ち|在庫数',
  committed: 'committed|zugesagt|festgelegt|engagé|engagée|comprometido|確保済み',
  incoming: 'incoming|eingehend|entrant|entrante|入荷予定',
  product: 'product|produkt|produit|producto|商品',
};
export type ColumnKey = keyof typeof COLUMNS;

/** Form field labels of the product page (the field is found through its label: for / aria-labelledby). */
const FIELDS = {
  title: 'title|titel|titre|título|タイトル',
  vendor: 'vendor|anbieter|hersteller|fournisseur|proveedor|販売元|ベンダー',
  tags: 'tags|balises|étiquettes|etiquetas|タグ',
  productType: 'type|product type|produkttyp|typ|type de produit|tipo|tipo de producto|商品タイプ',
};
export type FieldKey = keyof typeof FIELDS;

const words = (list: string) => list.split('|');

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
  return (Object.keys(COLUMNS) as ColumnKey[]).find((k) => t && words(COLUMNS[k]).includes(t)) ?? null;
}

/** Whether a label's text names the field. */
export function isFieldLabel(text: string, field: FieldKey): boolean {
  return words(FIELDS[field]).includes(normaliseLabel(text));
}
