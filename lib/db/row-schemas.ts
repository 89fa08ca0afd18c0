/**
 * The schema of every table's rows, for rows that come from outside the code that writes them (a
 * restored backup). Each schema is typed against the table's row type, so a field added to a row
 * type without its check here fails to compile.
 */
import { z } from 'zod';
import { AI_OPERATIONS } from '../ai/types';
import { canonicalProductSchema } from '../listings/canonical';
import { CHANNELS as LISTING_CHANNELS, VERDICTS } from '../listings/types';
import { REASON_IDS } from '../returns/taxonomy';
import { APP_IDS } from '../sites/hosts';
import type { CounterpartDB } from './schema';

const id = z.string().min(1).max(500);
const text = (max = 20_000) => z.string().max(max);
const date = z.string().max(40);
const nullableText = (max = 2000) => z.string().max(max).nullable();
const num = z.number().finite();
const nullableNum = num.nullable();
/** Values kept as JSON (details, cached plans): any JSON, bounded in size by the file itself. */
const json = z.json();

const auditActions = ['shown', 'accepted', 'edited', 'rejected', 'inserted', 'copied', 'feedback', 'sent'] as const;

const returnLine = z.object({
  id,
  returnId: text(200),
  sku: text(200),
  product: text(1000),
  createdAt: date,
  reason: z.enum(REASON_IDS),
  orderNumber: nullableText(200),
  customerEmail: nullableText(320),
  customerCountry: nullableText(10),
  title: text(1000),
  variant: nullableText(500),
  category: nullableText(200),
  price: nullableNum,
  quantity: num,
  selectedReason: text(500),
  comment: text(),
  confidence: z.number().min(0).max(1),
  mismatch: z.boolean(),
  evidence: z.array(text(2000)).max(100),
});

const channelCheck = z.object({
  checkedAt: date,
  version: num,
  verdict: z.enum(VERDICTS),
  ready: z.boolean(),
  violations: num,
  blocking: num,
  specialistOwned: z.boolean(),
  rulesVersion: text(100),
  skus: z
    .record(
      z.string().max(200),
      z.object({ ready: z.boolean(), verdict: z.enum(VERDICTS), violations: num, blocking: num }),
    )
    .optional(),
});

/** Keys the `settings` table holds: remembered column mappings and the last plan. */
const MAPPING_KEY = /^(planning|import)\.mapping\.[\w.-]{1,100}$/;

