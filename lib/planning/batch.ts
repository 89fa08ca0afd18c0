import { z } from 'zod';
import { type ImportResult, importText, matchHeader, type SourceSpec } from '../import/core';
import { reorderPoint } from './formulas';
import { SOURCES, type SourceId } from './import/sources';
import type { BundleComponent, CatalogEntry, InventoryCount, OrderLine, Promo, SupplierTerm } from './import/types';
import { type PlanResult, planReorder } from './plan';
import { planInputFrom } from './plan-input';
import type { PlanLine } from './reorder-line';
import type { PlanSettings } from './settings';

type AnySpec = SourceSpec<string, { id: string }>;

/** Picks the source among `candidates` whose known columns best match the file's first lines. */
export function detectSource(text: string, candidates: readonly SourceId[]): SourceId | null {
  const head = text.slice(0, 8192).split(/\r?\n/).slice(0, 10);
  let best: SourceId | null = null;
  let bestScore = 0;
  for (const id of candidates) {
    const spec = SOURCES[id] as AnySpec;
    for (const line of head) {
      const cells = line.split(spec.delimiter ?? (line.includes('\t') ? '\t' : ','));
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
  rejected: { line: number; reason: string }[];
  fatal: string | null;
}

export interface BatchFiles {
  orders: { name: string; text: string }[];
  inventory: { name: string; text: string }[];
  suppliers: { name: string; text: string }[];
  calendar?: { name: string; text: string }[];
  bundles?: { name: string; text: string }[];
  /** Shopify products exports: collections and tags per SKU, for promos aimed at a collection or tag. */
  products?: { name: string; text: string }[];
}

function load<T>(
  files: readonly { name: string; text: string }[],
  candidates: readonly SourceId[],
  asOf: string,
  reports: FileReport[],
): T[] {
  const out: T[] = [];
  for (const f of files) {
    const source = detectSource(f.text, candidates);
    if (!source) {
      reports.push({
        file: f.name,
        source: null,
        records: 0,
        rejected: [],
        fatal: `not recognised as ${candidates.join(' or ')}`,
      });
      continue;
    }
    const r = importText(f.text, SOURCES[source] as AnySpec, { asOf }) as ImportResult<{ id: string }>;
    reports.push({
      file: f.name,
      source,
      records: r.records.length,
      rejected: r.rejected.map((x) => ({ line: x.line, reason: x.reason })),
      fatal: r.fatal,
    });
    out.push(...(r.records as T[]));
  }
  return out;
}

/** Imports the batch files (kind detected from headers) and plans. Inventory exports without a date count as of `today`. */
export function planFromFiles(
  files: BatchFiles,
  options: { today: string; budget?: number | null; settings?: Partial<PlanSettings> },
): { plan: PlanResult; reports: FileReport[] } {
  const reports: FileReport[] = [];
  const orders = load<OrderLine>(files.orders, ['shopify-orders', 'amazon-orders'], options.today, reports);
  const counts = load<InventoryCount>(
    files.inventory,
    ['shopify-inventory', 'fba-inventory', '3pl-onhand'],
    options.today,
    reports,
  );
  const suppliers = load<SupplierTerm>(files.suppliers, ['suppliers'], options.today, reports);
  const bundles = load<BundleComponent>(files.bundles ?? [], ['bundles'], options.today, reports);
  const catalog = load<CatalogEntry>(files.products ?? [], ['products'], options.today, reports);
  const promos = load<Promo>(files.calendar ?? [], ['calendar'], options.today, reports);
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
    confidence: l.confidence,
    rationale: l.rationale,
    supplier: l.supplier,
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
