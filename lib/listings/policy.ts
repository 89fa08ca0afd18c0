import type { AmazonTitlePolicy } from './types';

/** Date the 75-character Amazon title regime took effect (listing-rules §0). */
export const AMAZON_2026_EFFECTIVE = '2026-07-27';

/** The Amazon title policy in force on `today` (YYYY-MM-DD): 2026-07 from 2026-07-27 on. */
export function defaultAmazonPolicy(today: string): AmazonTitlePolicy {
  return today >= AMAZON_2026_EFFECTIVE ? 'amazon-2026-07' : 'amazon-2025-01';
}

/** The title policy setting: a regime, or `auto` to follow the date. */
export type AmazonPolicySetting = 'auto' | AmazonTitlePolicy;

/** The policy in force: the setting, or the date's regime for `auto`. */
export function resolvePolicy(
  setting: AmazonPolicySetting,
  today: string,
): { policy: AmazonTitlePolicy; auto: boolean } {
  return setting === 'auto' ? { policy: defaultAmazonPolicy(today), auto: true } : { policy: setting, auto: false };
}

/** Media product types keep the 200-character title in both regimes. */
export function isMediaType(productType: string | undefined): boolean {
  return /BOOK|MUSIC|VIDEO|DVD|MOVIE|SOFTWARE|ABIS_MUSIC/i.test(productType ?? '');
}

/** Stores excluded from the 2026 title requirements. */
export const TITLE_EXEMPT_STORES = new Set(['SA', 'EG', 'TR', 'AE']);

/** Amazon title character limit for a policy and product type. */
export function amazonTitleMax(
  policy: AmazonTitlePolicy,
  productType: string | undefined,
  marketplace?: string,
): number {
  if (isMediaType(productType)) return 200;
  if (policy === 'amazon-2026-07' && TITLE_EXEMPT_STORES.has((marketplace ?? '').toUpperCase())) return 200;
  return policy === 'amazon-2026-07' ? 75 : 200;
}

/** Search-term byte limit (exclusive upper bound) by store: 250 most, 200 India, 500 Japan. */
export function searchTermByteLimit(marketplace: string | undefined): number {
  const m = (marketplace ?? '').toUpperCase();
  if (m === 'IN') return 200;
  if (m === 'JP') return 500;
  return 250;
}
