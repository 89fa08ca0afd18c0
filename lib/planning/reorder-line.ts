/** One SKU of the reorder list: what the plan says about it, with the numbers and words that drove it. */
import type { Channel } from './import/types';

export const ACTIONS = {
  order: 'order',
  ok: 'ok',
  overstock: 'overstock',
  review: 'review',
  noDemand: 'no-demand',
  /** A file that feeds the line could not be read: no quantity, no confidence (see `unusable-files.ts`). */
  blocked: 'blocked',
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
  /** Why the line is blocked (a file feeding it could not be read); absent on a plannable line. */
  blocked?: string;
  /** Set by the cash allocation. */
  cash: {
    status: 'funded' | 'partial' | 'deferred' | 'unpriced' | 'none';
    fundedQty: number | null;
    note: string | null;
  };
}
