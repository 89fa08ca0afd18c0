import { dayNumber } from './dates';
import type { BundleComponent, Channel, InventoryCount, OrderLine } from './import/types';

/** Channel order in the demand arrays. */
export const PLAN_CHANNELS: readonly Channel[] = ['shopify', 'pos', 'amazon'];

/**
 * Daily demand per SKU per channel as flat typed arrays, so planning 10,000 SKUs touches
 * contiguous memory only. Index 0 is `startDay`; the last index is the day before `today`
 * (today's sales are incomplete).
 */
export interface DemandHistory {
  skus: string[];
  channels: readonly Channel[];
  /** Day number of index 0. */
  startDay: number;
  days: number;
  /** Units sold: qty[(sku·C + channel)·days + t]. */
  qty: Float32Array;
  /** 1 where a stock count showed the SKU out of stock that day (demand censored): censored[sku·days + t]. */
  censored: Uint8Array;
}

/** Allocates an empty history. */
export function emptyHistory(skus: string[], startDay: number, days: number): DemandHistory {
  return {
    skus,
    channels: PLAN_CHANNELS,
    startDay,
    days,
    qty: new Float32Array(skus.length * PLAN_CHANNELS.length * days),
    censored: new Uint8Array(skus.length * days),
  };
}

/** Maps bundle SKUs to their components. */
export function bundleIndex(bundles: readonly BundleComponent[]): Map<string, { sku: string; qty: number }[]> {
  const map = new Map<string, { sku: string; qty: number }[]>();
  for (const b of bundles) {
    const list = map.get(b.bundleSku) ?? [];
    list.push({ sku: b.componentSku, qty: b.qty });
    map.set(b.bundleSku, list);
  }
  return map;
}

export interface HistoryBuild {
  history: DemandHistory;
  /** Lines left out of demand, by reason (cancelled, refunded). */
  excluded: Record<string, { lines: number; units: number }>;
  /** Bundle lines expanded into component demand. */
  bundleLinesExpanded: number;
  /** Average unit price per SKU (for margins in cash allocation). */
  avgPrice: Map<string, number>;
}

/**
 * Builds the daily arrays from order lines: cancelled/refunded lines excluded (counted), bundles
 * expanded to components, history truncated to `maxDays` before `today`. Days on which the
 * latest stock count at or before that day showed zero or less across every location are
 * marked censored.
 */
export function buildHistory(
  orders: readonly OrderLine[],
  counts: readonly InventoryCount[],
  bundles: readonly BundleComponent[],
  today: string,
  maxDays = 730,
  extraSkus: readonly string[] = [],
): HistoryBuild {
  const todayN = dayNumber(today);
  const expand = bundleIndex(bundles);
  const excluded: Record<string, { lines: number; units: number }> = {};
  let first = todayN;
  const skuSet = new Set<string>(extraSkus);
  const priceSum = new Map<string, { amount: number; units: number }>();
  let bundleLinesExpanded = 0;
  const dayOf = new Map<string, number>();
  const lineDays: number[] = new Array(orders.length);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    let d = dayOf.get(o.day);
    if (d === undefined) {
      d = dayNumber(o.day);
      dayOf.set(o.day, d);
    }
    lineDays[i] = d;
    if (o.excluded) continue;
    if (d < first && d >= todayN - maxDays) first = d;
    const comps = expand.get(o.sku);
    if (comps) for (const c of comps) skuSet.add(c.sku);
    else skuSet.add(o.sku);
  }
  const skus = [...skuSet].sort();
  const skuIndex = new Map(skus.map((s, i) => [s, i]));
  const days = Math.max(0, todayN - first);
  const history = emptyHistory(skus, first, days);
  const C = PLAN_CHANNELS.length;
  const chIndex = new Map(PLAN_CHANNELS.map((c, i) => [c, i]));
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    if (o.excluded) {
      const e = excluded[o.excluded] ?? { lines: 0, units: 0 };
      e.lines += 1;
      e.units += o.qty;
      excluded[o.excluded] = e;
      continue;
    }
    const t = lineDays[i]! - first;
    if (t < 0 || t >= days) continue;
    const c = chIndex.get(o.channel) ?? 0;
    const comps = expand.get(o.sku) ?? [{ sku: o.sku, qty: 1 }];
    if (comps.length > 1 || comps[0]!.sku !== o.sku) bundleLinesExpanded += 1;
    for (const comp of comps) {
      const s = skuIndex.get(comp.sku)!;
      history.qty[(s * C + c) * days + t]! += o.qty * comp.qty;
    }
    if (o.unitPrice !== null && !expand.has(o.sku)) {
      const p = priceSum.get(o.sku) ?? { amount: 0, units: 0 };
      p.amount += o.unitPrice * o.qty;
      p.units += o.qty;
      priceSum.set(o.sku, p);
    }
  }
  markCensoredFromCounts(history, counts);
  const avgPrice = new Map<string, number>();
  for (const [sku, p] of priceSum) if (p.units > 0) avgPrice.set(sku, p.amount / p.units);
  return { history, excluded, bundleLinesExpanded, avgPrice };
}

/**
 * Marks stockout days from stock counts: from a count day, the SKU's total across locations
 * (latest count per location) is carried forward to the next count; days where it is ≤ 0 and
 * nothing sold are censored. Sales on a day prove stock existed, so such days stay uncensored.
 */
export function markCensoredFromCounts(history: DemandHistory, counts: readonly InventoryCount[]): void {
  const { days, startDay } = history;
  if (days === 0) return;
  const skuIndex = new Map(history.skus.map((s, i) => [s, i]));
  // Per SKU: day → location → onHand (latest count per location per day).
  const perSku = new Map<number, Map<number, Map<string, number>>>();
  for (const c of counts) {
    const s = skuIndex.get(c.sku);
    if (s === undefined || c.source === '3pl-onhand') continue; // the 3PL counts the same stock as a Shopify location
    const d = dayNumber(c.asOf) - startDay;
    const byDay = perSku.get(s) ?? new Map<number, Map<string, number>>();
    const locs = byDay.get(d) ?? new Map<string, number>();
    locs.set(`${c.source === 'fba-inventory' ? 'fba' : 'shop'}:${c.location}`, c.onHand);
    byDay.set(d, locs);
    perSku.set(s, byDay);
  }
  const C = history.channels.length;
  for (const [s, byDay] of perSku) {
    const sorted = [...byDay.keys()].sort((a, b) => a - b);
    const state = new Map<string, number>();
    for (let k = 0; k < sorted.length; k++) {
      const d = sorted[k]!;
      for (const [loc, v] of byDay.get(d)!) state.set(loc, v);
      let total = 0;
      for (const v of state.values()) total += v;
      if (total > 0) continue;
      const end = k + 1 < sorted.length ? sorted[k + 1]! : days;
      for (let t = Math.max(0, d); t < Math.min(end, days); t++) {
        let sold = 0;
        for (let c = 0; c < C; c++) sold += history.qty[(s * C + c) * days + t]!;
        if (sold > 0) break; // stock arrived: the zero count no longer holds
        history.censored[s * days + t] = 1;
      }
    }
  }
}
