/** The return-reason taxonomy (issue 5): ids are stable and stored with every analysed return. */
export const REASON_IDS = [
  'too_small',
  'too_large',
  'fit_other',
  'defective',
  'poor_quality',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'not_as_described',
  'arrived_late',
  'changed_mind',
  'ordered_multiple',
  'duplicate_order',
  'better_price',
  'unwanted_gift',
  'other',
] as const;

export type ReasonId = (typeof REASON_IDS)[number];

/** Human labels for the panel and CSV exports. */
export const REASON_LABELS = {
  too_small: 'Too small',
  too_large: 'Too large',
  fit_other: 'Fit (other)',
  defective: 'Defective',
  poor_quality: 'Poor quality',
  damaged_in_transit: 'Damaged in transit',
  wrong_item: 'Wrong item',
  missing_parts: 'Missing parts',
  not_as_described: 'Not as described',
  arrived_late: 'Arrived late',
  changed_mind: 'Changed mind',
  ordered_multiple: 'Ordered multiple',
  duplicate_order: 'Duplicate order',
  better_price: 'Better price',
  unwanted_gift: 'Unwanted gift',
  other: 'Other',
} as const satisfies Record<ReasonId, string>;

/**
 * Groups used by analytics and routing. `defect` is "defect + damage" of the insights page: the
 * item came back unfit to sell for a reason the brand or its carrier owns.
 */
export const REASON_GROUPS = {
  defect: ['defective', 'poor_quality', 'damaged_in_transit'],
  sizing: ['too_small', 'too_large', 'fit_other'],
  fulfilment: ['wrong_item', 'missing_parts', 'arrived_late'],
  expectation: ['not_as_described'],
  preference: ['changed_mind', 'ordered_multiple', 'duplicate_order', 'better_price', 'unwanted_gift'],
  other: ['other'],
} as const satisfies Record<string, readonly ReasonId[]>;

export type ReasonGroup = keyof typeof REASON_GROUPS;

/** The group a reason belongs to. */
export function groupOf(reason: ReasonId): ReasonGroup {
  for (const [group, ids] of Object.entries(REASON_GROUPS) as [ReasonGroup, readonly ReasonId[]][]) {
    if (ids.includes(reason)) return group;
  }
  return 'other';
}

/** Reasons where the brand or carrier is at fault: final-sale and window rules do not refuse these outright. */
export const FAULT_REASONS: readonly ReasonId[] = [
  'defective',
  'poor_quality',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
];

/** True when `value` is one of the taxonomy ids. */
export function isReasonId(value: string): value is ReasonId {
  return (REASON_IDS as readonly string[]).includes(value);
}

/**
 * Loop dropdown texts (parent and child reasons as merchants commonly configure them) → the
 * reasons they are compatible with; the first is the id the dropdown stands for. A comment whose
 * reason is outside the list is a mismatch. Keys are normalised (lower case, single spaces).
 */
const DROPDOWN_TABLE: Record<string, readonly ReasonId[]> = {
  'too small': ['too_small'],
  'too tight': ['too_small'],
  'runs small': ['too_small'],
  'too big': ['too_large'],
  'too large': ['too_large'],
  'too loose': ['too_large'],
  'runs large': ['too_large'],
  'runs big': ['too_large'],
  size: ['fit_other', 'too_small', 'too_large'],
  sizing: ['fit_other', 'too_small', 'too_large'],
  fit: ['fit_other', 'too_small', 'too_large'],
  "didn't fit": ['fit_other', 'too_small', 'too_large'],
  'did not fit': ['fit_other', 'too_small', 'too_large'],
  'too long': ['fit_other'],
  'too short': ['fit_other'],
  'damaged/defective': ['defective', 'damaged_in_transit', 'poor_quality'],
  'damaged / defective': ['defective', 'damaged_in_transit', 'poor_quality'],
  'damaged or defective': ['defective', 'damaged_in_transit', 'poor_quality'],
  defective: ['defective', 'poor_quality'],
  damaged: ['damaged_in_transit', 'defective'],
  'arrived damaged': ['damaged_in_transit', 'defective'],
  quality: ['poor_quality', 'defective'],
  'poor quality': ['poor_quality', 'defective'],
  'quality not as expected': ['poor_quality', 'not_as_described'],
  'wrong item': ['wrong_item'],
  'wrong item received': ['wrong_item'],
  'wrong item sent': ['wrong_item'],
  'received wrong item': ['wrong_item'],
  'missing parts': ['missing_parts'],
  'missing items': ['missing_parts'],
  'not as described': ['not_as_described'],
  'not as pictured': ['not_as_described'],
  "doesn't match description": ['not_as_described'],
  'arrived too late': ['arrived_late'],
  'arrived late': ['arrived_late'],
  'changed my mind': ['changed_mind'],
  'no longer needed': ['changed_mind'],
  'no longer wanted': ['changed_mind'],
  style: ['changed_mind'],
  "didn't like it": ['changed_mind'],
  'ordered multiple sizes': ['ordered_multiple'],
  'ordered more than one size': ['ordered_multiple'],
  'ordered multiple': ['ordered_multiple'],
  'duplicate order': ['duplicate_order'],
  'ordered by mistake': ['duplicate_order', 'changed_mind'],
  'found a better price': ['better_price'],
  'better price': ['better_price'],
  'better price available': ['better_price'],
  gift: ['unwanted_gift'],
  'unwanted gift': ['unwanted_gift'],
  'gift return': ['unwanted_gift'],
  other: ['other'],
};

function normaliseDropdown(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Maps a Loop dropdown reason ("Size > Too small", "Changed my mind", a taxonomy id) to the
 * reasons it is compatible with, most specific level first (child before parent). Unknown texts
 * map to `['other']` so they never cause a mismatch on their own.
 */
export function reasonsFromDropdown(text: string | null | undefined): readonly ReasonId[] {
  if (!text) return ['other'];
  const parts = text
    .split(/\s*(?:>|›|»|\/\/)\s*/)
    .map(normaliseDropdown)
    .filter(Boolean);
  // A child "Other" ("Size > Other") says less than its parent: fall through to the parent.
  for (const part of [...parts].reverse()) {
    if (part === 'other') continue;
    if (isReasonId(part.replace(/ /g, '_'))) return [part.replace(/ /g, '_') as ReasonId];
    const hit = DROPDOWN_TABLE[part];
    if (hit) return hit;
  }
  const whole = DROPDOWN_TABLE[normaliseDropdown(text)];
  return whole ?? ['other'];
}
