/** The plan: every SKU's reorder line, the data checklist, the cash allocation and PO drafts. */
import { allocateCash, budgetFor, type CashResult } from './cash';
import { dayNumber, dayString } from './dates';
import { firstMarkets } from './first-markets';
import { makeScratch } from './forecast';
import { buildHistory, type DemandHistory } from './history';
import { resolveStock } from './inventory';
import type { IncomingPo } from './on-order';
import type { PlanInput } from './plan-input';
import { planLine } from './plan-line';
import { type PoDraft, purchaseOrders } from './po';
import { type PromoArrays, promoMatcher } from './promos';
import { type CheckItem, checkData } from './quality';
import type { PlanLine } from './reorder-line';
import { type PlanSettings, resolveSettings } from './settings';
import { arrivalOffsets, walkStock } from './stock-walk';
import { blockLine, blockLineFor, unusableCheck } from './unusable-files';

/** Daily series of one SKU for the planner chart. */
export interface SkuSeries {
  sku: string;
  historyStart: string;
  sold: number[];
  censored: boolean[];
  forecastStart: string;
  forecast: number[];
  projectedStock: number[];
  reorderPoint: number;
  /** Approved POs arriving in the horizon (projected stock includes them). */
  arrivals?: { day: string; qty: number; poId: string }[];
}

export interface PlanResult {
  today: string;
  settings: PlanSettings;
  lines: PlanLine[];
  checklist: CheckItem[];
  cash: CashResult;
  purchaseOrders: PoDraft[];
  demand: {
    skus: number;
    historyStart: string | null;
    historyDays: number;
    excluded: Record<string, { lines: number; units: number }>;
    bundleLinesExpanded: number;
  };
  series: SkuSeries[];
}

/** Plans every SKU: the reorder list, the data checklist, the cash allocation and PO drafts. Deterministic given `today`. */
export function planReorder(input: PlanInput): PlanResult {
  const settings = resolveSettings(input.settings);
  const bundles = input.bundles ?? [];
  const bundleSkus = new Set(bundles.map((b) => b.bundleSku));
  const extra = [...input.suppliers.map((t) => t.sku), ...input.counts.map((c) => c.sku)].filter(
    (s) => !bundleSkus.has(s),
  );
  const built = buildHistory(input.orders, input.counts, bundles, input.today, settings.historyDays, extra);
  return planHistory(built.history, input, {
    avgPrice: built.avgPrice,
    firstMarkets: firstMarkets(input.orders, input.today, settings),
    excluded: built.excluded,
    bundleLinesExpanded: built.bundleLinesExpanded,
  });
}

/**
 * Plans from daily arrays already built (the Web Worker keeps them between runs; the benchmark
 * builds them directly): stock, data gate, one line per SKU, cash, POs.
 */
