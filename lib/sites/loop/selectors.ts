/**
 * Loop admin selectors. No DOM hooks of Loop's admin are publicly known (host-pages.md §5.3), so
 * extraction is label-anchored (§5.4): find a section by its heading, then a value by the label
 * next to it. Each table lists the alternatives and the markup they serve; the fixture's two
 * variants are A ("div soup": `.card` + `.card-title`, `.lp-row` label/value spans) and B
 * (semantic: `section` + `h2`, `dl`/`dt`/`dd`, `article` per item), plus the evidence-built
 * variants (headings with counts, inline "SKU: …", item tables, a drawer, the photo overlay). Labels
 * come from `lib/sites/labels.ts` in en/de/fr/es/ja (Loop's admin localisation is unverified).
 */
import { LOOP_LABELS, labelsOf } from '../labels';

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

/** Section headings in the five languages (normalised: lower case, no trailing colon, no "(n)" count). */
export const SECTION_HEADINGS = {
  returnCredits: labelsOf(LOOP_LABELS, 'returnCredits'),
  purchased: labelsOf(LOOP_LABELS, 'purchased'),
  order: labelsOf(LOOP_LABELS, 'order'),
  customer: labelsOf(LOOP_LABELS, 'customer'),
  details: labelsOf(LOOP_LABELS, 'details'),
  totals: labelsOf(LOOP_LABELS, 'totals'),
} as const;
export type SectionName = keyof typeof SECTION_HEADINGS;

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
/** Value labels per field in the five languages (`lib/sites/labels.ts`: English seen in both fixture markups, A and B). */
export const LABELS = Object.fromEntries(FIELD_LABELS.map((k) => [k, labelsOf(LOOP_LABELS, k)])) as Record<
  (typeof FIELD_LABELS)[number],
  readonly string[]
>;
export type LabelName = (typeof FIELD_LABELS)[number];

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
  finalSale: labelsOf(LOOP_LABELS, 'finalSale'),
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
  'offen',
  'geschlossen',
  'ouvert',
  'fermé',
  'abierto',
  'cerrado',
  'オープン',
  '要確認',
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
