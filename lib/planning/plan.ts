import { allocateCash, budgetFor, type CashResult } from './cash';
import { dayNumber, dayRange, dayString, shortDay, yearOf } from './dates';
import { FORECAST_SETTINGS, fitSku, forecastInto, makeScratch, meanYearly, type SkuModel } from './forecast';
import { demandSdOverInterval, roundOrderQty, zForServiceLevel } from './formulas';
import { buildHistory, type DemandHistory } from './history';
import type {
  BudgetPeriod,
  BundleComponent,
  Channel,
  InventoryCount,
  OrderLine,
  Promo,
  SupplierTerm,
} from './import/types';
import { resolveStock, type StockView } from './inventory';
import type { IncomingPo } from './on-order';
import { type PoDraft, purchaseOrders } from './po';
import { type CheckItem, checkData } from './quality';
import { type PlanSettings, resolveSettings } from './settings';
import { normCdf } from './stats';

export const ACTIONS = {
  order: 'order',
  ok: 'ok',
  overstock: 'overstock',
  review: 'review',
  noDemand: 'no-demand',
} as const;
export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];
export type Confidence = 'high' | 'medium' | 'low';

/** A promo that falls in the SKU's planning horizon. */
export interface PromoHit {
  name: string;
  start: string;
  end: string;
  upliftPct: number;
}

/** One SKU of the reorder list. */
export interface PlanLine {
  sku: string;
  supplier: string | null;
  onHand: number | null;
  committed: number;
  incoming: number;
  inventoryPosition: number | null;
  /** Current exponentially weighted sales rate, units/day, and its split by channel. */
  velocityPerDay: number;
  channelVelocity: Record<Channel, number>;
  /** Mean forecast per day over the lead time (d in the formulas; includes season, trend and promos). */
  forecastPerDay: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  reviewPeriodDays: number;
  leadTimeDemand: number;
  leadTimeDemandSd: number;
  safetyStock: number;
  safetyStockReview: number;
  reorderPoint: number;
  orderUpTo: number;
  /** S − inventory position before rounding (null when on-hand is unknown). */
  neededQty: number | null;
  /** Proposed quantity after MOQ and case-pack rounding; null when on-hand is unknown. */
  orderQty: number | null;
  moq: number | null;
  casePack: number | null;
  unitCost: number | null;
  currency: string | null;
  orderCost: number | null;
  marginRate: number | null;
  stockoutDate: string | null;
  daysOfCover: number | null;
  /** Probability that lead-time demand exceeds the inventory position: 1 − Φ((IP − D_L)/σ_L). */
  stockoutRisk: number | null;
  overstock: boolean;
  action: Action;
  confidence: Confidence;
  confidenceReasons: string[];
  newSku: boolean;
  firstMarket: string | null;
  trendPctPerWeek: number | null;
  seasonalFactor: number | null;
  promos: PromoHit[];
  rationale: string;
  /** Set by the cash allocation. */
  cash: {
    status: 'funded' | 'partial' | 'deferred' | 'unpriced' | 'none';
    fundedQty: number | null;
    note: string | null;
  };
}

/** Everything the planner reads. */
export interface PlanInput {
  today: string;
  orders: readonly OrderLine[];
  counts: readonly InventoryCount[];
  suppliers: readonly SupplierTerm[];
  promos?: readonly Promo[];
  /** Budget periods, or one amount for the current period. */
  budget?: readonly BudgetPeriod[] | number | null;
  bundles?: readonly BundleComponent[];
  /** Collections and tags per SKU, to resolve promos that target them. */
  products?: Record<string, { collections?: string[]; tags?: string[] }>;
  /**
   * Units on open purchase orders per SKU (added to incoming, i.e. the inventory position). When
   * absent, the units of `incomingPos` are used.
   */
  onOrder?: Record<string, number>;
  /** Rationale note per SKU for those units (e.g. "incl. 100 on order (PO …)"). */
  onOrderNotes?: Record<string, string>;
  /**
   * Approved POs with their arrival days (`onOrderFromPos(...).lines`): the stockout date, days of
   * cover and the chart's projected stock add each one on its day.
   */
  incomingPos?: readonly IncomingPo[];
  settings?: Partial<PlanSettings>;
  /** SKUs whose daily history and forecast the result should carry (for the chart). */
  seriesFor?: readonly string[];
}

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

