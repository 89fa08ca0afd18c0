/**
 * PROPOSED message contract for the listings process, ready to be copied into
 * lib/messaging/contract/listings.ts by the integrator (this folder does not edit lib/messaging).
 * Every response schema here is tested against the real outputs in messages.test.ts.
 */
import { z } from 'zod';
import { defineMessage } from '../messaging/define';
import { canonicalProductSchema } from './model';
import { AMAZON_POLICIES, CHANNELS, channelListingSchema, SEVERITIES, VERDICTS } from './types';

export const channelSchema = z.enum(CHANNELS);
export const amazonPolicySettingSchema = z.enum(['auto', ...AMAZON_POLICIES]);

export const findingSchema = z.object({
  rule: z.string().max(60),
  field: z.string().max(200),
  severity: z.enum(SEVERITIES),
  message: z.string().max(2000),
  fix: z.unknown().optional(),
});

export const checkResultSchema = z.object({ verdict: z.enum(VERDICTS), findings: z.array(findingSchema).max(2000) });

export const priceFlagSchema = z.object({
  sku: z.string(),
  field: z.enum(['price', 'list_price']),
  proposed: z.number().nullable(),
  current: z.number().nullable(),
  message: z.string(),
});

export const derivedVariantSchema = z.object({
  channel: channelSchema,
  productId: z.string(),
  skus: z.array(z.string()),
  listing: channelListingSchema,
  findings: z.array(findingSchema),
  verdict: z.enum(VERDICTS),
  ready: z.boolean(),
  specialistOwned: z.boolean(),
  applyMode: z.enum(['bulk', 'suggestion']),
  priceFlags: z.array(priceFlagSchema),
  transforms: z.array(z.string()),
  policy: z.enum(AMAZON_POLICIES),
  rulesVersion: z.string(),
});

export const driftEntrySchema = z.object({
  field: z.string(),
  canonical: z.union([z.string(), z.number()]).nullable(),
  live: z.union([z.string(), z.number()]).nullable(),
  status: z.enum(['same', 'changed', 'missing_live', 'missing_canonical']),
});

export const canonicalChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

/** Catalogue status per product × channel (issue 7 item 5). */
export const CATALOGUE_STATUSES = ['draft', 'ready', 'submitted', 'live', 'suppressed'] as const;

/** Settings (options page), proposed shape and defaults. */
export const listingsSettingsSchema = z.object({
  /** The brand's protected list: top sellers and hero products; suggestions only, prices flagged. */
  protectedSkus: z.array(z.string().max(200)).max(5000).default([]),
  /** `auto` follows the date (2026-07 regime from 2026-07-27). */
  amazonTitlePolicy: amazonPolicySettingSchema.default('auto'),
  /** Faire wholesale = retail × ratio. */
  faireWholesaleRatio: z.number().min(0.1).max(0.8).default(0.5),
  /** Channels shown in the catalogue. */
  channels: z.array(channelSchema).default(['amazon', 'walmart', 'ebay']),
});

export const LISTINGS_MESSAGES_PROPOSAL = {
  /** Content script (Shopify product page) or panel: store the captured product as canonical, with history. */
  'listings.saveCanonical': defineMessage({
    request: z.object({ product: canonicalProductSchema }).strict(),
    response: z.object({ productId: z.string(), version: z.number().int(), changes: z.array(canonicalChangeSchema) }),
    senders: ['panel'],
  }),
  /** Check a listing against a channel (panel on the Seller Central editor, catalogue bulk check). */
  'listings.check': defineMessage({
    request: z
      .object({ channel: channelSchema, listing: channelListingSchema, policy: z.enum(AMAZON_POLICIES).optional() })
      .strict(),
    response: checkResultSchema,
    senders: ['panel', 'page'],
  }),
  /** Derive (and store) the channel variant of a canonical product; protected SKUs come back as suggestions. */
  'listings.derive': defineMessage({
    request: z.object({ productId: z.string().max(100), channel: channelSchema }).strict(),
    response: derivedVariantSchema,
    senders: ['panel', 'page'],
  }),
  /** Drift between the stored variant and the live listing the panel just read. */
  'listings.drift': defineMessage({
    request: z.object({ productId: z.string().max(100), channel: channelSchema, live: channelListingSchema }).strict(),
    response: z.object({ entries: z.array(driftEntrySchema) }),
    senders: ['panel'],
  }),
  /** Record listing statuses read from Manage All Inventory (or the editor's alert). */
  'listings.recordStatus': defineMessage({
    request: z
      .object({
        channel: channelSchema,
        rows: z
          .array(
            z.object({
              sku: z.string().max(200),
              status: z.enum(['active', 'inactive', 'suppressed', 'incomplete', 'unknown']),
              reason: z.string().max(500).nullable(),
            }),
          )
          .max(5000),
      })
      .strict(),
    response: z.object({ recorded: z.number().int() }),
    senders: ['panel'],
  }),
  /** Feed file of the ready variants of one channel. */
  'listings.exportFeed': defineMessage({
    request: z.object({ channel: channelSchema, format: z.enum(['csv', 'tsv']) }).strict(),
    response: z.object({ filename: z.string(), content: z.string(), rows: z.number().int() }),
    senders: ['page'],
  }),
};
