import { z } from 'zod';
import { returnsConfigSchema } from '../../returns/config';
import { OUTCOMES } from '../../returns/schema';
import { REASON_IDS } from '../../returns/taxonomy';
import { defineMessage, type MessageDef } from '../define';

const spanSchema = z.object({
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  negated: z.boolean(),
});

const providerNoteSchema = z.object({
  provider: z.string(),
  model: z.string(),
  cached: z.boolean(),
  fallback: z.boolean(),
  notice: z.string().nullable(),
});

/** Everything the returns panel shows for the return on screen. */
export const returnAnalysisSchema = z.object({
  returnId: z.string(),
  /** The customer's comment as read (null when the page did not show one), for highlighting. */
  comment: z.string().nullable(),
  selectedReason: z.string().nullable(),
  /** How many customer photos the page showed (they go to the model only when it is vision-capable). */
  photos: z.number().int().min(0),
  /** A vision model looked at the photos. */
  photosChecked: z.boolean(),
  classification: z.object({
    reason: z.enum(REASON_IDS),
    reasons: z.array(z.object({ id: z.enum(REASON_IDS), confidence: z.number(), evidence: z.array(spanSchema) })),
    dropdown: z.array(z.enum(REASON_IDS)),
    mismatch: z.boolean(),
    safety: z.array(spanSchema),
    basis: z.enum(['comment', 'dropdown']),
    /** The reason is unsure (issue 15): the candidates to ask the returns lead about, and the question. */
    doubt: z
      .object({ candidates: z.array(z.enum(REASON_IDS)).min(1).max(4), question: z.string().max(200) })
      .nullable(),
    /** The brand's own data changed the reason or settled the doubt: what the shipped engine said, and who decided. */
    learned: z.object({ was: z.enum(REASON_IDS), by: z.enum(['pick', 'model']) }).nullable(),
  }),
  decision: z.object({
    decision: z.enum(OUTCOMES),
    rule: z.string(),
    ruleName: z.string(),
    ruleText: z.string(),
    humanReview: z.array(z.object({ rule: z.string(), text: z.string() })),
    warehouse: z.string().nullable(),
    disposition: z.enum(['restock', 'inspection', 'liquidation']).nullable(),
    flags: z.array(z.object({ id: z.string(), text: z.string(), severity: z.enum(['review', 'warn', 'info']) })),
    value: z.number().nullable(),
    currency: z.string(),
    offers: z.array(
      z.object({
        outcome: z.enum(['store_credit', 'refund', 'exchange']),
        amount: z.number().nullable(),
        bonusPct: z.number().optional(),
        rule: z.string(),
      }),
    ),
    /** The dates the window rule judged by: delivery (or order) to the request (or, failing that, now). */
    window: z.object({
      from: z.string().nullable(),
      fromSource: z.enum(['delivered', 'ordered']).nullable(),
      to: z.string(),
      toSource: z.enum(['requested', 'now']),
      days: z.number().nullable(),
    }),
  }),
  reply: z.object({
    draft: z.string(),
    citations: z.array(z.object({ kind: z.enum(['policy', 'order', 'item']), ref: z.string(), text: z.string() })),
    lang: z.enum(['en', 'de']),
    flagged: z.array(z.object({ start: z.number(), end: z.number(), text: z.string(), kind: z.string() })),
  }),
  provider: z.object({ classify: providerNoteSchema, draft: providerNoteSchema }),
  /** Returns and orders of this customer Counterpart has seen (current one included). */
  history: z.object({ orders: z.number(), returns: z.number() }).nullable(),
  /** Ids of the stored lines (`${returnId}:${sku}`). */
  stored: z.array(z.string()),
});
export type ReturnAnalysis = z.infer<typeof returnAnalysisSchema>;

const insightsQuery = z
  .object({ by: z.enum(['sku', 'product']).default('sku'), period: z.enum(['week', 'month']).default('week') })
  .strict();

const alertSchema = z.object({
  key: z.string(),
  group: z.enum(['defect', 'sizing']),
  count: z.number(),
  total: z.number(),
  share: z.number(),
  baseline: z.number(),
  pValue: z.number(),
  windowStart: z.string(),
  windowEnd: z.string(),
  test: z.string(),
});

export const insightsResponseSchema = z.object({
  lines: z.number(),
  returns: z.number(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  baseline: z.object({ defect: z.number(), sizing: z.number(), total: z.number() }),
  keys: z.array(
    z.object({
      key: z.string(),
      total: z.number(),
      defectShare: z.number(),
      sizingShare: z.number(),
      topReason: z.string(),
    }),
  ),
  rows: z.array(
    z.object({
      key: z.string(),
      period: z.string(),
      total: z.number(),
      counts: z.record(z.string(), z.number()),
      defectShare: z.number(),
      sizingShare: z.number(),
    }),
  ),
  periods: z.array(z.string()),
  alerts: z.array(alertSchema),
  test: z.object({ alpha: z.number(), windowDays: z.number(), minReturns: z.number(), minGroupReturns: z.number() }),
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;

/** Messages of the returns process (see lib/returns/). */
export const returnsMessages = {
  /**
   * Panel → background: analyse the return its tab shows. The return is read from the tab's
   * snapshot in the background, never from the payload; `draft: 'model'` asks the configured model
   * to write the reply (a user action), otherwise the local template is used.
   */
  'returns.analyse': defineMessage({
    request: z.object({ draft: z.enum(['local', 'model']).default('local') }).strict(),
    response: returnAnalysisSchema,
    senders: ['panel'],
  }),
  /** Panel → background: what the person did with a suggestion (audit log). */
  'returns.recordOutcome': defineMessage({
    request: z
      .object({
        returnId: z.string().min(1).max(40),
        action: z.enum(['copied', 'feedback']),
        rating: z.enum(['good', 'bad']).optional(),
        decision: z.enum(OUTCOMES),
        rule: z.string().max(80),
        reason: z.enum(REASON_IDS),
        provider: z.string().max(60),
        model: z.string().max(200),
        suggestion: z.string().max(20_000).optional(),
        note: z.string().max(1000).optional(),
      })
      .strict(),
    response: z.object({ recorded: z.boolean() }),
    senders: ['panel'],
  }),
  /** Insights page: reasons per SKU or product over time, baseline and alerts, from every stored line. */
  'returns.insights': defineMessage({
    request: insightsQuery,
    response: insightsResponseSchema,
    senders: ['page'],
  }),
  /** Insights page: the per-key per-period aggregates as CSV. */
  'returns.exportCsv': defineMessage({
    request: insightsQuery,
    response: z.object({ csv: z.string(), fileName: z.string(), rows: z.number() }),
    senders: ['page'],
  }),
  /** Panel and pages: the returns policy in force (defaults filled; shop country and currency from the brand). */
  'returns.getConfig': defineMessage({
    request: z.object({}).strict(),
    response: returnsConfigSchema,
    senders: ['panel', 'page'],
  }),
  /** Options page: saves the returns policy (validated again here). */
  'returns.saveConfig': defineMessage({
    request: z.object({ config: returnsConfigSchema }).strict(),
    response: returnsConfigSchema,
    senders: ['page'],
  }),
} as const satisfies Record<string, MessageDef>;
