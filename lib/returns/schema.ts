import { z } from 'zod';
import { REASON_IDS } from './taxonomy';

/** Outcomes a return can get. */
export const OUTCOMES = ['refund', 'exchange', 'store_credit', 'keep_item', 'deny', 'human_review'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const money = z.coerce.number().finite().min(0).max(10_000_000);

/** One returned line item. */
export const returnItemSchema = z.object({
  sku: z.string().max(200).nullish(),
  title: z.string().max(500).nullish(),
  variant: z.string().max(300).nullish(),
  price: money.nullish(),
  quantity: z.coerce.number().int().min(0).max(10_000).nullish(),
  category: z.string().max(200).nullish(),
  final_sale: z.boolean().nullish(),
});

/**
 * A return to analyse: the `analyse-return` CLI line and the `returns.analyse` message payload.
 * Only `items`, `selected_reason` and `comment` are required (issue 5 item 6).
 */
export const returnCaseSchema = z.object({
  items: z.array(returnItemSchema).min(1).max(100),
  selected_reason: z.string().max(300),
  comment: z.string().max(10_000),
  photos: z.array(z.string().max(4000)).max(20).nullish(),
  order: z
    .object({
      number: z.string().max(100).nullish(),
      created_at: z.string().max(40).nullish(),
      delivered_at: z.string().max(40).nullish(),
      country: z.string().max(2).nullish(),
    })
    .nullish(),
  customer: z
    .object({
      email: z.string().max(320).nullish(),
      name: z.string().max(200).nullish(),
      country: z.string().max(2).nullish(),
      orders_count: z.coerce.number().int().min(0).nullish(),
      returns_count: z.coerce.number().int().min(0).nullish(),
    })
    .nullish(),
  requested_outcome: z.enum(['refund', 'exchange', 'store_credit']).nullish(),
  /**
   * When the customer asked for the return (Loop's "created" date). The return window is measured
   * from delivery to this moment, not to the day someone opens the return.
   */
  created_at: z.string().max(40).nullish(),
  /** What a vision model saw in the photos, when one is configured (`no_issue_visible` allowed). */
  photo_findings: z
    .array(z.enum([...REASON_IDS, 'no_issue_visible']))
    .max(20)
    .nullish(),
  /** Returns and orders Counterpart itself has seen for this customer. */
  history: z.object({ orders: z.number().int().min(0), returns: z.number().int().min(0) }).nullish(),
});

export type ReturnCase = z.infer<typeof returnCaseSchema>;
export type ReturnItem = z.infer<typeof returnItemSchema>;

/** One line of `analyse-return` output (issue 5 item 6), also the core of `returns.analyse`'s response. */
export const analyseOutputSchema = z.object({
  reason: z.enum(REASON_IDS),
  reasons: z.array(
    z.object({
      id: z.enum(REASON_IDS),
      confidence: z.number().min(0).max(1),
      evidence: z.array(z.string()),
    }),
  ),
  mismatch: z.boolean(),
  decision: z.enum(OUTCOMES),
  rule: z.string(),
  warehouse: z.string().nullable(),
  flags: z.array(z.string()),
  /** The return window as measured: from delivery (or the order date) to the request (or `--now`). */
  window: z.object({
    from: z.string().nullable(),
    from_source: z.enum(['delivered', 'ordered']).nullable(),
    to: z.string(),
    to_source: z.enum(['requested', 'now']),
    days: z.number().nullable(),
  }),
  draft: z.string(),
});

export type AnalyseOutput = z.infer<typeof analyseOutputSchema>;