const CHANNEL_LABEL: Record<Channel, string> = { shopify: 'Shopify', pos: 'POS', amazon: 'Amazon' };

/** Per-SKU context the line computation needs besides the history (also built by the benchmark). */
export interface LineContext {
  stock: StockView | null;
  term: SupplierTerm | null;
  promos: readonly Promo[];
  issues: readonly string[];
  firstMarket: string | null;
  avgPrice: number | null;
  onOrder: number;
  onOrderNote?: string | undefined;
  /** This SKU's approved POs with arrival days (any order). */
  arrivals?: readonly IncomingPo[] | undefined;
}

/** Promo multipliers over history and over the horizon, shared by SKUs with the same promos. */
export interface PromoArrays {
  history: Float32Array | null;
  future: Float32Array | null;
  /** Per promo of the set (same order): its day numbers, the line's PromoHit and the rationale phrase, shared by the lines. */
  startN: number[];
  endN: number[];
  hits: PromoHit[];
  phrases: string[];
}

/** Shared promo data of one set of promos. */
function promoArrays(promos: readonly Promo[], h: DemandHistory, todayN: number, horizonDays: number): PromoArrays {
  const startN = promos.map((p) => dayNumber(p.start));
  const endN = promos.map((p) => dayNumber(p.end));
  return {
    history: promoMultipliers(promos, h.startDay, h.days),
    future: promoMultipliers(promos, todayN, horizonDays),
    startN,
    endN,
    hits: promos.map((p) => ({ name: p.name, start: p.start, end: p.end, upliftPct: p.upliftPct })),
    phrases: promos.map((p, i) => `${p.name} ${dayRange(startN[i]!, endN[i]!)} adds ${int(p.upliftPct)}%`),
  };
}

const fmt1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const int = (x: number) => String(Math.round(x));

/** Multiplier per day from promos: Π(1 + uplift) over the promos covering each day. */
function promoMultipliers(promos: readonly Promo[], firstDay: number, length: number): Float32Array | null {
  if (promos.length === 0) return null;
  const out = new Float32Array(length).fill(1);
  let any = false;
  for (const p of promos) {
    const a = Math.max(dayNumber(p.start) - firstDay, 0);
    const b = Math.min(dayNumber(p.end) - firstDay, length - 1);
    for (let k = a; k <= b; k++) {
      out[k]! *= 1 + p.upliftPct / 100;
      any = true;
    }
  }
  return any ? out : null;
}

/** Which promos apply to a SKU: listed SKUs, `all`/`*`, or a collection/tag the SKU belongs to. */
export function promosForSku(
  promos: readonly Promo[],
  sku: string,
  product?: { collections?: string[]; tags?: string[] },
): Promo[] {
  return promos.filter(
    (p) =>
      p.skus.includes(sku) ||
      p.skus.some((s) => s.toLowerCase() === 'all' || s === '*') ||
      (p.collection !== null && (product?.collections ?? []).includes(p.collection)) ||
      (p.tag !== null && (product?.tags ?? []).includes(p.tag)),
  );
}

/**
 * promosForSku for every SKU of a plan: the per-promo tests are prepared once, and SKUs with the
 * same promos get the same array (so they also share the promo multipliers and phrases).
 */
function promoMatcher(promos: readonly Promo[], products: PlanInput['products']): (sku: string) => readonly Promo[] {
  const listed = promos.map((p) => new Set(p.skus));
  const all = promos.map((p) => p.skus.some((s) => s.toLowerCase() === 'all' || s === '*'));
  const interned = new Map<string, Promo[]>();
  const none: Promo[] = [];
  return (sku) => {
    if (promos.length === 0) return none;
    const product = products?.[sku];
    let key = '';
    for (let i = 0; i < promos.length; i++) {
      const p = promos[i]!;
      if (
        listed[i]!.has(sku) ||
        all[i] ||
        (p.collection !== null && (product?.collections ?? []).includes(p.collection)) ||
        (p.tag !== null && (product?.tags ?? []).includes(p.tag))
      )
        key += `${i},`;
    }
    let list = interned.get(key);
    if (!list) {
      list =
        key === ''
          ? []
          : key
              .slice(0, -1)
              .split(',')
              .map((i) => promos[Number(i)]!);
      interned.set(key, list);
    }
    return list;
  };
}

