/**
 * Proposed message contract for planning (the integrator moves what it adopts into lib/messaging).
 * Names are verb-first and namespaced. Imports and planning run in the planner page's Web Worker;
 * the popup and the Shopify panel ask the background, which reads the last plan from Dexie.
 */
import { z } from 'zod';
import { SOURCES } from './import/sources';
import { planSettingsSchema } from './settings';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sourceId = z.enum(Object.keys(SOURCES) as [keyof typeof SOURCES, ...(keyof typeof SOURCES)[]]);

/** Header → field key (or `ignore`) for headers a source does not know; remembered per source. */
export const userMappingSchema = z.record(z.string().max(200), z.string().max(60));
/** Setting: the remembered mappings, by source id. Default `{}`. */
export const importMappingsSettingSchema = z.partialRecord(sourceId, userMappingSchema).default({});

/** `planning.import` (planner page → worker): the File travels alongside, not in JSON. */
export const importRequestSchema = z.object({
  source: sourceId,
  fileName: z.string().max(300),
  /** For exports without a date (Shopify inventory, FBA): the count date; default today. */
  asOf: day.optional(),
  userMapping: userMappingSchema.optional(),
});

export const rejectedRowSchema = z.object({ line: z.number().int(), reason: z.string(), raw: z.array(z.string()) });

/** Response of `planning.import`, and what the import report shows. */
export const importReportSchema = z.object({
  source: sourceId,
  fileName: z.string(),
  rowsRead: z.number().int(),
  records: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectedRowSchema),
  /** Order lines kept but excluded from demand, by reason. */
  excluded: z.record(z.string(), z.number().int()),
  mapping: z.record(z.string(), z.string().nullable()),
  unmappedHeaders: z.array(z.string()),
  missingRequired: z.array(z.string()),
  fatal: z.string().nullable(),
});

/** Progress events of `planning.import` (worker → page). */
export const importProgressSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number(),
  totalBytes: z.number().nullable(),
});

/** `planning.plan`: plans from what is stored. */
export const planRequestSchema = z.object({
  today: day,
  /** Overrides the budget file for the current period. */
  budget: z.number().min(0).nullable().optional(),
  settings: planSettingsSchema.partial().optional(),
  seriesFor: z.array(z.string().max(200)).max(50).optional(),
});

const channelVelocity = z.object({ shopify: z.number(), pos: z.number(), amazon: z.number() });

export const planLineSchema = z.object({
  sku: z.string(),
  supplier: z.string().nullable(),
  onHand: z.number().nullable(),
  committed: z.number(),
  incoming: z.number(),
  inventoryPosition: z.number().nullable(),
  velocityPerDay: z.number(),
  channelVelocity,
  forecastPerDay: z.number(),
  leadTimeDays: z.number(),
  leadTimeSdDays: z.number(),
  reviewPeriodDays: z.number(),
  leadTimeDemand: z.number(),
  leadTimeDemandSd: z.number(),
  safetyStock: z.number(),
  safetyStockReview: z.number(),
  reorderPoint: z.number(),
  orderUpTo: z.number(),
  neededQty: z.number().nullable(),
  orderQty: z.number().int().nullable(),
  moq: z.number().nullable(),
  casePack: z.number().nullable(),
  unitCost: z.number().nullable(),
  currency: z.string().nullable(),
  orderCost: z.number().nullable(),
  marginRate: z.number().nullable(),
  stockoutDate: day.nullable(),
  daysOfCover: z.number().nullable(),
  stockoutRisk: z.number().min(0).max(1).nullable(),
  overstock: z.boolean(),
  action: z.enum(['order', 'ok', 'overstock', 'review', 'no-demand']),
  confidence: z.enum(['high', 'medium', 'low']),
  confidenceReasons: z.array(z.string()),
  newSku: z.boolean(),
  firstMarket: z.string().nullable(),
  trendPctPerWeek: z.number().nullable(),
  seasonalFactor: z.number().nullable(),
  promos: z.array(z.object({ name: z.string(), start: day, end: day, upliftPct: z.number() })),
  rationale: z.string(),
  cash: z.object({
    status: z.enum(['funded', 'partial', 'deferred', 'unpriced', 'none']),
    fundedQty: z.number().int().nullable(),
    note: z.string().nullable(),
  }),
});

