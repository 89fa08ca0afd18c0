import { dayRange, dayString } from './dates';
import type { DemandHistory } from './history';
import type { Promo, SupplierTerm } from './import/types';
import type { StockView } from './inventory';
import type { PlanSettings } from './settings';

export const CHECK_IDS = {
  unknownOnHand: 'unknown-on-hand',
  soldNeverCounted: 'sold-never-counted',
  staleCounts: 'stale-counts',
  negativeOnHand: 'negative-on-hand',
  countDisagreement: 'count-disagreement',
  missingSupplier: 'missing-supplier',
  missingLeadTime: 'missing-lead-time',
  missingMoq: 'missing-moq',
  missingUnitCost: 'missing-unit-cost',
  salesGaps: 'sales-gaps',
  promoTargets: 'promo-targets',
  promoEmptyTarget: 'promo-empty-target',
  unusableFile: 'unusable-file',
} as const;
export type CheckId = (typeof CHECK_IDS)[keyof typeof CHECK_IDS];

/** One item of the checklist shown before the reorder list. */
export interface CheckItem {
  id: CheckId;
  ok: boolean;
  /** `error`: lines built on this get no quantity or low confidence; `warning`: check before ordering. */
  severity: 'error' | 'warning';
  title: string;
  detail: string;
  skus: string[];
}

/** Per-SKU problems the plan lines carry as confidence reasons. */
export type SkuIssues = Map<string, string[]>;

/**
 * Per-SKU figures that fail a data check outright (a negative stock count): the plan blocks these
 * lines with the reason instead of computing a confident quantity from a number known to be wrong.
 */
export type SkuBlocks = Map<string, string>;

/** Why a SKU with a negative count is blocked, in the words the line, the popup and the PO show. */
export const NEGATIVE_BLOCK =
  'a stock count reports negative on-hand, so the count cannot be trusted: fix the count in Shopify or the 3PL and import it again';

const listSkus = (skus: string[], max = 5) =>
  skus.length <= max ? skus.join(', ') : `${skus.slice(0, max).join(', ')} and ${skus.length - max} more`;