/** Where sellable stock runs out when walked down the daily forecast with the approved POs added. */
export interface StockWalk {
  /** Days until stock runs out (fractional); null when it lasts the whole horizon. */
  cover: number | null;
  /** Day offset from today (0 = today) of the stockout; null when none. */
  day: number | null;
  /** How many of the arrivals (sorted) were added before the stockout, or in the horizon when there is none. */
  arrived: number;
}

const NO_ARRIVALS: readonly number[] = [];

/*
 * Per-day loops live in small leaf functions (walkStock, sumFirst, the steps of fitSku): a cold run
 * reaches their optimised code within the first SKUs and keeps it while planLine itself is still
 * being (re)compiled, instead of running 10,000 × 180-day loops in unoptimised code meanwhile.
 */

/** Sum of the first `n` values. */
function sumFirst(a: Float64Array, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += a[k]!;
  return sum;
}

/**
 * Projected sellable stock, the one place it is computed (stockout date and days of cover of the
 * line, projected stock of the chart). Starts at `start` units today; each day's forecast is taken
 * off and each approved PO is added at the start of its arrival day (`arrivalDay` = days from
 * today, sorted; an overdue PO not yet counted arrives today). Walks `days` days; with `out` it
 * writes every day's closing stock (negative once it has run out) and does not stop at the stockout.
 */
export function walkStock(
  start: number,
  forecast: Float64Array,
  days: number,
  arrivalDay: readonly number[] = NO_ARRIVALS,
  arrivalQty: readonly number[] = NO_ARRIVALS,
  out: number[] | null = null,
): StockWalk {
  let left = start;
  let next = 0;
  let cover: number | null = null;
  let day: number | null = null;
  let arrived = 0;
  const A = arrivalDay.length;
  for (let k = 0; k < days; k++) {
    while (next < A && arrivalDay[next]! <= k) left += arrivalQty[next++]!;
    const f = forecast[k]!;
    if (day === null && f >= left && f > 0) {
      cover = k + left / f;
      day = k;
      arrived = next;
      if (out === null) break;
    }
    left -= f;
    if (out !== null) out.push(Math.round(left * 10) / 10);
  }
  if (day === null) {
    arrived = next;
    if (left <= 0 && start <= 0) {
      cover = 0;
      day = 0;
    }
  }
  return { cover, day, arrived };
}

/** A SKU's approved POs as day offsets from today (sorted by arrival, overdue ones today) and quantities. */
function arrivalOffsets(
  arrivals: readonly IncomingPo[],
  todayN: number,
): { pos: IncomingPo[]; day: number[]; qty: number[] } {
  const pos = [...arrivals].sort((a, b) => (a.arrives < b.arrives ? -1 : a.arrives > b.arrives ? 1 : 0));
  return {
    pos,
    day: pos.map((p) => Math.max(0, dayNumber(p.arrives) - todayN)),
    qty: pos.map((p) => p.qty),
  };
}

/** The numbers of a line before any words: demand over L and L + R, safety stocks, ROP and S. */
interface Quantities {
  L: number;
  sL: number;
  R: number;
  dL: number;
  dP: number;
  meanL: number;
  meanP: number;
  seasonFactor: number;
  sdL: number;
  ss: number;
  ssP: number;
  rop: number;
  S: number;
}

/** Forecast over the lead time and the protection interval, safety stocks, reorder point and order-up-to level. */
function quantities(
  model: SkuModel,
  term: SupplierTerm | null,
  settings: PlanSettings,
  horizon: Float64Array,
): Quantities {
  const L = term?.leadTimeDays ?? settings.defaultLeadTimeDays;
  const sL = term?.leadTimeSdDays ?? 0;
  const R = settings.reviewPeriodDays;
  const z = zForServiceLevel(settings.serviceLevel);
  let dL = 0;
  let dP = 0;
  const Lw = Math.floor(L);
  const Pw = Math.floor(L + R);
  for (let k = 0; k < Pw; k++) {
    if (k < Lw) dL += horizon[k]!;
    dP += horizon[k]!;
  }
  dL += (L - Lw) * horizon[Lw]!;
  dP += (L + R - Pw) * horizon[Pw]!;
  const meanL = L > 0 ? dL / L : horizon[0]!;
  const meanP = L + R > 0 ? dP / (L + R) : horizon[0]!;
  // Seasonal factor over the protection interval, to put the residual sd on the raw scale.
  const base = Math.max(model.level, 1e-9);
  const seasonFactor = model.level > 0 ? meanP / base : 1;
  // σd: residual sd of daily demand, floored at the Poisson sd √d (a handful of days cannot show less noise).
  const sdDaily = Math.max(model.sdDaily * seasonFactor, Math.sqrt(meanP));
  const sdL = demandSdOverInterval({ meanDailyDemand: meanL, sdDailyDemand: sdDaily, days: L, leadTimeSdDays: sL });
  const sdP = demandSdOverInterval({ meanDailyDemand: meanP, sdDailyDemand: sdDaily, days: L + R, leadTimeSdDays: sL });
  const ss = z * sdL;
  const ssP = z * sdP;
  return { L, sL, R, dL, dP, meanL, meanP, seasonFactor, sdL, ss, ssP, rop: dL + ss, S: dP + ssP };
}

