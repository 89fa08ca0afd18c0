import type { DateOrder, ImportResult } from '../import/core';
import type { Delimiter, TextEncoding } from '../import/sniff';
import type { SourceId } from './import/sources';
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
  /** The day/month order the user chose after the file did not tell (`needsDateOrder`). */
  dateOrder?: DateOrder;
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

/** Stops a running import (rows stored so far stay; importing the file again completes them). */
export interface CancelJob {
  kind: 'cancel';
  id: number;
  /** The import job to stop. */
  target: number;
}

export type WorkerJob = ImportJob | PlanJob | CancelJob;

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
  /** Rows that carry nothing to import, by why (e.g. Shopify's image-only product rows): not errors. */
  skipped?: Record<string, number>;
  fatal: string | null;
  ms: number;
  /**
   * Where the time went: reading and parsing (without the time the parser waited for storage),
   * and storing (the rest: rows are stored while the file is parsed).
   */
  readMs: number;
  storeMs: number;
  /** How the import found out what was stored: nothing yet, one table scan, per-key lookups, or the worker's memory. */
  storeMode?: 'empty' | 'scan' | 'lookup' | 'memory';
  /** Rows written (new or changed); 0 for a file imported again. */
  written?: number;
  /** How the file was read: its encoding and delimiter (sniffed from its first bytes). */
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** The day/month order of its slash dates and what decided it (a line of the file, or the user). */
  dateOrder: ImportResult<unknown>['dateOrder'];
  /** Set when its dates do not tell the order: the planner asks, then imports again with `dateOrder`. */
  needsDateOrder: ImportResult<unknown>['needsDateOrder'];
}

/** Where a plan's time went (ms): loading the stored data, planning, keeping the plan. */
export interface PlanPhases {
  loadMs: number;
  planMs: number;
  saveMs: number;
  /** True when the sales lines came from the worker's memory instead of IndexedDB. */
  salesCached: boolean;
}

export type WorkerEvent =
  | {
      kind: 'progress';
      id: number;
      phase: 'read' | 'store' | 'load' | 'plan';
      done: number;
      total: number | null;
      /** Imports: rows built and rows stored so far (storing runs while reading). */
      records?: number;
      stored?: number;
    }
  | { kind: 'imported'; id: number; report: ImportReport }
  | { kind: 'planned'; id: number; result: PlanResult; purchaseOrders: PoDraft[]; ms: number; phases?: PlanPhases }
  | { kind: 'error'; id: number; message: string };
