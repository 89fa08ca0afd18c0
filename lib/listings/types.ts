import { z } from 'zod';
import { imageMetaSchema } from './canonical';

export const CHANNELS = ['amazon', 'walmart', 'ebay', 'target', 'faire', 'shopify'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SEVERITIES = ['blocks_submission', 'suppresses_listing', 'recommendation'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AMAZON_POLICIES = ['amazon-2025-01', 'amazon-2026-07'] as const;
export type AmazonTitlePolicy = (typeof AMAZON_POLICIES)[number];

/**
 * A listing as a channel sees it: the `check-listing` input of issue 7 (all optional but title)
 * plus the optional fields some channels have (highlights, subtitle, SEO, variants).
 * Rule knobs with no field of their own (marketplace, pack quantity, wholesale/retail, case size…)
 * are read from `attributes` (see `attr.ts`).
 */
export const channelListingSchema = z.object({
  title: z.string().max(20_000),
  bullets: z.array(z.string().max(20_000)).max(50).optional(),
  description: z.string().max(1_000_000).optional(),
  search_terms: z.string().max(20_000).optional(),
  brand: z.string().max(500).optional(),
  product_type: z.string().max(300).optional(),
  item_type_keyword: z.string().max(300).optional(),
  gtin: z.string().max(64).optional(),
  price: z.number().optional(),
  list_price: z.number().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  images: z
    .array(imageMetaSchema.partial({ url: true, alt: true }))
    .max(100)
    .optional(),
  highlights: z.string().max(5000).optional(),
  subtitle: z.string().max(1000).optional(),
  seo_title: z.string().max(5000).optional(),
  seo_description: z.string().max(20_000).optional(),
  handle: z.string().max(1000).optional(),
  tags: z.array(z.string().max(1000)).max(5000).optional(),
  options: z
    .array(z.object({ name: z.string().max(1000), values: z.array(z.string().max(1000)).max(5000) }))
    .max(20)
    .optional(),
  variants: z
    .array(
      z.object({
        sku: z.string().max(200).default(''),
        gtin: z.string().max(64).optional(),
        price: z.number().optional(),
        compare_at_price: z.number().optional(),
        options: z.array(z.string().max(1000)).max(20).default([]),
      }),
    )
    .max(5000)
    .optional(),
});
export type ChannelListing = z.infer<typeof channelListingSchema>;

export interface Finding {
  rule: string;
  /** Field path: `title`, `bullets[2]`, `images[0]`, `variants[1].gtin`, `search_terms`. */
  field: string;
  severity: Severity;
  message: string;
  /** Replacement value for `field` when the rule can fix it mechanically. */
  fix?: unknown;
}

export interface CheckContext {
  channel: Channel;
  policy: AmazonTitlePolicy;
  /** ISO date (YYYY-MM-DD) the check runs on. */
  today: string;
}

/** A rule of a channel table: data plus a check that returns zero or more findings. */
export interface Rule {
  id: string;
  /** The field the rule is about (findings may name a more precise path). */
  field: string;
  /** The worst severity the rule reports; a finding may carry a milder one (e.g. a 500–999 px image). */
  severity: Severity;
  message: string;
  /** True where the reference lists the rule or its number as uncertain; the message then starts "uncertain:". */
  uncertain?: boolean;
  check(listing: ChannelListing, ctx: CheckContext): Omit<Finding, 'rule'>[];
}

export const VERDICTS = ['pass', 'warn', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
}

/** A rules table with its version, so stored check results can say which rules they ran. */
export interface RuleTable {
  channel: Channel | 'gtin';
  /** Date of the reference the table follows, plus a revision. */
  version: string;
  rules: Rule[];
}
