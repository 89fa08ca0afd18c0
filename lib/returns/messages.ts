import { z } from 'zod';
import { defineMessage } from '../messaging/define';
import { returnsConfigSchema } from './config';
import { OUTCOMES, returnCaseSchema } from './schema';
import { REASON_IDS } from './taxonomy';

/**
 * Proposed `returns.*` messages for the contract (lib/messaging is the integrator's; this file only
 * defines the shapes so they can be added there as they are). The panel sends the return it shows
 * (from the Loop snapshot via `toReturnCase`, or pasted by hand); the background runs
 * `analyseReturn`, stores the analysed lines and answers with everything the panel displays.
 */

const spanSchema = z.object({
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  weight: z.number(),
  negated: z.boolean(),
});

export const analyseRequestSchema = z
  .object({
    case: returnCaseSchema,
    /** Where the case came from; the background keys the stored record and the cache by it. */
    source: z.object({ app: z.literal('loop'), returnId: z.string().max(40) }).nullable(),
    lang: z.enum(['en', 'de']).default('en'),
  })
  .strict();

export const analyseResponseSchema = z.object({
  classification: z.object({
    reason: z.enum(REASON_IDS),
    reasons: z.array(z.object({ id: z.enum(REASON_IDS), confidence: z.number(), evidence: z.array(spanSchema) })),
    dropdown: z.array(z.enum(REASON_IDS)),
    mismatch: z.boolean(),
    safety: z.array(spanSchema),
    basis: z.enum(['comment', 'dropdown']),
    /** `local` or the model that classified (when a provider is configured and its answer validated). */
    engine: z.string(),
  }),
  decision: z.object({
    decision: z.enum(OUTCOMES),
    rule: z.string(),
    ruleText: z.string(),
    humanReview: z.array(z.string()),
    warehouse: z.string().nullable(),
    disposition: z.enum(['restock', 'inspection', 'liquidation']).nullable(),
    flags: z.array(z.string()),
    value: z.number().nullable(),
    offers: z.array(
      z.object({
        outcome: z.enum(['store_credit', 'refund', 'exchange']),
        amount: z.number().nullable(),
        bonusPct: z.number().optional(),
        rule: z.string(),
      }),
    ),
  }),
  reply: z.object({
    draft: z.string(),
    citations: z.array(z.object({ kind: z.enum(['policy', 'order', 'item']), ref: z.string(), text: z.string() })),
    lang: z.enum(['en', 'de']),
  }),
  /** Ids of the stored lines (`${returnId}:${sku}`); empty when `source` is null. */
  stored: z.array(z.string()),
});

export const returnsMessages = {
  /** Panel → background: analyse the return on screen (and store it for insights). */
  'returns.analyse': defineMessage({
    request: analyseRequestSchema,
    response: analyseResponseSchema,
    senders: ['panel'],
  }),
  /** Options page → background: read the policy settings (defaults filled). */
  'returns.getConfig': defineMessage({
    request: z.object({}).strict(),
    response: returnsConfigSchema,
    senders: ['panel', 'page'],
  }),
};
