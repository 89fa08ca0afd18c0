/**
 * Loop admin selectors. No DOM hooks of Loop's admin are publicly known (host-pages.md §5.3), so
 * extraction is label-anchored (§5.4): find a section by its heading, then a value by the label
 * next to it. Each table lists the alternatives and the markup they serve; the fixture's two
 * variants are A ("div soup": `.card` + `.card-title`, `.lp-row` label/value spans) and B
 * (semantic: `section` + `h2`, `dl`/`dt`/`dd`, `article` per item). Labels are English only: Loop
 * admin has no known localisation; add per-locale lists here when one is seen.
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

/** Section headings (normalised: lower case, no trailing colon). */
export const SECTION_HEADINGS = {
  returnCredits: ['return credits', 'returned items', 'items being returned', 'return items', 'items'],
  purchased: ['purchased items', 'exchange items', 'new items'],
  order: ['order', 'order details', 'order information'],
  customer: ['customer', 'customer details', 'customer information'],
  details: ['details', 'return details', 'return information'],
  totals: ['totals', 'return summary', 'summary'],
} as const;

export type SectionName = keyof typeof SECTION_HEADINGS;

/** Value labels (normalised) per field, with the variant each alternative was seen in. */
export const LABELS = {
  sku: ['sku', 'sku number'], // A, B
  price: ['price', 'unit price', 'item price'], // A: Price, B: Unit price
  quantity: ['quantity', 'qty'], // A: Quantity, B: Qty
  category: ['product type', 'category', 'type'], // A: Product type, B: Category
  variant: ['variant', 'option', 'options'],
  reason: ['reason', 'return reason'], // A: Reason, B: Return reason
  comment: ['comment', 'customer comment', 'customer note', 'note from customer', 'comments'], // A, B
  photos: ['customer photos', 'photos', 'images', 'customer images', 'attachments'], // A, B
  orderNumber: ['order', 'order name', 'order number', 'order #'], // A, B
  orderCreated: ['created', 'order date', 'ordered', 'order placed', 'placed'], // A: Created, B: Order date
  delivered: ['delivered', 'delivered on', 'delivery date'], // A: Delivered, B: Delivered on
  name: ['name', 'customer name', 'customer'],
  email: ['email', 'e-mail', 'email address'],
  country: ['country', 'country/region'],
  ordersCount: ['orders', 'lifetime orders', 'total orders', 'order count'], // A: Orders, B: Lifetime orders
  returnsCount: ['returns', 'past returns', 'previous returns', 'return count'], // A: Returns, B: Past returns
  outcome: ['outcome', 'return type', 'requested outcome', 'resolution'], // A: Outcome, B: Return type
  method: ['return method', 'shipping method', 'method'], // A: Return method, B: Shipping method
  status: ['status', 'state'], // A: Status, B: State
  created: ['return created', 'created', 'created at'], // A: Return created, B: Created
} as const;

export type LabelName = keyof typeof LABELS;

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
  finalSale: /^(?:final sale|final-sale|non-returnable|not returnable)$/i,
} as const;

/** The return id in the page heading, for when the URL does not carry it. */
export const RETURN_TITLE = {
  selectors: ['h1', '[class*="lp-title"]', '[class*="page-title"]', 'title'],
  pattern: /\bReturn\s+#?\s*(\d{3,})\b/i,
} as const;

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
  [/\brefund\b/i, 'refund'],
  [/\bexchange\b/i, 'exchange'],
  [/\bstore credit\b|\bgift ?card\b|\bshop now\b|\bcredit\b/i, 'store_credit'],
];