const HARD_WORDS = /unknown|negative|3PL counts|old|missing: |no supplier|new SKU|first|stockout/;

/** Indices of the promos that cover a day of the next `days` days (named in the rationale). */
function promoHits(arrays: PromoArrays, todayN: number, days: number): number[] {
  const hits: number[] = [];
  for (let i = 0; i < arrays.hits.length; i++) {
    if (arrays.endN[i]! >= todayN && arrays.startN[i]! < todayN + days) hits.push(i);
  }
  return hits;
}

/** Confidence: bad data → low; softer doubts → medium. */
function confidenceOf(
  model: SkuModel,
  ctx: LineContext,
  settings: PlanSettings,
): { confidence: Confidence; hard: string[]; medium: string[]; newSku: boolean } {
  const reasons: string[] = [...ctx.issues];
  const newSku = model.historyDays > 0 && model.historyDays < settings.newSkuDays;
  if (newSku) reasons.push(`new SKU: ${Math.floor(model.historyDays / 7)} weeks of history — judge by hand`);
  if (ctx.firstMarket) reasons.push(ctx.firstMarket);
  if (model.historyDays > 0 && model.uncensoredDays === 0) reasons.push('every day of history is a stockout');
  const censoredShare =
    model.historyDays > 0
      ? (model.knownStockoutDays + model.inferredStockoutDays) /
        Math.min(model.historyDays, FORECAST_SETTINGS.fitWindowDays)
      : 0;
  const soft: string[] = [];
  if (censoredShare > 0.25) soft.push(`${Math.round(censoredShare * 100)}% of history was out of stock`);
  if (ctx.term && ctx.term.unitCost === null) soft.push('unit cost missing');
  const hard = reasons.filter((r) => HARD_WORDS.test(r) && !r.startsWith('MOQ missing'));
  const medium = reasons.filter((r) => !hard.includes(r)).concat(soft);
  const confidence: Confidence = hard.length > 0 ? 'low' : medium.length > 0 ? 'medium' : 'high';
  return { confidence, hard, medium, newSku };
}

/** "PO po:Acme:2026-11-20 arriving Dec 12", or "2 POs arriving by Dec 20". */
function posArriving(pos: readonly IncomingPo[], refYear: number): string {
  const last = shortDay(dayNumber(pos[pos.length - 1]!.arrives), refYear);
  return pos.length === 1 ? `PO ${pos[0]!.poId} arriving ${last}` : `${pos.length} POs arriving by ${last}`;
}

/** The cover part of the rationale: days of cover, the stockout day, and the POs that extend it or come too late. */
function coverWords(walk: StockWalk, todayN: number, arrivals: { pos: IncomingPo[]; day: number[] } | null): string {
  const refYear = yearOf(todayN);
  const used = arrivals ? arrivals.pos.slice(0, walk.arrived) : [];
  const pending = arrivals && walk.day !== null ? (arrivals.pos[walk.arrived] ?? null) : null;
  const late = pending ? `PO ${pending.poId} arrives ${shortDay(dayNumber(pending.arrives), refYear)}` : '';
  const incl = used.length > 0 ? ` incl. ${posArriving(used, refYear)}` : '';
  if (walk.cover === null) return `over a year of cover${incl}`;
  if (walk.cover < 0.5) return `out of stock now${late ? ` until ${late}` : ''}`;
  return `${Math.floor(walk.cover)} days of cover${incl} (runs out ${shortDay(todayN + walk.day!, refYear)}${late ? `, before ${late}` : ''})`;
}