/** Runs the data quality gate; returns the checklist and the issues of each SKU. */
export function checkData(args: {
  history: DemandHistory;
  stock: (StockView | null)[];
  terms: (SupplierTerm | null)[];
  promos: readonly Promo[];
  productsKnown: boolean;
  /** Collections and tags per SKU (the catalogue), to tell a promo aimed at a collection or tag nobody is in. */
  products?: Record<string, { collections?: string[]; tags?: string[] }> | undefined;
  today: string;
  settings: PlanSettings;
}): { checklist: CheckItem[]; issues: SkuIssues; blocks: SkuBlocks } {
  const { history, stock, terms, settings } = args;
  const issues: SkuIssues = new Map();
  const blocks: SkuBlocks = new Map();
  const add = (sku: string, reason: string) => {
    const list = issues.get(sku) ?? [];
    list.push(reason);
    issues.set(sku, list);
  };
  const C = history.channels.length;
  const soldRecently = (s: number) => {
    for (let c = 0; c < C; c++) {
      const base = (s * C + c) * history.days;
      for (let t = Math.max(0, history.days - 90); t < history.days; t++) if (history.qty[base + t]! > 0) return true;
    }
    return false;
  };
  const unknown: string[] = [];
  const neverCounted: string[] = [];
  const stale: string[] = [];
  const negative: string[] = [];
  const disagree: string[] = [];
  const noSupplier: string[] = [];
  const noLead: string[] = [];
  const noMoq: string[] = [];
  const noCost: string[] = [];
  history.skus.forEach((sku, s) => {
    const st = stock[s];
    if (!st || st.onHand === null) {
      unknown.push(sku);
      if (soldRecently(s)) neverCounted.push(sku);
      add(sku, 'on-hand unknown: no stock count imported, so no quantity is proposed');
    } else {
      if (st.stale) {
        stale.push(sku);
        add(sku, `stock count from ${st.asOf} is more than ${settings.staleCountDays} days old`);
      }
      if (st.negative) {
        negative.push(sku);
        add(sku, 'a location reports negative on-hand (counted as 0)');
        blocks.set(sku, NEGATIVE_BLOCK);
      }
      if (st.disagreement) {
        disagree.push(sku);
        add(
          sku,
          `Shopify counts ${st.disagreement.shopify} but the 3PL counts ${st.disagreement.tpl}; the lower is used`,
        );
      }
    }
    const term = terms[s];
    if (!term) {
      noSupplier.push(sku);
      add(sku, 'no supplier terms: lead time assumed, no MOQ or cost');
    } else {
      if (term.leadTimeDays === null) {
        noLead.push(sku);
        add(sku, `lead time missing: ${settings.defaultLeadTimeDays} days assumed`);
      }
      if (term.moq === null) {
        noMoq.push(sku);
        add(sku, 'MOQ missing: not rounded to a minimum');
      }
      if (term.unitCost === null) noCost.push(sku);
    }
  });

  const gaps = salesGaps(history, settings.salesGapDays);
  // Without any catalogue a collection/tag promo cannot be resolved at all; with one, it can still aim
  // at a collection or tag no SKU carries (a typo, a renamed collection).
  const catalogue = args.products ?? null;
  const promoProblems = args.promos.filter(
    (p) => (p.collection || p.tag) && p.skus.length === 0 && !args.productsKnown && !catalogue,
  );
  const emptyTargets = catalogue ? emptyPromoTargets(args.promos, catalogue) : [];

  const item = (
    id: CheckId,
    severity: CheckItem['severity'],
    title: string,
    skus: string[],
    okDetail: string,
    badDetail: (skus: string[]) => string,
  ): CheckItem => ({
    id,
    ok: skus.length === 0,
    severity,
    title,
    detail: skus.length === 0 ? okDetail : badDetail(skus),
    skus,
  });
  const checklist: CheckItem[] = [
    item(
      CHECK_IDS.soldNeverCounted,
      'error',
      'SKUs sold but never in an inventory import',
      neverCounted,
      'every SKU sold in the last 90 days has a stock count',
      (k) => `${k.length} sold in the last 90 days without any stock count: ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.unknownOnHand,
      'error',
      'On-hand known for every SKU',
      unknown,
      'every SKU has a stock count',
      (k) => `${k.length} without a stock count, so no quantity: ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.staleCounts,
      'warning',
      `Stock counts fresher than ${settings.staleCountDays} days`,
      stale,
      'all counts are recent',
      (k) => `${k.length} with old counts: ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.negativeOnHand,
      'error',
      'No negative on-hand',
      negative,
      'no location reports negative stock',
      (k) => `${k.length} with negative on-hand (their lines are blocked until the count is fixed): ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.countDisagreement,
      'warning',
      `Shopify and 3PL counts agree (within ${settings.countTolerancePct}% or ${settings.countToleranceUnits} units)`,
      disagree,
      'the counts agree',
      (k) => `${k.length} disagree: ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.missingSupplier,
      'warning',
      'Every SKU has a supplier',
      noSupplier,
      'every SKU has supplier terms',
      (k) => `${k.length} without supplier terms: ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.missingLeadTime,
      'warning',
      'Lead times known',
      noLead,
      'every supplier line has a lead time',
      (k) => `${k.length} without a lead time (${settings.defaultLeadTimeDays} days assumed): ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.missingMoq,
      'warning',
      'MOQs known',
      noMoq,
      'every supplier line has an MOQ',
      (k) => `${k.length} without an MOQ: ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.missingUnitCost,
      'warning',
      'Unit costs known',
      noCost,
      'every supplier line has a unit cost',
      (k) => `${k.length} without a unit cost (left out of the cash check): ${listSkus(k)}`,
    ),
    {
      id: CHECK_IDS.salesGaps,
      ok: gaps.length === 0,
      severity: 'warning',
      title: 'No gaps in sales history',
      detail: gaps.length === 0 ? 'every channel has orders on every stretch of days' : gaps.join('; '),
      skus: [],
    },
    {
      id: CHECK_IDS.promoTargets,
      ok: promoProblems.length === 0,
      severity: 'warning',
      title: 'Promotions resolve to SKUs',
      detail:
        promoProblems.length === 0
          ? 'every promotion names its SKUs or a known collection/tag'
          : `${promoProblems.map((p) => p.name).join(', ')} target a collection or tag but no product collections/tags were given (import the Shopify products export)`,
      skus: [],
    },
  ];
  // Only with a catalogue to check against (without one, the item above already warns).
  if (catalogue) {
    checklist.push({
      id: CHECK_IDS.promoEmptyTarget,
      ok: emptyTargets.length === 0,
      severity: 'warning',
      title: 'Collection and tag promotions reach SKUs',
      detail:
        emptyTargets.length === 0
          ? 'every collection or tag a promotion aims at has SKUs in the catalogue'
          : emptyTargets.join('; '),
      skus: [],
    });
  }
  return { checklist, issues, blocks };
}

