import { z } from 'zod';

/** A warehouse and the countries (ISO 3166-1 alpha-2) it receives returns from. */
export const warehouseSchema = z.object({
  id: z.string().min(1).max(60),
  countries: z.array(z.string().length(2)).max(300),
});

const EU_UK = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'GB',
  'UK',
] as const;

/**
 * Returns policy settings (options page). Every threshold is in the shop's currency. The defaults
 * are what a mid-size apparel DTC brand runs with out of the box.
 */
export const returnsConfigSchema = z.object({
  shopCountry: z.string().length(2).default('US'),
  currency: z.string().length(3).default('USD'),
  /** Days from delivery (order date when delivery is unknown) during which a return is accepted. */
  windowDays: z.number().int().min(0).max(3650).default(30),
  /** Return value at or above which a person decides. */
  highValueThreshold: z.number().min(0).default(300),
  /** Items worth less than this are refunded without asking for them back. */
  keepItBelow: z.number().min(0).default(15),
  /** Estimated cost of one return label. */
  returnShippingCost: z.number().min(0).default(8),
  /** Keep-it when the label costs more than this share of the item's value. */
  keepItShippingShare: z.number().min(0).max(10).default(0.5),
  fraudCategories: z.array(z.string().min(1).max(60)).max(50).default(['electronics', 'jewellery', 'luxury']),
  /** Extra words that mark an item as personalised, on top of the built-in ones. */
  personalisedKeywords: z.array(z.string().min(1).max(60)).max(100).default([]),
  /** What a personalised item gets: the issue sends it to a person; some brands refuse outright. */
  personalisedOutcome: z.enum(['human_review', 'deny']).default('human_review'),
  /** Serial returner: returns / orders above this… */
  serialReturnRate: z.number().min(0).max(1).default(0.5),
  /** …with at least this many orders (fewer orders say too little). */
  serialMinOrders: z.number().int().min(1).default(4),
  crossBorderReview: z.boolean().default(true),
  preferExchangeForFit: z.boolean().default(true),
  /** Store-credit bonus offered next to a refund, in percent of the refund. */
  storeCreditBonusPct: z.number().min(0).max(100).default(10),
  /** Poor-quality items under this value go to liquidation instead of inspection. */
  liquidationBelow: z.number().min(0).default(40),
  warehouses: z
    .array(warehouseSchema)
    .min(1)
    .max(50)
    .default([
      { id: 'US-East', countries: ['US', 'CA'] },
      { id: 'EU-Central', countries: [...EU_UK] },
    ]),
  /** Warehouse for countries no warehouse lists. */
  defaultWarehouse: z.string().min(1).max(60).default('US-East'),
});

export type ReturnsConfig = z.infer<typeof returnsConfigSchema>;
export type ReturnsConfigInput = z.input<typeof returnsConfigSchema>;

/** The defaults, fully filled. */
export const DEFAULT_RETURNS_CONFIG: ReturnsConfig = returnsConfigSchema.parse({});

/** Fills a partial config (from settings) with the defaults; throws on invalid values. */
export function resolveReturnsConfig(partial: ReturnsConfigInput = {}): ReturnsConfig {
  return returnsConfigSchema.parse(partial);
}

/** Built-in personalisation words, matched in item title, variant and category. */
export const PERSONALISED_KEYWORDS = [
  'custom',
  'customised',
  'customized',
  'monogram',
  'monogrammed',
  'engraved',
  'engraving',
  'personalised',
  'personalized',
  'personalisation',
  'personalization',
  'made-to-measure',
  'made to measure',
  'bespoke',
  'embroidered name',
] as const;
