import type { BudgetPeriod } from './import/types';
import type { PlanLine } from './reorder-line';
import type { PlanSettings } from './settings';

/** The budget that applies today. */
export interface Budget {
  amount: number;
  currency: string | null;
  start: string | null;
  end: string | null;
}

/** Picks the budget period containing `today` (or takes a plain amount). */
export function budgetFor(budget: readonly BudgetPeriod[] | number | null, today: string): Budget | null {
  if (budget === null) return null;
  if (typeof budget === 'number') return { amount: budget, currency: null, start: null, end: null };
  const p = budget.find((b) => b.start <= today && today <= b.end);
  return p ? { amount: p.amount, currency: p.currency, start: p.start, end: p.end } : null;
}

export interface DeferredLine {
  sku: string;
  supplier: string | null;
  qty: number;
  cost: number;
  fundedQty: number;
  reason: string;
}

export interface CashResult {
  budget: Budget | null;
  requested: number;
  funded: number;
  remaining: number | null;
  /** Lines with a quantity but no unit cost: not counted against the budget. */
  unpriced: string[];
  deferred: DeferredLine[];
}

// Thousands separators by hand: toLocaleString is slow and locale-dependent.
const money = (x: number, currency: string | null) =>
  `${currency && currency !== 'USD' ? `${currency} ` : '$'}${String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/**
 * Cash constraint: when the lines cost more than the budget, fund them in order of
 * stockout risk × gross margin rate (expected margin at stake per unit of risk), partly when a
 * smaller order (still ≥ MOQ, whole case packs) fits, and defer the rest with the reason.
 * Mutates each line's `cash` field.
 */
export function allocateCash(lines: PlanLine[], budget: Budget | null, settings: PlanSettings): CashResult {
  const ordering = lines.filter((l) => l.orderQty !== null && l.orderQty > 0);
  const unpriced = ordering.filter((l) => l.unitCost === null).map((l) => l.sku);
  for (const l of ordering) {
    l.cash =
      l.unitCost === null
        ? { status: 'unpriced', fundedQty: l.orderQty, note: 'unit cost unknown: not counted against the budget' }
        : { status: 'funded', fundedQty: l.orderQty, note: null };
  }
  const priced = ordering.filter((l) => l.unitCost !== null);
  const requested = priced.reduce((a, l) => a + l.orderCost!, 0);
  if (!budget || requested <= budget.amount) {
    return {
      budget,
      requested,
      funded: requested,
      remaining: budget ? budget.amount - requested : null,
      unpriced,
      deferred: [],
    };
  }
  const score = (l: PlanLine) => (l.stockoutRisk ?? 0) * Math.max(0.01, l.marginRate ?? settings.defaultMarginRate);
  const sorted = [...priced].sort(
    (a, b) => score(b) - score(a) || (b.stockoutRisk ?? 0) - (a.stockoutRisk ?? 0) || a.sku.localeCompare(b.sku),
  );
  let left = budget.amount;
  let funded = 0;
  const deferred: DeferredLine[] = [];
  for (const l of sorted) {
    const cost = l.orderCost!;
    const why = `stockout risk ${Math.round((l.stockoutRisk ?? 0) * 100)}%, margin ${Math.round((l.marginRate ?? settings.defaultMarginRate) * 100)}%${l.marginRate === null ? ' (assumed)' : ''}`;
    if (cost <= left) {
      left -= cost;
      funded += cost;
      continue;
    }
    // Largest smaller order that fits: whole case packs, at least the MOQ.
    const pack = l.casePack && l.casePack > 0 ? l.casePack : 1;
    const fit = Math.floor(left / l.unitCost! / pack) * pack;
    if (fit > 0 && fit >= (l.moq ?? 0)) {
      const partCost = fit * l.unitCost!;
      left -= partCost;
      funded += partCost;
      l.cash = {
        status: 'partial',
        fundedQty: fit,
        note: `budget allows ${fit} of ${l.orderQty} (${money(partCost, budget.currency)} of ${money(cost, budget.currency)}); ${why}`,
      };
      deferred.push({
        sku: l.sku,
        supplier: l.supplier,
        qty: l.orderQty! - fit,
        cost: cost - partCost,
        fundedQty: fit,
        reason: `partly deferred: ${money(left + partCost, budget.currency)} left when its turn came; ${why}`,
      });
      continue;
    }
    l.cash = {
      status: 'deferred',
      fundedQty: 0,
      note: `deferred: costs ${money(cost, budget.currency)}, ${money(left, budget.currency)} of the budget left; ${why}`,
    };
    deferred.push({
      sku: l.sku,
      supplier: l.supplier,
      qty: l.orderQty!,
      cost,
      fundedQty: 0,
      reason: `deferred: costs ${money(cost, budget.currency)} with ${money(left, budget.currency)} left; lower priority (${why})`,
    });
  }
  return { budget, requested, funded, remaining: left, unpriced, deferred };
}
