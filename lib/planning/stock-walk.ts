/** Projected sellable stock day by day, with approved POs arriving: the stockout day and the days of cover. */
import { dayNumber } from './dates';
import type { IncomingPo } from './on-order';

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
export function sumFirst(a: Float64Array, n: number): number {
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
export function arrivalOffsets(
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
