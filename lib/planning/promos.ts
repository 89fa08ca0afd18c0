/** Promos in the plan: which apply to a SKU, their daily multipliers and the words the rationale uses for them. */
import { dayNumber, dayRange } from './dates';
import type { DemandHistory } from './history';
import type { Promo } from './import/types';
import type { PlanInput } from './plan-input';
import type { PromoEvidence } from './promo-uplift';
import { int } from './rationale-words';
import type { PromoHit } from './reorder-line';

/** Promo multipliers over history and over the horizon, shared by SKUs with the same promos. */
export interface PromoArrays {
  history: Float32Array | null;
  future: Float32Array | null;
  /** Per promo of the set (same order): its day numbers, the line's PromoHit and the rationale phrase, shared by the lines. */
  startN: number[];
  endN: number[];
  hits: PromoHit[];
  phrases: string[];
  /** Buffers for learning the set's uplifts per SKU (plan-line.ts); null when the set has no past and upcoming promos. */
  learning?: PromoLearning | null;
}

/** One SKU's learned promo multipliers (valid until the next SKU with the same promo set). */
export interface PromoLearning {
  typeIds: Int32Array;
  ev: PromoEvidence;
  /** Learned multiplier per promo of the set (0: none learned). */
  multiplier: Float64Array;
  /** Past promos of its type behind each learned multiplier. */
  seen: Int32Array;
  /** Future multipliers with the learned uplifts. */
  future: Float32Array;
}

/** Shared promo data of one set of promos. */
export function promoArrays(
  promos: readonly Promo[],
  h: DemandHistory,
  todayN: number,
  horizonDays: number,
): PromoArrays {
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
export function promoMatcher(
  promos: readonly Promo[],
  products: PlanInput['products'],
): (sku: string) => readonly Promo[] {
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

/** Indices of the promos that cover a day of the next `days` days (named in the rationale). */
export function promoHits(arrays: PromoArrays, todayN: number, days: number): number[] {
  const hits: number[] = [];
  for (let i = 0; i < arrays.hits.length; i++) {
    if (arrays.endN[i]! >= todayN && arrays.startN[i]! < todayN + days) hits.push(i);
  }
  return hits;
}
