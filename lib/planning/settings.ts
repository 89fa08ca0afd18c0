import { z } from 'zod';

/**
 * Planner settings: the one schema (every field has a default). The options page stores the fields
 * a person may set (`lib/settings/planning.ts` picks them from here), with these bounds.
 */
export const planSettingsSchema = z.object({
  /** Cycle service level: probability of not running out during a replenishment cycle. */
  serviceLevel: z.number().gt(0.5).lt(1).default(0.95),
  /** Days between planning reviews (R in the order-up-to level). */
  reviewPeriodDays: z.number().int().min(0).max(90).default(7),
  /** A stock count older than this many days is stale. */
  staleCountDays: z.number().int().min(0).max(365).default(7),
  /** Shopify and 3PL counts disagree when they differ by more than this percentage and these units. */
  countTolerancePct: z.number().min(0).max(100).default(10),
  countToleranceUnits: z.number().int().min(0).default(5),
  /** Stock (inventory position) covering more days than this is overstock. */
  overstockCoverDays: z.number().int().min(1).max(3650).default(180),
  /** A SKU whose first sale is more recent than this is new (human judgment, low confidence). */
  newSkuDays: z.number().int().min(1).default(56),
  /** A country or channel whose first sale of the SKU is this recent, with this share of recent units, is a first-time market. */
  firstMarketDays: z.number().int().min(1).default(28),
  firstMarketShare: z.number().min(0).max(1).default(0.2),
  /** Lead time assumed when the supplier sheet has none (the line is then low confidence). */
  defaultLeadTimeDays: z.number().min(0).default(30),
  /** History used for the forecast. */
  historyDays: z.number().int().min(28).max(1500).default(730),
  /** A channel with no orders for this many consecutive days (while it averages ≥ 1 order/day) has a gap in its history. */
  salesGapDays: z.number().int().min(1).default(3),
  /** Order only when the inventory position is at or below the reorder point ((s, S) review); false orders up to S at every review. */
  orderOnlyAtReorderPoint: z.boolean().default(true),
  /** Shopify locations whose stock the 3PL counts (regular expression, case-insensitive). */
  tplShopifyLocationPattern: z.string().default('warehouse|3pl|fulfil'),
  /** Gross margin assumed when a SKU has no sale price or no unit cost (for cash allocation only). */
  defaultMarginRate: z.number().min(0).max(1).default(0.3),
});

export type PlanSettings = z.output<typeof planSettingsSchema>;

/** Settings with every default filled in. */
export function resolveSettings(partial: Partial<PlanSettings> = {}): PlanSettings {
  return planSettingsSchema.parse(partial);
}