/**
 * Plans one SKU from its fitted history: forecast over lead time and review period, safety stock,
 * reorder point, order-up-to level, rounded order, stockout date (approved POs added on their
 * arrival days), overstock, confidence and rationale. The returned model's arrays live in the
 * scratch when it was made with `reuseModelArrays` (valid until the next call).
 */
export function planLine(
  h: DemandHistory,
  s: number,
  ctx: LineContext,
  settings: PlanSettings,
  todayN: number,
  scratch: ReturnType<typeof makeScratch>,
  horizon: Float64Array,
  promoCache: Map<string, PromoArrays> = new Map(),
): { line: PlanLine; model: SkuModel } {
  const sku = h.skus[s]!;
  const { stock, term } = ctx;
  const inStockNow = stock?.onHand == null ? null : stock.onHand > 0;
  // SKUs sharing the same promos (most share "all") share the multiplier arrays.
  // (Plain loops instead of map/join/filter here and below: array callbacks on mixed element kinds
  // made this function deoptimise and recompile several times during a cold run.)
  let promoKey = '';
  for (let i = 0; i < ctx.promos.length; i++) promoKey += i === 0 ? ctx.promos[i]!.id : `\u001f${ctx.promos[i]!.id}`;
  let arrays = promoCache.get(promoKey);
  if (!arrays) {
    arrays = promoArrays(ctx.promos, h, todayN, horizon.length);
    promoCache.set(promoKey, arrays);
  }
  const model = fitSku(h, s, scratch, inStockNow, arrays.history);
  forecastInto(model, todayN, horizon, arrays.future);
  const q = quantities(model, term, settings, horizon);
  const { L, sL, R, dL, meanL, meanP, sdL, ss, ssP, rop, S } = q;

  let velocity = 0;
  for (let i = 0; i < model.channelRates.length; i++) velocity += model.channelRates[i]!;
  const channelVelocity: Record<Channel, number> = { shopify: 0, pos: 0, amazon: 0 };
  for (let i = 0; i < h.channels.length; i++) channelVelocity[h.channels[i]!] = model.channelRates[i]!;

  const onHand = stock?.onHand ?? null;
  const committed = stock?.committed ?? 0;
  // Shopify/3PL "Incoming" and FBA inbound have no arrival date: they count in the inventory
  // position only. Approved POs (ctx.arrivals) have one and also move the stockout date.
  const incoming = (stock?.incoming ?? 0) + ctx.onOrder;
  const ip = onHand === null ? null : onHand - committed + incoming;

  // Stockout date and days of cover: sellable stock (on hand − committed) walked down the daily
  // forecast, each approved PO added on its arrival day.
  const arrivals = ctx.arrivals && ctx.arrivals.length > 0 ? arrivalOffsets(ctx.arrivals, todayN) : null;
  const walk =
    onHand === null
      ? null
      : walkStock(Math.max(0, onHand - committed), horizon, horizon.length, arrivals?.day, arrivals?.qty);
  const cover = walk ? walk.cover : null;
  const stockoutDate = walk && walk.day !== null ? dayString(todayN + walk.day) : null;
  let overstock = false;
  if (ip !== null)
    overstock = ip > sumFirst(horizon, Math.min(settings.overstockCoverDays, horizon.length)) + ssP && ip > 0;
  const stockoutRisk = ip === null ? null : sdL > 0 ? 1 - normCdf((ip - dL) / sdL) : ip < dL ? 1 : 0;

  let action: Action;
  let needed: number | null = null;
  let orderQty: number | null = null;
  if (onHand === null) {
    action = 'review';
  } else if (velocity === 0 && meanP === 0) {
    action = ip !== null && ip > 0 ? 'overstock' : 'no-demand';
    needed = 0;
    orderQty = 0;
    overstock = ip !== null && ip > 0;
  } else {
    needed = Math.max(0, S - ip!);
    if (settings.orderOnlyAtReorderPoint && ip! > rop) {
      orderQty = 0;
      action = overstock ? 'overstock' : 'ok';
    } else {
      orderQty = roundOrderQty(needed, term?.moq ?? null, term?.casePack ?? null);
      action = orderQty > 0 ? 'order' : overstock ? 'overstock' : 'ok';
    }
  }

  const { confidence, hard, medium, newSku } = confidenceOf(model, ctx, settings);
  const reasons = [...hard, ...medium];
  const trendPct = model.slope !== 0 && model.level > 0 ? (model.slope * 7 * 100) / model.level : null;
  const hitIndex = promoHits(arrays, todayN, Math.ceil(L + R));
  const hits: PromoHit[] = [];
  const promoPhrases: string[] = [];
  for (const i of hitIndex) {
    hits.push(arrays.hits[i]!);
    promoPhrases.push(arrays.phrases[i]!);
  }

  const unitCost = term?.unitCost ?? null;
  const marginRate =
    ctx.avgPrice !== null && unitCost !== null && ctx.avgPrice > 0 ? (ctx.avgPrice - unitCost) / ctx.avgPrice : null;

  const rationale = rationaleOf({
    h,
    model,
    ctx,
    settings,
    todayN,
    q,
    velocity,
    channelVelocity,
    trendPct,
    walk,
    arrivals,
    promoPhrases,
    onHand,
    committed,
    incoming,
    action,
    needed,
    orderQty,
    confidence,
    reasons,
  });

  const line: PlanLine = {
    sku,
    supplier: term?.supplier ?? null,
    onHand,
    committed,
    incoming,
    inventoryPosition: ip,
    velocityPerDay: velocity,
    channelVelocity,
    forecastPerDay: meanL,
    leadTimeDays: L,
    leadTimeSdDays: sL,
    reviewPeriodDays: R,
    leadTimeDemand: dL,
    leadTimeDemandSd: sdL,
    safetyStock: ss,
    safetyStockReview: ssP,
    reorderPoint: rop,
    orderUpTo: S,
    neededQty: needed,
    orderQty,
    moq: term?.moq ?? null,
    casePack: term?.casePack ?? null,
    unitCost,
    currency: term?.currency ?? null,
    orderCost: orderQty !== null && unitCost !== null ? orderQty * unitCost : null,
    marginRate,
    stockoutDate,
    daysOfCover: cover,
    stockoutRisk,
    overstock,
    action,
    confidence,
    confidenceReasons: reasons,
    newSku,
    firstMarket: ctx.firstMarket,
    trendPctPerWeek: trendPct,
    seasonalFactor: model.yearly || model.weekly ? q.seasonFactor : null,
    promos: hits,
    rationale,
    cash: { status: 'none', fundedQty: orderQty, note: null },
  };
  return { line, model };
}

