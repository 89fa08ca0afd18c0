import Dexie, { type Table, type Transaction } from 'dexie';
import type { HistoryRecord, ProductRecord } from '../listings/capture';
import type { ListingRecord } from '../listings/marketplace-status';
import type {
  BudgetPeriod,
  BundleComponent,
  CatalogEntry,
  InventoryCount,
  OrderLine,
  Promo,
  SupplierTerm,
} from '../planning/import/types';
import type { PoDraft } from '../planning/po';
import type { LoopReturnLine } from '../returns/loop-export';
import type { StoredReturnLine } from '../returns/service';
import { packLines, type SalesPack } from './sales-lines';

export const DB_NAME = 'counterpart';

/** Key-value settings that are not secrets and not configuration (e.g. remembered column mappings). */
export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}
/** A cached AI answer, keyed by the hash of provider, model, operation, prompt and sources. */
export interface AiCacheRow {
  key: string;
  value: unknown;
  meta: unknown;
  storedAt: number;
  createdAt: string;
}
/** A page the extension has read (one row per distinct capture of a record). */
export interface SnapshotRow {
  id?: number;
  app: string;
  page: string;
  entityId: string | null;
  url: string;
  capturedAt: string;
  hash: string;
  data: unknown;
}
/** What a person did with a suggestion (the audit log's `action`). */
export type AuditAction = 'shown' | 'accepted' | 'edited' | 'rejected' | 'inserted' | 'copied' | 'feedback' | 'sent';
/** A suggestion shown to a person and what they did with it. Written only through `lib/db/audit.ts`. */
export interface AuditRow {
  id?: number;
  at: string;
  /** `cs.draft`, `returns.decision`, `listings.apply`, `planning.edit`, … */
  kind: string;
  app: string;
  entityId: string | null;
  /** Intent, reason or rule the suggestion was about (for per-intent statistics). */
  intent?: string;
  provider: string;
  model: string;
  action: AuditAction;
  suggestion?: string;
  finalText?: string;
  editDistance?: number;
  /** JSON of the entry's details (read it with `auditDetails`). */
  note?: string;
}
/** One import run with its row report. Written only through `lib/db/imports.ts`. */
export interface ImportRow {
  id?: number;
  source: string;
  fileName: string;
  fileHash: string;
  importedAt: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  rejected: Array<{ line: number; reason: string }>;
  /** Why nothing was imported (no header, duplicate columns, unknown date order…); absent on older rows. */
  fatal?: string | null;
  /** How the file was read (absent on rows logged before encodings were detected). */
  encoding?: string | null;
  delimiter?: string | null;
  dateOrder?: { order: 'dmy' | 'mdy'; decidedBy: 'file' | 'user'; evidence: string | null } | null;
  needsDateOrder?: { examples: string[] } | null;
}
/** One AI call, for the usage view (the shape of lib/ai/usage.ts `UsageRecord`; `at` in ms since epoch). */
export interface AiUsageRow {
  id?: number;
  at: number;
  provider: string;
  model: string;
  operation: string;
  inputTokens?: number;
  outputTokens?: number;
  cached: boolean;
  fallback?: boolean;
  durationMs: number;
}
/** A past Gorgias reply (the `pastReplies` table; id `gorgias:<ticket id>`), for voice and retrieval. */
export interface PastReplyRow {
  id: string;
  ticketId: string;
  subject: string;
  customerText: string;
  replyText: string;
  tags: string[];
  createdAt: string | null;
}
/**
 * One labelled example of the brand's own (issue 15): a past ticket with its tag, a Loop return
 * with its reason, or an agent's correction in a panel. Trains the per-brand model (lib/cs/brand-model.ts).
 */
export interface BrandExampleRow {
  id?: number;
  kind: 'intent' | 'reason';
  text: string;
  label: string;
  source: 'import' | 'loop' | 'correction';
  /** What the engine had said, for a correction. */
  was?: string;
  at: string;
}

/** The local engine's answer beside the configured model's on one ticket (the shadow comparison). */
export interface ShadowAnswerRow {
  id?: number;
  at: string;
  ticketId: string;
  localIntent: string;
  modelIntent: string;
  provider: string;
}

/** A returned line (the `returns` table): analysed in the panel, or imported from a Loop export. */
export type ReturnLineRow = StoredReturnLine | LoopReturnLine;

/**
 * The one Dexie database of the extension origin. Opened by the background and by top-level
 * extension pages, never by a content script or the framed panel. Versions are kept while they
 * carry upgrades; every version has a test that opens the previous one with rows.
 */