export function planHistory(
  h: DemandHistory,
  input: Omit<PlanInput, 'orders' | 'bundles'>,
  extras: {
    avgPrice?: Map<string, number>;
    firstMarkets?: Map<string, string>;
    excluded?: Record<string, { lines: number; units: number }>;
    bundleLinesExpanded?: number;
  } = {},
): PlanResult {
  const settings = resolveSettings(input.settings);
  const todayN = dayNumber(input.today);
  const stock = resolveStock(input.counts, h, input.today, settings);
  const termBySku = new Map(input.suppliers.map((t) => [t.sku, t]));
  const terms = h.skus.map((s) => termBySku.get(s) ?? null);
  const promos = input.promos ?? [];
  const { checklist, issues, blocks } = checkData({
    history: h,
    stock,
    terms,
    promos,
    productsKnown: input.products !== undefined,
    products: input.products,
    today: input.today,
    settings,
  });
  const unusable = input.unusableFiles ?? [];
  if (unusable.length > 0) checklist.unshift(unusableCheck(unusable, h.skus));
  // Each model is used at once by its line: its arrays can live in the scratch.
  const scratch = makeScratch(h.days, true);
  let maxLead = settings.defaultLeadTimeDays;
  for (const t of input.suppliers) if ((t.leadTimeDays ?? 0) > maxLead) maxLead = t.leadTimeDays!;
  const horizon = new Float64Array(
    Math.max(366, settings.overstockCoverDays + 1, Math.ceil(maxLead + settings.reviewPeriodDays) + 2),
  );
  const promoCache = new Map<string, PromoArrays>();
  const lines: PlanLine[] = [];
  const series: SkuSeries[] = [];
  const want = new Set(input.seriesFor ?? []);
  const promosOf = promoMatcher(promos, input.products);
  const arrivalsBySku = new Map<string, IncomingPo[]>();
  for (const po of input.incomingPos ?? []) {
    const list = arrivalsBySku.get(po.sku);
    if (list) list.push(po);
    else arrivalsBySku.set(po.sku, [po]);
  }
  for (let s = 0; s < h.skus.length; s++) {
    const sku = h.skus[s]!;
    const { line } = planLine(
      h,
      s,
      {
        stock: stock[s] ?? null,
        term: terms[s] ?? null,
        promos: promosOf(sku),
        issues: issues.get(sku) ?? [],
        firstMarket: extras.firstMarkets?.get(sku) ?? null,
        avgPrice: extras.avgPrice?.get(sku) ?? null,
        onOrder: input.onOrder ? (input.onOrder[sku] ?? 0) : unitsOf(arrivalsBySku.get(sku)),
        onOrderNote: input.onOrderNotes?.[sku],
        arrivals: arrivalsBySku.get(sku),
      },
      settings,
      todayN,
      scratch,
      horizon,
      promoCache,
    );
    if (unusable.length > 0) blockLine(line, unusable);
    // A figure that fails a data check (a negative count) blocks the line too, with its reason.
    const failed = blocks.get(sku);
    if (failed) blockLineFor(line, line.blocked ? [line.blocked, failed] : [failed]);
    lines.push(line);
    if (want.has(sku)) series.push(seriesOf(h, s, line, horizon, todayN, arrivalsBySku.get(sku)));
  }
  const budget = budgetFor(input.budget ?? null, input.today);
  const cash = allocateCash(lines, budget, settings);
  return {
    today: input.today,
    settings,
    lines,
    checklist,
    cash,
    purchaseOrders: purchaseOrders(lines, budget, input.today),
    demand: {
      skus: h.skus.length,
      historyStart: h.days > 0 ? dayString(h.startDay) : null,
      historyDays: h.days,
      excluded: extras.excluded ?? {},
      bundleLinesExpanded: extras.bundleLinesExpanded ?? 0,
    },
    series,
  };
}

const unitsOf = (pos: readonly IncomingPo[] | undefined): number => (pos ?? []).reduce((a, p) => a + p.qty, 0);

/** The chart series of one SKU: daily history, the forecast, and projected stock with the approved POs' arrivals. */
function seriesOf(
  h: DemandHistory,
  s: number,
  line: PlanLine,
  horizon: Float64Array,
  todayN: number,
  pos: readonly IncomingPo[] | undefined,
): SkuSeries {
  const C = h.channels.length;
  const sold: number[] = [];
  const censored: boolean[] = [];
  for (let t = 0; t < h.days; t++) {
    let v = 0;
    for (let c = 0; c < C; c++) v += h.qty[(s * C + c) * h.days + t]!;
    sold.push(v);
    censored.push(h.censored[s * h.days + t] === 1);
  }
  const n = Math.min(horizon.length, 180);
  const forecast = Array.from(horizon.subarray(0, n), (x) => Math.round(x * 100) / 100);
  const projectedStock: number[] = [];
  const arrivals = pos && pos.length > 0 ? arrivalOffsets(pos, todayN) : null;
  const start = line.onHand === null ? Number.NaN : line.onHand - line.committed;
  walkStock(start, horizon, n, arrivals?.day, arrivals?.qty, projectedStock);
  return {
    sku: line.sku,
    historyStart: dayString(h.startDay),
    sold,
    censored,
    forecastStart: dayString(todayN),
    forecast,
    projectedStock,
    reorderPoint: line.reorderPoint,
    ...(arrivals ? { arrivals: arrivals.pos.map((p) => ({ day: p.arrives, qty: p.qty, poId: p.poId })) } : {}),
  };
}
