import { normInv } from './stats';

let lastLevel = Number.NaN;
let lastZ = Number.NaN;

/** z for a cycle service level α (probability of no stockout in a replenishment cycle): z = Φ⁻¹(α). */
export function zForServiceLevel(serviceLevel: number): number {
  // Every SKU of a plan asks for the same level: remember the last answer.
  if (serviceLevel !== lastLevel) {
    lastZ = normInv(serviceLevel);
    lastLevel = serviceLevel;
  }
  return lastZ;
}

/** Inputs of the safety-stock formula; demand per day, lead time in days (any consistent time unit works). */
export interface SafetyStockInput {
  z: number;
  meanDailyDemand: number;
  sdDailyDemand: number;
  /** Protection interval: lead time L for the reorder point, L + R for the order-up-to level. */
  days: number;
  leadTimeSdDays: number;
  /**
   * Standard error of the forecast level per day (0 or absent: the level is taken as known, the
   * textbook case). A wrong level is wrong on every day of the interval, so it adds T²·σℓ².
   */
  sdLevel?: number;
}

/**
 * Standard deviation of demand over the interval: sqrt(T·σd² + T²·σℓ² + d²·σL²) (independent daily
 * residuals, the level's own estimation error shared by all T days, random lead time).
 */
export function demandSdOverInterval(i: Omit<SafetyStockInput, 'z'>): number {
  const sl = i.sdLevel ?? 0;
  return Math.sqrt(
    i.days * i.sdDailyDemand ** 2 + i.days * i.days * sl * sl + i.meanDailyDemand ** 2 * i.leadTimeSdDays ** 2,
  );
}

/** Safety stock SS = z·sqrt(T·σd² + d²·σL²), with T = L (reorder point) or L + R (order-up-to). */
export function safetyStock(i: SafetyStockInput): number {
  return i.z * demandSdOverInterval(i);
}

/** Input of the reorder-point CLI and the textbook tests. */
export interface ReorderPointInput {
  meanDailyDemand: number;
  sdDailyDemand: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  serviceLevel: number;
  reviewPeriodDays: number;
}

export interface ReorderPointResult {
  /** SS over the lead time: z·sqrt(L·σd² + d²·σL²). */
  safetyStock: number;
  /** SS over lead time plus review period: z·sqrt((L+R)·σd² + d²·σL²). */
  safetyStockReview: number;
  /** ROP = d·L + SS. */
  reorderPoint: number;
  /** S = d·(L+R) + SS(L+R). */
  orderUpTo: number;
}

/** Reorder point and order-up-to level from stationary demand (the formulas in FORMULAS.md). */
export function reorderPoint(i: ReorderPointInput): ReorderPointResult {
  const z = zForServiceLevel(i.serviceLevel);
  const base = {
    z,
    meanDailyDemand: i.meanDailyDemand,
    sdDailyDemand: i.sdDailyDemand,
    leadTimeSdDays: i.leadTimeSdDays,
  };
  const ss = safetyStock({ ...base, days: i.leadTimeDays });
  const ssReview = safetyStock({ ...base, days: i.leadTimeDays + i.reviewPeriodDays });
  return {
    safetyStock: ss,
    safetyStockReview: ssReview,
    reorderPoint: i.meanDailyDemand * i.leadTimeDays + ss,
    orderUpTo: i.meanDailyDemand * (i.leadTimeDays + i.reviewPeriodDays) + ssReview,
  };
}

/** Rounds a needed quantity up to the MOQ, then up to a whole number of case packs; 0 stays 0. */
export function roundOrderQty(needed: number, moq: number | null, casePack: number | null): number {
  if (!(needed > 0)) return 0;
  const pack = casePack && casePack > 0 ? casePack : 1;
  const q = Math.max(Math.ceil(needed - 1e-9), moq ?? 0);
  return Math.ceil(q / pack - 1e-9) * pack;
}

/** Critical ratio p/(p+h) of the newsvendor: the optimal in-stock probability for holding cost h and stockout cost p. */
export function criticalRatio(holdingCost: number, stockoutCost: number): number {
  return stockoutCost / (stockoutCost + holdingCost);
}

/** Economic order quantity Q* = sqrt(2Kλ/h) (Harris); shown as a hint next to MOQ rounding. */
export function economicOrderQuantity(fixedCost: number, holdingCost: number, demandRate: number): number {
  return Math.sqrt((2 * fixedCost * demandRate) / holdingCost);
}