export const ROW_SCHEMAS = {
  settings: z.union([
    z.object({
      key: z.string().regex(MAPPING_KEY),
      value: z.record(z.string().max(200), z.string().max(200)),
      updatedAt: date,
    }),
    z.object({
      key: z.literal('planning.lastPlan'),
      value: z.object({ at: date, result: z.record(z.string(), json) }),
      updatedAt: date,
    }),
  ]),
  aiCache: z.object({ key: id, value: json, meta: json, storedAt: num, createdAt: date }),
  snapshots: z.object({
    id: z.number().int().positive().optional(),
    app: z.enum(APP_IDS),
    page: text(40),
    entityId: nullableText(200),
    url: z.url().max(4000),
    capturedAt: date,
    hash: text(200),
    data: json,
  }),
  audit: z.object({
    id: z.number().int().positive().optional(),
    at: date,
    kind: text(100),
    app: text(40),
    entityId: nullableText(200),
    intent: text(100).optional(),
    provider: text(100),
    model: text(200),
    action: z.enum(auditActions),
    suggestion: text(50_000).optional(),
    finalText: text(50_000).optional(),
    editDistance: num.optional(),
    note: text(100_000).optional(),
  }),
  imports: z.object({
    id: z.number().int().positive().optional(),
    source: text(100),
    fileName: text(500),
    fileHash: text(200),
    importedAt: date,
    rowsTotal: num,
    rowsAccepted: num,
    rowsRejected: num,
    rejected: z.array(z.object({ line: num, reason: text(2000) })).max(10_000),
  }),
  aiUsage: z.object({
    id: z.number().int().positive().optional(),
    at: num,
    provider: text(100),
    model: text(200),
    operation: z.enum(AI_OPERATIONS),
    inputTokens: num.optional(),
    outputTokens: num.optional(),
    cached: z.boolean(),
    fallback: z.boolean().optional(),
    durationMs: num,
  }),
  pastReplies: z.object({
    id,
    ticketId: text(200),
    subject: text(2000),
    customerText: text(50_000),
    replyText: text(50_000),
    tags: z.array(text(200)).max(200),
    createdAt: date.nullable(),
  }),
  brandExamples: z.object({
    id: z.number().int().positive().optional(),
    kind: z.enum(['intent', 'reason']),
    text: text(20_000),
    label: text(100),
    source: z.enum(['import', 'loop', 'correction']),
    was: text(100).optional(),
    at: date,
  }),
  shadowAnswers: z.object({
    id: z.number().int().positive().optional(),
    at: date,
    ticketId: text(200),
    localIntent: text(100),
    modelIntent: text(100),
    provider: text(100),
  }),
  returns: z.union([
    returnLine.extend({
      source: z.enum(['loop-page', 'loop-returns']),
      decision: text(100).optional(),
      rule: text(200).optional(),
      analysedAt: date.optional(),
    }),
    returnLine.extend({
      source: z.literal('loop-returns'),
      currency: nullableText(3),
      outcome: nullableText(200),
      state: nullableText(200),
    }),
  ]),
  salesLines: z.object({
    id,
    source: z.enum(['shopify-orders', 'amazon-orders']),
    channel: z.enum(['shopify', 'pos', 'amazon']),
    orderId: text(200),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sku: text(200),
    qty: num,
    unitPrice: nullableNum,
    currency: nullableText(3),
    country: nullableText(10),
    excluded: z.enum(['cancelled', 'refunded']).nullable(),
  }),
  inventoryCounts: z.object({
    id,
    source: z.enum(['shopify-inventory', 'fba-inventory', '3pl-onhand', 'shopify-page']),
    sku: text(200),
    location: text(500),
    onHand: num,
    available: nullableNum,
    committed: num,
    incoming: num,
    asOf: date,
  }),
  suppliers: z.object({
    id,
    sku: text(200),
    supplier: text(500),
    leadTimeDays: nullableNum,
    leadTimeSdDays: nullableNum,
    moq: nullableNum,
    casePack: nullableNum,
    unitCost: nullableNum,
    currency: nullableText(3),
  }),
  calendar: z.object({
    id,
    name: text(500),
    start: date,
    end: date,
    skus: z.array(text(200)).max(100_000),
    collection: nullableText(500),
    tag: nullableText(500),
    upliftPct: num,
  }),
  budgets: z.object({ id, start: date, end: date, amount: num, currency: nullableText(3) }),
  bundles: z.object({ id, bundleSku: text(200), componentSku: text(200), qty: num }),
  purchaseOrders: z.object({
    id,
    supplier: text(500),
    currency: nullableText(3),
    createdFor: date,
    lines: z
      .array(
        z.object({
          sku: text(200),
          qty: num,
          proposedQty: num,
          unitCost: nullableNum,
          lineTotal: nullableNum,
          moq: nullableNum,
          casePack: nullableNum,
          rationale: text(5000),
        }),
      )
      .max(100_000),
    total: num,
    budgetShare: nullableNum,
    status: z.enum(['draft', 'approved']),
    approvedAt: date.optional(),
    expectedAt: date.optional(),
    audit: z
      .array(z.object({ at: date, by: text(200), sku: text(200), from: num, to: num, note: nullableText(2000) }))
      .max(100_000),
    warnings: z.array(text(2000)).max(10_000),
  }),
  skuCatalog: z.object({
    id,
    sku: text(200),
    handle: text(500),
    title: text(1000),
    productType: text(300),
    vendor: text(300),
    tags: z.array(text(300)).max(1000),
    collections: z.array(text(300)).max(1000),
  }),
  products: z.object({
    id,
    product: canonicalProductSchema,
    version: num,
    capturedAt: date,
    updatedAt: date,
    source: text(100),
    shopifyStatus: nullableText(100),
    checks: z.partialRecord(z.enum(LISTING_CHANNELS), channelCheck),
  }),
  productHistory: z.object({
    id,
    productId: id,
    version: num,
    at: date,
    changes: z.array(z.object({ field: text(1000), before: json, after: json })).max(10_000),
  }),
  listings: z.object({
    id,
    channel: z.enum(LISTING_CHANNELS),
    sku: text(200),
    asin: nullableText(20),
    title: text(1000),
    status: z.enum(['active', 'inactive', 'suppressed', 'incomplete', 'unknown']),
    reason: nullableText(2000),
    seenAt: date,
    source: z.enum(['inventory', 'editor']),
    productId: nullableText(500),
    driftFields: z.array(text(200)).max(1000).nullable(),
    driftAt: date.nullable(),
    violations: nullableNum,
  }),
} as const;

type RowOf<T> = T extends import('dexie').Table<infer R, infer _K> ? R : never;
type TableKey = keyof typeof ROW_SCHEMAS;
// Compile-time proof that every checked row is a row of its table (and that every table has a schema).
// Sales lines are stored packed (sales-lines.ts) and checked one line at a time.
const _typed: { [K in Exclude<TableKey, 'salesLines'>]: z.ZodType<RowOf<CounterpartDB[K]>, unknown> } & {
  salesLines: z.ZodType<import('../planning/import/types').OrderLine, unknown>;
} = ROW_SCHEMAS;
void _typed;
