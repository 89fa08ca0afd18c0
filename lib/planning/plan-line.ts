/** One SKU's reorder line from its fitted history: quantities, action, confidence and rationale. */

import { storeClosedDays } from './closed-days';
import { dayNumber, dayRange, dayString, shortDay, yearOf } from './dates';
import { FORECAST_SETTINGS, fitSku, forecastInto, type makeScratch, meanYearly, type SkuModel } from './forecast';
import { roundOrderQty } from './formulas';
import type { DemandHistory } from './history';
import type { Channel, Promo, SupplierTerm } from './import/types';
import type { StockView } from './inventory';
import type { IncomingPo } from './on-order';
import { makeEvidence, posteriorMultiplier, promoEvidence, promoTypeIds } from './promo-uplift';
import { type PromoArrays, type PromoLearning, promoArrays, promoHits } from './promos';
import { CHANNEL_LABEL, fmt1, int } from './rationale-words';
import type { Action, Confidence, PlanLine, PromoHit } from './reorder-line';
import { type Quantities, quantities } from './reorder-quantities';
import type { PlanSettings } from './settings';
import { normCdf } from './stats';
import { arrivalOffsets, type StockWalk, sumFirst, walkStock } from './stock-walk';

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

const HARD_WORDS = /unknown|negative|3PL counts|old|missing: |no supplier|new SKU|first|stockout/;

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
  const model = fitSku(h, s, scratch, inStockNow, arrays.history, storeClosedDays(h));
  const learned = learnPromos(h, s, ctx, arrays, model, scratch.ok, todayN);
  forecastInto(model, todayN, horizon, learned ? learned.future : arrays.future);
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
    const m = learned ? learned.multiplier[i]! : 0;
    if (m > 0) {
      // Learned from this SKU's past promos of the same type: the number used, and where it came from.
      const p = ctx.promos[i]!;
      const pct = Math.round((m - 1) * 100);
      hits.push({ ...arrays.hits[i]!, upliftPct: pct });
      promoPhrases.push(
        `${p.name} ${dayRange(arrays.startN[i]!, arrays.endN[i]!)} adds ${int(pct)}% (learned from ${learned!.seen[i]} past promo${learned!.seen[i] === 1 ? '' : 's'}; ${int(p.upliftPct)}% set)`,
      );
    } else {
      hits.push(arrays.hits[i]!);
      promoPhrases.push(arrays.phrases[i]!);
    }
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

/**
 * Future promo multipliers with each promo type's uplift learned from the SKU's past promos
 * (promo-uplift.ts), the configured uplift as the prior. Null when no upcoming promo has a past
 * promo of its type in the history (the configured multipliers stand). The buffers live on the
 * promo set's shared arrays: valid until the next SKU.
 */
function learnPromos(
  h: DemandHistory,
  s: number,
  ctx: LineContext,
  arrays: PromoArrays,
  model: SkuModel,
  ok: Uint8Array,
  todayN: number,
): PromoLearning | null {
  const future = arrays.future;
  if (!future || ctx.promos.length < 2) return null;
  let L = arrays.learning;
  if (L === undefined) {
    const n = ctx.promos.length;
    let past = false;
    let coming = false;
    for (let i = 0; i < n; i++) {
      if (arrays.endN[i]! < todayN) past = true;
      else coming = true;
    }
    L = arrays.learning =
      past && coming
        ? {
            typeIds: promoTypeIds(ctx.promos.map((p) => p.name)),
            ev: makeEvidence(n),
            multiplier: new Float64Array(n),
            seen: new Int32Array(n),
            future: new Float32Array(future.length),
          }
        : null;
  }
  if (L === null) return null;
  if (!promoEvidence(h, s, arrays.startN, arrays.endN, L.typeIds, model, ok, todayN, L.ev)) return null;
  L.multiplier.fill(0);
  let changed = false;
  for (let i = 0; i < L.typeIds.length; i++) {
    const k = L.typeIds[i]!;
    if (arrays.endN[i]! < todayN || L.ev.seen[k] === 0) continue;
    const prior = 1 + ctx.promos[i]!.upliftPct / 100;
    const m = posteriorMultiplier(prior, L.ev.actual[k]!, L.ev.expected[k]!);
    L.multiplier[i] = m;
    L.seen[i] = L.ev.seen[k]!;
    if (!changed) {
      L.future.set(future);
      changed = true;
    }
    const a = Math.max(0, arrays.startN[i]! - todayN);
    const b = Math.min(future.length - 1, arrays.endN[i]! - todayN);
    for (let d = a; d <= b; d++) L.future[d]! *= m / prior;
  }
  return changed ? L : null;
}
