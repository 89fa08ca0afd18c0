import type { SourceId } from '../import/sources';
import type { PlanResult } from './plan';
import type { PoDraft } from './po';
import type { PlanSettings } from './settings';

/** A file import as the planner page's worker runs it. */
export interface ImportJob {
  kind: 'import';
  id: number;
  file: File;
  source: SourceId;
  /** Count date for exports without one (Shopify inventory, FBA). */
  asOf: string;
  userMapping: Record<string, string>;
}

/** A plan over everything stored. */
export interface PlanJob {
  kind: 'plan';
  id: number;
  today: string;
  settings: Partial<PlanSettings>;
  /** How many SKUs get a chart series at most. */
  maxSeries?: number;
}

export type WorkerJob = ImportJob | PlanJob;

/** What one import did: the report the planner shows and keeps in `imports`. */
export interface ImportReport {
  source: SourceId;
  fileName: string;
  rowsRead: number;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
  /** Order lines kept but excluded from demand (cancelled, refunded). */
  excluded: Record<string, number>;
  fatal: string | null;
  ms: number;
  /** Where the time went: reading and parsing, and storing. */
  readMs: number;
  storeMs: number;
}

export type WorkerEvent =
  | { kind: 'progress'; id: number; phase: 'read' | 'store' | 'load' | 'plan'; done: number; total: number | null }
  | { kind: 'imported'; id: number; report: ImportReport }
  | { kind: 'planned'; id: number; result: PlanResult; purchaseOrders: PoDraft[]; ms: number }
  | { kind: 'error'; id: number; message: string };
