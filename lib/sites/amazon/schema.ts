import { z } from 'zod';
import { channelListingSchema } from '../../listings/types';
import { interpretEditorRead, interpretInventoryRead } from './interpret';

export const LISTING_STATUSES = ['active', 'inactive', 'suppressed', 'incomplete', 'unknown'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const statusSchema = z.object({
  status: z.enum(LISTING_STATUSES),
  /** The reason as shown ("Main image missing", "Out of stock"), or null. */
  reason: z.string().max(500).nullable(),
  /** Raw status text as read. */
  text: z.string().max(1000),
});

export const alertSchema = z.object({
  variant: z.string().max(40),
  text: z.string().max(2000),
});

/**
 * `data` of a listing-editor snapshot. The content script sends the page's texts; checking the
 * snapshot in the background also works out the status, store code, prices and quantity from them
 * (`interpret.ts`; idempotent).
 */
export const amazonListingEditDataSchema = z
  .object({
    /** Switcher label, e.g. "Demo Store | United States". */
    marketplace: z.string().max(200),
    /** Two-letter store code derived from the label (US, UK, DE, JP…), or null. */
    marketplaceCode: z.string().max(4).nullable(),
    marketplaceId: z.string().max(40).nullable(),
    sku: z.string().max(200).nullable(),
    asin: z.string().max(20).nullable(),
    productType: z.string().max(100).nullable(),
    /** `new` = `item_name-0-value` hosts, `old` = `item_name` hosts. */
    naming: z.enum(['new', 'old']),
    /** Every named field host and its current value. */
    fields: z.record(z.string().max(200), z.string().max(20_000)),
    /** The live listing in the checker's shape. */
    listing: channelListingSchema,
    alerts: z.array(alertSchema).max(50),
    status: statusSchema.nullable(),
    /** Editor tab the page shows (`product_details`, `offer`, `images`…); each tab is its own page. */
    tab: z.string().max(40).nullable().default(null),
    /** Quantity of the Offer tab (`fulfillment_availability#1.quantity`), or null when not on the page. */
    quantity: z.number().nullable().default(null),
    /** The quantity field's text as shown ("1.200"), or null when the page has no quantity field. */
    quantityText: z.string().max(100).nullable().default(null),
    /** Facts read, but with low certainty (a localised status word, an ambiguous number), by name. */
    lowCertainty: z.array(z.string().max(200)).max(50).default([]),
  })
  .transform(interpretEditorRead);
export type AmazonListingEditData = z.output<typeof amazonListingEditDataSchema>;
/** What the content script sends (before the background works out statuses and numbers). */
export type AmazonListingEditRead = z.input<typeof amazonListingEditDataSchema>;

export const inventoryRowSchema = z.object({
  sku: z.string().max(200),
  asin: z.string().max(20).nullable(),
  title: z.string().max(1000),
  status: z.enum(LISTING_STATUSES),
  reason: z.string().max(500).nullable(),
  status_text: z.string().max(1000),
  price: z.number().nullable(),
  available: z.number().nullable(),
  /** The price and quantity cells as shown; the numbers are read from them in the background. */
  price_text: z.string().max(100).optional(),
  available_text: z.string().max(100).optional(),
});
export type AmazonInventoryRow = z.infer<typeof inventoryRowSchema>;

/** `data` of a Manage All Inventory snapshot. */
export const amazonInventoryDataSchema = z
  .object({
    marketplace: z.string().max(200),
    layout: z.enum(['table', 'cards']),
    rows: z.array(inventoryRowSchema).max(5000),
  })
  .transform(interpretInventoryRead);
export type AmazonInventoryData = z.output<typeof amazonInventoryDataSchema>;
export type AmazonInventoryRead = z.input<typeof amazonInventoryDataSchema>;
