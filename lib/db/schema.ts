import Dexie, { type Table } from 'dexie';

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
/** A suggestion shown to a person and what they did with it. */
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
  action: 'shown' | 'accepted' | 'edited' | 'rejected' | 'inserted' | 'copied' | 'feedback' | 'sent';
  suggestion?: string;
  finalText?: string;
  editDistance?: number;
  note?: string;
}
/** One import run with its row report. */
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
/** A domain record keyed by a natural id; the process modules own the shape of `data`-like fields. */
export interface KeyedRow {
  id: string;
  [field: string]: unknown;
}

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
  pastReplies!: Table<KeyedRow, string>;
  // Returns
  returns!: Table<KeyedRow, string>;
  // Planning
  salesLines!: Table<KeyedRow, string>;
  inventoryCounts!: Table<KeyedRow, string>;
  suppliers!: Table<KeyedRow, string>;
  calendar!: Table<KeyedRow, string>;
  budgets!: Table<KeyedRow, string>;
  bundles!: Table<KeyedRow, string>;
  purchaseOrders!: Table<KeyedRow, string>;
  /** Collections and tags per SKU (products import), to aim promos at a collection or tag. */
  skuCatalog!: Table<KeyedRow, string>;
  // Listings
  products!: Table<KeyedRow, string>;
  productHistory!: Table<KeyedRow, string>;
  listings!: Table<KeyedRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_CHANGES);
    this.version(3).stores(SCHEMA_V3_CHANGES);
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

/** Every table name of the current schema. */
export const TABLE_NAMES = Object.keys({ ...SCHEMA_V1, ...SCHEMA_V2_CHANGES, ...SCHEMA_V3_CHANGES }) as Array<
  keyof typeof SCHEMA_V1 | keyof typeof SCHEMA_V2_CHANGES | keyof typeof SCHEMA_V3_CHANGES
>;

let instance: CounterpartDB | undefined;

/** The single database instance of this context (created on first use, never at module load). */
export function db(): CounterpartDB {
  instance ??= new CounterpartDB();
  return instance;
}
