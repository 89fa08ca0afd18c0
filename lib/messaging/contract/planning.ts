import { z } from 'zod';
import { defineMessage } from '../define';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const channelVelocity = z.object({ shopify: z.number(), pos: z.number(), amazon: z.number() });

/** One SKU of the Shopify page as the planner sees it. */
export const skuSummarySchema = z.object({
  sku: z.string(),
  /** False when the SKU has no sales in the imported data (nothing to plan from). */
  inPlan: z.boolean(),
  onHand: z.number().nullable(),
  velocityPerDay: z.number(),
  channelVelocity,
  daysOfCover: z.number().nullable(),
  stockoutDate: day.nullable(),
  reorderPoint: z.number(),
  orderQty: z.number().int().nullable(),
  supplier: z.string().nullable(),
  leadTimeDays: z.number(),
  action: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  confidenceReasons: z.array(z.string()),
  rationale: z.string(),
  needsAction: z.boolean(),
});
export type SkuSummary = z.infer<typeof skuSummarySchema>;

export const planningMessages = {
  /**
   * Shopify product/inventory panel: records the page's per-location counts as a timestamped
   * snapshot and answers the plan of the page's SKUs. The SKUs come from the tab's snapshot in
   * the background, never from the payload.
   */
  'planning.skuSummary': defineMessage({
    request: z.object({}).strict(),
    response: z.object({
      today: day,
      /** Anything imported at all (orders, counts or suppliers). */
      hasData: z.boolean(),
      /** Counts recorded from this page now, and when the page was read. */
      recorded: z.number().int(),
      capturedAt: z.string().nullable(),
      /** The SKU the page's location counts belong to. */
      countsSku: z.string().nullable(),
      /** The product page shows location counts that cannot be tied to one SKU (nothing recorded). */
      untiedCounts: z.boolean(),
      skus: z.array(skuSummarySchema).max(50),
      /** SKUs on the page beyond the ones answered. */
      more: z.number().int(),
    }),
    senders: ['panel'],
  }),
} as const;