/** Rationale: plain words with the numbers that drove the line. */
function rationaleOf(r: {
  h: DemandHistory;
  model: SkuModel;
  ctx: LineContext;
  settings: PlanSettings;
  todayN: number;
  q: Quantities;
  velocity: number;
  channelVelocity: Record<Channel, number>;
  trendPct: number | null;
  walk: StockWalk | null;
  arrivals: { pos: IncomingPo[]; day: number[] } | null;
  promoPhrases: readonly string[];
  onHand: number | null;
  committed: number;
  incoming: number;
  action: Action;
  needed: number | null;
  orderQty: number | null;
  confidence: Confidence;
  reasons: readonly string[];
}): string {
  const { h, model, ctx, settings, todayN, q, velocity, channelVelocity, trendPct, onHand } = r;
  const { L, sL, R, dL, ss, rop, S } = q;
  const term = ctx.term;
  const parts: string[] = [];
  // "sells 14.2/day: Shopify 10.1, Amazon 4.1", or "sells 3.0/day (Shopify)" with one channel.
  let split = '';
  let only = '';
  let shown = 0;
  for (const c of h.channels) {
    if (!(channelVelocity[c] >= 0.05)) continue;
    split += `${shown === 0 ? '' : ', '}${CHANNEL_LABEL[c]} ${fmt1(channelVelocity[c])}`;
    only = CHANNEL_LABEL[c];
    shown += 1;
  }
  parts.push(
    velocity > 0
      ? `sells ${fmt1(velocity)}/day${shown > 1 ? `: ${split}` : shown === 1 ? ` (${only})` : ''}`
      : 'no sales in the last year',
  );
  if (trendPct !== null) parts.push(`trend ${trendPct > 0 ? '+' : ''}${fmt1(trendPct)}%/week (damped)`);
  if (model.yearly) {
    // Season alone (no trend, no promo) over the protection interval, relative to the deseasonalised level.
    const P = Math.max(1, Math.ceil(L + R));
    const season = meanYearly(model.yearly, P);
    if (Math.abs(season - 1) > 0.05) parts.push(`season ×${season.toFixed(2)} over the next ${P} days`);
  }
  if (r.walk) parts.push(coverWords(r.walk, todayN, r.arrivals));
  parts.push(`lead time ${int(L)}±${int(sL)} days${term?.leadTimeDays == null ? ' (assumed)' : ''}`);
  for (const phrase of r.promoPhrases) parts.push(phrase);
  parts.push(
    `needs ${int(dL)} over the lead time + safety stock ${int(ss)} (${Math.round(settings.serviceLevel * 100)}% service) = reorder point ${int(rop)}`,
  );
  if (onHand !== null) {
    const stock = ctx.stock;
    parts.push(
      `on hand ${int(onHand)}${r.committed ? `, ${int(r.committed)} committed` : ''}${r.incoming ? `, ${int(r.incoming)} incoming` : ''}${ctx.onOrderNote ? ` ${ctx.onOrderNote}` : ''}${stock?.soldSinceCount ? ` (count less ${int(stock.soldSinceCount)} sold since)` : ''}`,
    );
  }
  const { action, orderQty, needed } = r;
  if (action === 'review') parts.push('no quantity: on-hand unknown');
  else if (orderQty !== null && orderQty > 0) {
    const raw = Math.ceil(needed! - 1e-9);
    let order = `reorder ${raw} (up to ${int(S)})`;
    if (term?.moq && raw < term.moq) order += `, rounded to MOQ ${term.moq}`;
    if (term?.casePack && term.casePack > 1 && orderQty !== Math.max(raw, term.moq ?? 0)) {
      order += `${term?.moq && raw < term.moq ? ' then' : ', rounded'} to case pack ${term.casePack}: ${orderQty}`;
    }
    parts.push(order);
  } else if (action === 'overstock') parts.push(`overstock: more than ${settings.overstockCoverDays} days of cover`);
  else if (action === 'no-demand') parts.push('no demand: nothing to order');
  else parts.push('above the reorder point: no order this review');
  if (r.confidence !== 'high') parts.push(`${r.confidence} confidence: ${r.reasons.join('; ')}`);
  return parts.join('; ');
}

