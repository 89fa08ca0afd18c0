/**
 * Loop admin selectors. No DOM hooks of Loop's admin are publicly known (host-pages.md §5.3), so
 * extraction is label-anchored (§5.4): find a section by its heading, then a value by the label
 * next to it. Each table lists the alternatives and the markup they serve; the fixture's two
 * variants are A ("div soup": `.card` + `.card-title`, `.lp-row` label/value spans) and B
 * (semantic: `section` + `h2`, `dl`/`dt`/`dd`, `article` per item), plus the evidence-built
 * variants (headings with counts, inline "SKU: …", item tables, a drawer, the photo overlay). Labels
 * come from `lib/sites/labels.ts` in en/de/fr/es/ja (Loop's admin localisation is unverified).
 */

/** Elements that can head a section: real headings (B) and title-classed divs (A). */
export const HEADING_SELECTORS = [
  'h1',
  'h2',
  'h3',
  'h4',
  '[role="heading"]', // ARIA headings in component libraries
  '[class*="card-title"]', // A
  '[class*="section-title"]',
  '[class*="heading"]',
] as const;

/** Containers a heading belongs to, nearest first. */
export const SECTION_CONTAINERS = [
  'section', // B
  'aside',
  '[class*="card"]', // A, Polaris-like cards
  '[class*="panel"]',
  '[class*="module"]', // "totals module" wording of help article 203
] as const;

/**
 * The words the adapter anchors on, English by default. The five-language table
 * (`lib/sites/labels.ts` LOOP_LABELS) is handed over by the background when the content script
 * starts (`installLabels`), which keeps it out of the 30 kB content script. The English lists here
 * are the table's `en` entries (a test keeps them equal).
 */
export const WORDS: Record<LoopWord, readonly string[]> = {
  returnCredits: [
    'return credits',
    'returned items',
    'items being returned',
    'return items',
    'items',
    'returning items',
  ],
  purchased: ['purchased items', 'exchange items', 'new items'],
  order: ['order', 'order details', 'order information'],
  customer: ['customer', 'customer details', 'customer information'],
  details: ['details', 'return details', 'return information'],
  totals: ['totals', 'return summary', 'summary'],
  sku: ['sku', 'sku number'],
  price: ['price', 'unit price', 'item price'],
  quantity: ['quantity', 'qty'],
  category: ['product type', 'category', 'type'],
  variant: ['variant', 'option', 'options'],
  reason: ['reason', 'return reason'],
  comment: ['comment', 'customer comment', 'customer note', 'note from customer', 'comments'],
  photos: ['customer photos', 'photos', 'images', 'customer images', 'attachments'],
  orderNumber: ['order', 'order name', 'order number', 'order #'],
  orderCreated: ['created', 'order date', 'ordered', 'order placed', 'placed'],
  delivered: ['delivered', 'delivered on', 'delivery date'],
  name: ['name', 'customer name', 'customer'],
  email: ['email', 'e-mail', 'email address'],
  country: ['country', 'country/region'],
  ordersCount: ['orders', 'lifetime orders', 'total orders', 'order count'],
  returnsCount: ['returns', 'past returns', 'previous returns', 'return count'],
  outcome: ['outcome', 'return type', 'requested outcome', 'resolution'],
  method: ['return method', 'shipping method', 'method'],
  status: ['status', 'state'],
  created: ['return created', 'created', 'created at'],
  imageRecognition: ['image recognition', 'ai image analysis', 'item condition', 'ai description', 'description'],
  finalSale: ['final sale', 'final-sale', 'non-returnable', 'not returnable'],
};
export type LoopWord =
  | 'returnCredits'
  | 'purchased'
  | 'order'
  | 'customer'
  | 'details'
  | 'totals'
  | 'sku'
  | 'price'
  | 'quantity'
  | 'category'
  | 'variant'
  | 'reason'
  | 'comment'
  | 'photos'
  | 'orderNumber'
  | 'orderCreated'
  | 'delivered'
  | 'name'
  | 'email'
  | 'country'
  | 'ordersCount'
  | 'returnsCount'
  | 'outcome'
  | 'method'
  | 'status'
  | 'created'
  | 'imageRecognition'
  | 'finalSale';

/** Replaces the English words by every language's (the background's LOOP_LABELS, flattened). */
export function installLabels(all: Partial<Record<string, readonly string[]>>): void {
  for (const k of Object.keys(WORDS) as LoopWord[]) {
    const list = all[k];
    if (list?.length) WORDS[k] = list;
  }
}

const SECTIONS = ['returnCredits', 'purchased', 'order', 'customer', 'details', 'totals'] as const;
export type SectionName = (typeof SECTIONS)[number];
/** Section headings (normalised: lower case, no trailing colon, no "(n)" count), read live from `WORDS`. */
export const SECTION_HEADINGS = Object.fromEntries(SECTIONS.map((k) => [k, null])) as unknown as Record<
  SectionName,
  readonly string[]
>;
for (const k of SECTIONS) Object.defineProperty(SECTION_HEADINGS, k, { get: () => WORDS[k], enumerable: true });

const FIELD_LABELS = [
  'sku',
  'price',
  'quantity',
  'category',
  'variant',
  'reason',
  'comment',
  'photos',
  'orderNumber',
  'orderCreated',
  'delivered',
  'name',
  'email',
  'country',
  'ordersCount',
  'returnsCount',
  'outcome',
  'method',
  'status',
  'created',
] as const;
export type LabelName = (typeof FIELD_LABELS)[number];
/** Value labels per field, read live from `WORDS` (English seen in both fixture markups, A and B). */
export const LABELS = {} as Record<LabelName, readonly string[]>;
for (const k of FIELD_LABELS) Object.defineProperty(LABELS, k, { get: () => WORDS[k], enumerable: true });

/** Inside an item card. */
export const ITEM_SELECTORS = {
  title: [
    'h3', // B
    '[class*="item-title"]', // A
    '[class*="product-title"]',
    '[class*="title"]',
  ],
  variant: [
    '[class*="variant"]', // B: p.variant
    'h3 + p',
  ],
  thumbnail: [
    'img[class*="thumb"]', // A, B
    'figure img', // B
  ],
  /** Whole text of a tag/badge element marking the item final sale (A, B: `.tag.final`). */
  finalSale: 'finalSale' as const,
} as const;

// In a module of its own so the page-identity check carries it without this module's label tables.
export { RETURN_TITLE } from './return-title';

/** Status chip and outcome tags in the header, used when no labelled value exists. */
export const HEADER_SELECTORS = {
  status: ['[role="status"]', '[class*="chip"]', '[class*="badge"]'],
  outcomeTags: ['[class*="tag"]'],
} as const;

/** Loop return states (help article 46) as shown in the admin. */
export const STATUS_WORDS = [
  'open',
  'closed',
  'cancelled',
  'canceled',
  'expired',
  'needs review',
  'review',
  'flagged',
] as const;

/** Outcome words → requested outcome. Loop calls store credit "Gift card" or "Shop Now" in places. */
export const OUTCOME_WORDS: readonly [RegExp, 'refund' | 'exchange' | 'store_credit'][] = [
  [/\brefund\b|rückerstattung|erstattung|remboursement|reembolso|返金/i, 'refund'],
  [/\bexchange\b|umtausch|échange|\bcambio\b|交換/i, 'exchange'],
  [
    /\bstore credit\b|\bgift ?card\b|\bshop now\b|\bcredit\b|gutschein|guthaben|\bavoir\b|crédito|ギフトカード|クレジット/i,
    'store_credit',
  ],
];