export class CounterpartDB extends Dexie {
  settings!: Table<SettingRow, string>;
  aiCache!: Table<AiCacheRow, string>;
  snapshots!: Table<SnapshotRow, number>;
  audit!: Table<AuditRow, number>;
  imports!: Table<ImportRow, number>;
  aiUsage!: Table<AiUsageRow, number>;
  // Customer service
  pastReplies!: Table<PastReplyRow, string>;
  // Returns
  returns!: Table<ReturnLineRow, string>;
  // Planning
  /** Sales lines, many of one SKU per record: read and write them through `sales-lines.ts`. */
  salesPacks!: Table<SalesPack, string>;
  inventoryCounts!: Table<InventoryCount, string>;
  suppliers!: Table<SupplierTerm, string>;
  calendar!: Table<Promo, string>;
  budgets!: Table<BudgetPeriod, string>;
  bundles!: Table<BundleComponent, string>;
  purchaseOrders!: Table<PoDraft, string>;
  /** Collections and tags per SKU (products import), to aim promos at a collection or tag. */
  skuCatalog!: Table<CatalogEntry, string>;
  // Listings
  products!: Table<ProductRecord, string>;
  productHistory!: Table<HistoryRecord, string>;
  listings!: Table<ListingRecord, string>;
  // Per-brand language model (issue 15)
  brandExamples!: Table<BrandExampleRow, number>;
  shadowAnswers!: Table<ShadowAnswerRow, number>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_CHANGES);
    this.version(3).stores(SCHEMA_V3_CHANGES);
    this.version(4).stores(SCHEMA_V4_CHANGES);
    this.version(5).stores(SCHEMA_V5_CHANGES).upgrade(packStoredSalesLines);
  }
}

/** Schema version 1: index only what is queried. */
export const SCHEMA_V1 = {
  settings: 'key',
  aiCache: 'key, createdAt',
  snapshots: '++id, [app+entityId], capturedAt',
  audit: '++id, at, kind, [kind+action]',
  imports: '++id, source, fileHash, importedAt',
  pastReplies: 'id, ticketId',
  returns: 'id, returnId, sku, createdAt',
  salesLines: 'id, sku, date, [sku+channel]',
  inventoryCounts: 'id, sku, [sku+source], asOf',
  suppliers: 'id, supplier',
  calendar: 'id, start',
  budgets: 'id, periodStart',
  bundles: 'id, bundleSku',
  purchaseOrders: 'id, supplier, status',
  products: 'id, updatedAt',
  productHistory: 'id, productId, at',
  listings: 'id, [channel+sku], sku, status',
} as const;

/** Version 2 adds the AI usage table and an intent index on the audit log (per-intent draft stats). */
export const SCHEMA_V2_CHANGES = {
  aiUsage: '++id, at, provider',
  audit: '++id, at, kind, [kind+action], intent',
} as const;

/**
 * Version 3 adds the SKU catalogue (collections and tags per SKU) and drops indexes nothing
 * queries: sales lines are read by SKU only (the v1 `date` index named a field the rows never
 * had — they carry `day`), budgets are read whole. Fewer indexes make a 500k-line import cheaper.
 */
export const SCHEMA_V3_CHANGES = {
  salesLines: 'id, sku',
  budgets: 'id',
  skuCatalog: 'id, sku',
} as const;

/**
 * Version 4 adds the brand's labelled examples (imports, Loop reasons, panel corrections) that
 * train its own model, and the shadow answers (local engine beside the model, per ticket).
 */
export const SCHEMA_V4_CHANGES = {
  brandExamples: '++id, kind, source',
  shadowAnswers: '++id, at, ticketId',
} as const;

/**
 * Version 5 stores sales lines packed, many of one SKU per record (`salesPacks`, see
 * sales-lines.ts): IndexedDB costs about the same per record whatever its size, so a 500k-line
 * import wrote for minutes one line per record. The upgrade moves every stored line into packs.
 */
export const SCHEMA_V5_CHANGES = {
  salesLines: null,
  salesPacks: 'id, sku',
} as const;

/** Version 5's upgrade: every line of the old `salesLines` table into packs (none dropped). */
async function packStoredSalesLines(tx: Transaction): Promise<void> {
  const lines = (await tx.table('salesLines').toArray()) as OrderLine[];
  if (lines.length) await tx.table('salesPacks').bulkAdd(packLines(lines));
}

type SchemaKeys =
  | keyof typeof SCHEMA_V1
  | keyof typeof SCHEMA_V2_CHANGES
  | keyof typeof SCHEMA_V3_CHANGES
  | keyof typeof SCHEMA_V4_CHANGES
  | keyof typeof SCHEMA_V5_CHANGES;
const ALL_SCHEMAS: Record<string, string | null> = {
  ...SCHEMA_V1,
  ...SCHEMA_V2_CHANGES,
  ...SCHEMA_V3_CHANGES,
  ...SCHEMA_V4_CHANGES,
  ...SCHEMA_V5_CHANGES,
};

/** Every table name of the current schema (tables a version deleted left out). */
export const TABLE_NAMES = Object.keys(ALL_SCHEMAS).filter((t) => ALL_SCHEMAS[t] !== null) as Array<
  Exclude<SchemaKeys, 'salesLines'>
>;

let instance: CounterpartDB | undefined;

/** The single database instance of this context (created on first use, never at module load). */
export function db(): CounterpartDB {
  instance ??= new CounterpartDB();
  return instance;
}