/** "Promo X targets collection Y but no SKU is in it", for each collection/tag promo no catalogued SKU matches. */
export function emptyPromoTargets(
  promos: readonly Promo[],
  products: Record<string, { collections?: string[]; tags?: string[] }>,
): string[] {
  const collections = new Set<string>();
  const tags = new Set<string>();
  for (const m of Object.values(products)) {
    for (const c of m.collections ?? []) collections.add(c);
    for (const t of m.tags ?? []) tags.add(t);
  }
  const out: string[] = [];
  for (const p of promos) {
    if (p.collection !== null && !collections.has(p.collection))
      out.push(`${p.name} targets collection "${p.collection}" but no SKU is in it`);
    if (p.tag !== null && !tags.has(p.tag)) out.push(`${p.name} targets tag "${p.tag}" but no SKU has it`);
  }
  return out;
}

/**
 * Runs of days with no orders at all on a channel that normally has ≥ 1 order line a day.
 *
 * Quantities are units sold, never negative (the importers refuse negative quantities), so a day
 * has a sale on a channel as soon as one SKU sold on it, and the channel's units reach one a day
 * as soon as their running total does. Each SKU row is therefore read only on the days still
 * without a sale, and summed only until the total is known to be large enough: a busy store costs
 * a few rows per channel instead of a pass over all 22 million cells (10k SKUs × 2 years × 3).
 */
export function salesGaps(history: DemandHistory, minDays: number): string[] {
  const { days, channels } = history;
  const C = channels.length;
  const out: string[] = [];
  const qty = history.qty;
  const S = history.skus.length;
  const open = new Int32Array(days);
  for (let c = 0; c < C; c++) {
    // Days without a sale so far, ascending.
    for (let t = 0; t < days; t++) open[t] = t;
    let nOpen = days;
    let total = 0;
    for (let s = 0; s < S && (nOpen > 0 || total < days); s++) {
      const base = (s * C + c) * days;
      if (total < days) for (let t = 0; t < days; t++) total += qty[base + t]!;
      let k = 0;
      for (let i = 0; i < nOpen; i++) {
        const t = open[i]!;
        if (!(qty[base + t]! > 0)) open[k++] = t;
      }
      nOpen = k;
    }
    // First day with a sale: the first day not left open.
    let first = 0;
    while (first < nOpen && open[first] === first) first += 1;
    if (first >= days || total / (days - first) < 1) continue;
    // Runs of consecutive open days from the first sale on.
    let i = first;
    while (i < nOpen) {
      let j = i + 1;
      while (j < nOpen && open[j] === open[j - 1]! + 1) j += 1;
      const t = open[i]!;
      const e = open[j - 1]! + 1;
      if (e - t >= minDays) {
        out.push(
          `${channels[c]}: no sales ${dayRange(history.startDay + t, history.startDay + e - 1)} ${dayString(history.startDay + e - 1).slice(0, 4)} (${e - t} days) — missing export?`,
        );
      }
      i = j;
    }
  }
  return out;
}