/** First-time markets per SKU: a country or channel first sold within the window that carries a real share of recent units. */
export function firstMarkets(orders: readonly OrderLine[], today: string, settings: PlanSettings): Map<string, string> {
  const todayN = dayNumber(today);
  const since = todayN - settings.firstMarketDays;
  const firstSeen = new Map<string, number>();
  const recent = new Map<string, number>();
  const recentTotal = new Map<string, number>();
  // The SKU's first sale anywhere (a SKU new everywhere is flagged as a new SKU instead).
  const firstAny = new Map<string, number>();
  const seen = (k: string, d: number, qty: number) => {
    const f = firstSeen.get(k);
    if (f === undefined || d < f) firstSeen.set(k, d);
    if (d >= since) recent.set(k, (recent.get(k) ?? 0) + qty);
  };
  for (const o of orders) {
    if (o.excluded) continue;
    const d = dayNumber(o.day);
    if (d >= todayN) continue;
    if (o.country) seen(`${o.sku}\u001fcountry:${o.country}`, d, o.qty);
    seen(`${o.sku}\u001fchannel:${o.channel}`, d, o.qty);
    const a = firstAny.get(o.sku);
    if (a === undefined || d < a) firstAny.set(o.sku, d);
    if (d >= since) recentTotal.set(o.sku, (recentTotal.get(o.sku) ?? 0) + o.qty);
  }
  const out = new Map<string, string>();
  for (const [k, d] of firstSeen) {
    if (d < since) continue;
    const [sku, key] = k.split('\u001f') as [string, string];
    if (!((firstAny.get(sku) ?? d) < since)) continue;
    const share = (recent.get(k) ?? 0) / Math.max(1, recentTotal.get(sku) ?? 0);
    if (share < settings.firstMarketShare) continue;
    const [kind, name] = key.split(':') as [string, string];
    const label = kind === 'channel' ? (CHANNEL_LABEL[name as Channel] ?? name) : name;
    out.set(
      sku,
      `first-time market: first ${label} sale ${todayN - d} days ago (${Math.round(share * 100)}% of recent units) — no history there`,
    );
  }
  return out;
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
  const { checklist, issues } = checkData({
    history: h,
    stock,
    terms,
    promos,
    productsKnown: input.products !== undefined,
    products: input.products,
    today: input.today,
    settings,
  });
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
