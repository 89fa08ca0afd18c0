import { z } from 'zod';
import { type DateOrder, type ImportResult, importText, matchHeader, type SourceSpec } from '../import/core';
import { type Delimiter, decodeBytes, detectDelimiter, type TextEncoding } from '../import/sniff';
import { reorderPoint } from './formulas';
import { SOURCES, type SourceId } from './import/sources';
import type { BundleComponent, CatalogEntry, InventoryCount, OrderLine, Promo, SupplierTerm } from './import/types';
import { type PlanResult, planReorder } from './plan';
import { planInputFrom } from './plan-input';
import type { PlanLine } from './reorder-line';
import type { PlanSettings } from './settings';
import { type UnusableFile, unusableReason } from './unusable-files';

type AnySpec = SourceSpec<string, { id: string }>;

/** Picks the source among `candidates` whose known columns best match the file's first lines. */
export function detectSource(text: string, candidates: readonly SourceId[]): SourceId | null {
  const headText = text.slice(0, 8192);
  const head = headText.split(/\r?\n/).slice(0, 10);
  let best: SourceId | null = null;
  let bestScore = 0;
  for (const id of candidates) {
    const spec = SOURCES[id] as AnySpec;
    // The file's own delimiter (a semicolon export from European Excel), else the source's.
    const delimiter = detectDelimiter(headText, spec.delimiter) ?? spec.delimiter ?? ',';
    for (const line of head) {
      const cells = line.split(delimiter);
      const m = matchHeader(cells, spec.fields);
      const score = m.missing.length === 0 ? m.score : 0;
      if (score > bestScore) {
        best = id;
        bestScore = score;
      }
    }
  }
  return best;
}

/** One file's import summary for stderr / the import report. */
export interface FileReport {
  file: string;
  source: SourceId | null;
  records: number;
  rowsRead: number;
  rejected: { line: number; reason: string }[];
  fatal: string | null;
  /** How the file was read: its encoding (from its bytes), delimiter and day/month order. */
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  dateOrder: ImportResult<unknown>['dateOrder'];
  needsDateOrder: ImportResult<unknown>['needsDateOrder'];
}

/** One input file: its text, or its bytes (decoded with the encoding they show: UTF-8/16, Windows-1252). */
export type BatchFile = { name: string; text: string } | { name: string; bytes: Uint8Array };

export interface BatchFiles {
  orders: BatchFile[];
  inventory: BatchFile[];
  suppliers: BatchFile[];
  calendar?: BatchFile[];
  bundles?: BatchFile[];
  /** Shopify products exports: collections and tags per SKU, for promos aimed at a collection or tag. */
  products?: BatchFile[];
}

/** A file's text and the encoding it was read with. */
function textOf(f: BatchFile): { text: string; encoding: TextEncoding | null } {
  if ('text' in f) return { text: f.text, encoding: null };
  const d = decodeBytes(f.bytes);
  return { text: d.text, encoding: d.encoding };
}

function load<T>(
  files: readonly BatchFile[],
  candidates: readonly SourceId[],
  options: { asOf: string; dateOrder?: DateOrder },
  reports: FileReport[],
): T[] {
  const out: T[] = [];
  for (const f of files) {
    const { text, encoding } = textOf(f);
    const source = detectSource(text, candidates);
    if (!source) {
      reports.push({
        file: f.name,
        source: null,
        records: 0,
        rowsRead: 0,
        rejected: [],
        fatal:
          text.trim() === ''
            ? 'the file is empty'
            : `not recognised as ${candidates.join(' or ')} (no header row with their columns)`,
        encoding,
        delimiter: detectDelimiter(text.slice(0, 65_536)),
        dateOrder: null,
        needsDateOrder: null,
      });
      continue;
    }
    const r = importText(text, SOURCES[source] as AnySpec, {
      asOf: options.asOf,
      ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
      ...(encoding ? { encoding } : {}),
    }) as ImportResult<{ id: string }>;
    reports.push({
      file: f.name,
      source,
      records: r.records.length,
      rowsRead: r.rowsRead,
      rejected: r.rejected.map((x) => ({ line: x.line, reason: x.reason })),
      fatal: r.fatal,
      encoding,
      delimiter: r.delimiter,
      dateOrder: r.dateOrder,
      needsDateOrder: r.needsDateOrder,
    });
    out.push(...(r.records as T[]));
  }
  return out;
}