export const checkItemSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  severity: z.enum(['error', 'warning']),
  title: z.string(),
  detail: z.string(),
  skus: z.array(z.string()),
});

const budgetSchema = z.object({
  amount: z.number(),
  currency: z.string().nullable(),
  start: day.nullable(),
  end: day.nullable(),
});

export const poDraftSchema = z.object({
  id: z.string(),
  supplier: z.string(),
  currency: z.string().nullable(),
  createdFor: day,
  lines: z.array(
    z.object({
      sku: z.string(),
      qty: z.number().int(),
      proposedQty: z.number().int(),
      unitCost: z.number().nullable(),
      lineTotal: z.number().nullable(),
      moq: z.number().nullable(),
      casePack: z.number().nullable(),
      rationale: z.string(),
    }),
  ),
  total: z.number(),
  budgetShare: z.number().nullable(),
  status: z.enum(['draft', 'approved']),
  approvedAt: z.string().optional(),
  expectedAt: z.string().optional(),
  audit: z.array(
    z.object({
      at: z.string(),
      by: z.string(),
      sku: z.string(),
      from: z.number(),
      to: z.number(),
      note: z.string().nullable(),
    }),
  ),
  warnings: z.array(z.string()),
});

export const skuSeriesSchema = z.object({
  sku: z.string(),
  historyStart: day,
  sold: z.array(z.number()),
  censored: z.array(z.boolean()),
  forecastStart: day,
  forecast: z.array(z.number()),
  projectedStock: z.array(z.number()),
  reorderPoint: z.number(),
  arrivals: z.array(z.object({ day, qty: z.number(), poId: z.string() })).optional(),
});

/** Response of `planning.plan` (also what Dexie keeps as the last plan). */
export const planResultSchema = z.object({
  today: day,
  settings: planSettingsSchema,
  lines: z.array(planLineSchema),
  checklist: z.array(checkItemSchema),
  cash: z.object({
    budget: budgetSchema.nullable(),
    requested: z.number(),
    funded: z.number(),
    remaining: z.number().nullable(),
    unpriced: z.array(z.string()),
    deferred: z.array(
      z.object({
        sku: z.string(),
        supplier: z.string().nullable(),
        qty: z.number(),
        cost: z.number(),
        fundedQty: z.number(),
        reason: z.string(),
      }),
    ),
  }),
  purchaseOrders: z.array(poDraftSchema),
  demand: z.object({
    skus: z.number().int(),
    historyStart: day.nullable(),
    historyDays: z.number().int(),
    excluded: z.record(z.string(), z.object({ lines: z.number(), units: z.number() })),
    bundleLinesExpanded: z.number().int(),
  }),
  series: z.array(skuSeriesSchema),
});

/** `planning.skuView` (Shopify panel → background): the SKU's line from the last plan and its series. */
export const skuViewRequestSchema = z.object({ sku: z.string().min(1).max(200) });
export const skuViewResponseSchema = z.object({
  planToday: day.nullable(),
  line: planLineSchema.nullable(),
  series: skuSeriesSchema.nullable(),
});

/** `planning.recordSnapshot` (content script → background): counts read off a Shopify admin page. */
export const recordSnapshotRequestSchema = z.object({
  capturedAt: z.string().datetime(),
  rows: z
    .array(
      z.object({
        sku: z.string().max(200),
        location: z.string().max(300),
        available: z.number().int().nullable(),
        on_hand: z.number().int().nullable(),
        committed: z.number().int().nullable(),
        incoming: z.number().int().nullable(),
      }),
    )
    .max(5000),
});
export const recordSnapshotResponseSchema = z.object({ stored: z.number().int() });

/** `planning.editPoLine`: who and when come from the page/background, not from the payload. */
export const editPoLineRequestSchema = z.object({
  poId: z.string(),
  sku: z.string(),
  qty: z.number().int().min(0),
  note: z.string().max(500).optional(),
});
/** `planning.approvePo` / `planning.exportPo`. */
export const poIdRequestSchema = z.object({ poId: z.string() });
export const exportPoResponseSchema = z.object({ fileName: z.string(), csv: z.string() });
