import { z } from 'zod';
import { canonicalProductSchema } from '../../listings/canonical';
import { interpretProductRead } from './interpret';

const qty = z.number().int().nullable();

export const locationInventorySchema = z.object({
  location: z.string().max(300),
  available: qty,
  on_hand: qty,
  committed: qty,
  incoming: qty,
});
export type LocationInventory = z.infer<typeof locationInventorySchema>;

/**
 * `data` of a Shopify product snapshot: the canonical product plus inventory per location. The
 * content script sends variant prices and weights as the page writes them (`variantTexts`); checking
 * the snapshot in the background reads the numbers (`interpret.ts`; idempotent).
 */
export const shopifyProductDataSchema = z
  .object({
    product: canonicalProductSchema,
    inventory: z.array(locationInventorySchema).max(200),
    /**
     * The SKU the Inventory card's per-location counts belong to (its SKU field), or null when the
     * page shows no such field (a product with variants: the counts are per variant).
     */
    inventorySku: z.string().max(200).nullable().default(null),
    status: z.string().max(40).nullable(),
    /** Facts read, but with low certainty (title from the heading, rebuilt variant titles), by name. */
    lowCertainty: z.array(z.string().max(200)).max(50).default([]),
    variantTexts: z
      .array(
        z.object({
          price: z.string().max(100),
          compare_at_price: z.string().max(100),
          weight: z.string().max(100),
          comma: z.boolean(),
        }),
      )
      .max(3000)
      .optional(),
  })
  .transform(interpretProductRead);
export type ShopifyProductData = z.output<typeof shopifyProductDataSchema>;
/** What the content script sends (variant numbers still as texts). */
export type ShopifyProductRead = z.input<typeof shopifyProductDataSchema>;

export const inventoryRowSchema = z.object({
  sku: z.string().max(200),
  title: z.string().max(500),
  location: z.string().max(300),
  available: qty,
  on_hand: qty,
  committed: qty,
  incoming: qty,
});
export type InventoryRow = z.infer<typeof inventoryRowSchema>;

/** `data` of a Shopify inventory-list snapshot. */
export const shopifyInventoryDataSchema = z.object({
  location: z.string().max(300),
  rows: z.array(inventoryRowSchema).max(5000),
});
export type ShopifyInventoryData = z.infer<typeof shopifyInventoryDataSchema>;