/** Imports the batch files (kind detected from headers) and plans. Inventory exports without a date count as of `today`. */
export function planFromFiles(
  files: BatchFiles,
  options: { today: string; budget?: number | null; settings?: Partial<PlanSettings>; dateOrder?: DateOrder },
): { plan: PlanResult; reports: FileReport[] } {
  const reports: FileReport[] = [];
  const unusableFiles: UnusableFile[] = [];
  const opts = { asOf: options.today, ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) };
  const loadAs = <T>(role: string, list: readonly BatchFile[], candidates: readonly SourceId[]): T[] => {
    const from = reports.length;
    const records = load<T>(list, candidates, opts, reports);
    for (const r of reports.slice(from)) {
      const reason = unusableReason({ ...r, rejected: r.rejected.length });
      if (reason) unusableFiles.push({ source: r.source ?? role, file: r.file, reason });
    }
    return records;
  };
  const orders = loadAs<OrderLine>('orders', files.orders, ['shopify-orders', 'amazon-orders']);
  const counts = loadAs<InventoryCount>('inventory', files.inventory, [
    'shopify-inventory',
    'fba-inventory',
    '3pl-onhand',
  ]);
  const suppliers = loadAs<SupplierTerm>('suppliers', files.suppliers, ['suppliers']);
  const bundles = loadAs<BundleComponent>('bundles', files.bundles ?? [], ['bundles']);
  const catalog = loadAs<CatalogEntry>('products', files.products ?? [], ['products']);
  const promos = loadAs<Promo>('calendar', files.calendar ?? [], ['calendar']);
  const input = planInputFrom(
    {
      orders,
      counts,
      suppliers,
      promos,
      bundles,
      budget: options.budget ?? null,
      catalog,
      captured: [],
      purchaseOrders: [],
      unusableFiles,
    },
    { settings: options.settings },
  );
  const plan = planReorder({ ...input, today: options.today, settings: options.settings });
  return { plan, reports };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** The CLI's JSON line for a plan line (snake_case, numbers to 2 decimals). */
export function toCliLine(l: PlanLine) {
  return {
    sku: l.sku,
    on_hand: l.onHand,
    velocity_per_day: round2(l.velocityPerDay),
    lead_time_demand: round2(l.leadTimeDemand),
    safety_stock: round2(l.safetyStock),
    reorder_point: round2(l.reorderPoint),
    order_qty: l.orderQty,
    stockout_date: l.stockoutDate,
    // A blocked line has no confidence to give: a file feeding it could not be read.
    confidence: l.blocked ? null : l.confidence,
    rationale: l.rationale,
    supplier: l.supplier,
    ...(l.blocked ? { blocked: l.blocked } : {}),
  };
}

/** Input line of `reorder-point`. */
export const reorderPointInputSchema = z.object({
  mean_daily_demand: z.number().min(0),
  sd_daily_demand: z.number().min(0),
  lead_time_days: z.number().min(0),
  lead_time_sd_days: z.number().min(0).default(0),
  service_level: z.number().gt(0).lt(1).default(0.95),
  review_period_days: z.number().min(0).default(0),
});

/** `reorder-point` for one input line: SS = z·sqrt(L·σd² + d²·σL²), ROP = d·L + SS, S = d·(L+R) + z·sqrt((L+R)·σd² + d²·σL²). */
export function reorderPointLine(value: unknown) {
  const i = reorderPointInputSchema.parse(value);
  const r = reorderPoint({
    meanDailyDemand: i.mean_daily_demand,
    sdDailyDemand: i.sd_daily_demand,
    leadTimeDays: i.lead_time_days,
    leadTimeSdDays: i.lead_time_sd_days,
    serviceLevel: i.service_level,
    reviewPeriodDays: i.review_period_days,
  });
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return { safety_stock: r4(r.safetyStock), reorder_point: r4(r.reorderPoint), order_up_to: r4(r.orderUpTo) };
}
