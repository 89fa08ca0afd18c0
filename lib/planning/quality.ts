import { dayRange, dayString } from './dates';
import { FORECAST_SETTINGS } from './forecast';
import type { DemandHistory } from './history';
import type { Promo, SupplierTerm } from './import/types';
import { COUNT_MAX_AGE_DAYS, countSourceWords, type StockView } from './inventory';
import type { PlanSettings } from './settings';

export const CHECK_IDS = {
  unknownOnHand: 'unknown-on-hand',
  soldNeverCounted: 'sold-never-counted',
  staleCounts: 'stale-counts',
  negativeOnHand: 'negative-on-hand',
  countDates: 'count-dates',
  conflictingCounts: 'conflicting-counts',
  countDisagreement: 'count-disagreement',
  missingSupplier: 'missing-supplier',
  missingLeadTime: 'missing-lead-time',
  missingMoq: 'missing-moq',
  missingUnitCost: 'missing-unit-cost',
  salesGaps: 'sales-gaps',
  missingOrders: 'missing-orders',
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

const CHANNEL_WORDS: Record<string, string> = { shopify: 'Shopify web', pos: 'Shopify POS', amazon: 'Amazon' };

/** Why a SKU whose count is dated after the plan day, or over a year before it, is blocked. */
export function countDateBlock(p: NonNullable<StockView['dateProblem']>, today: string): string {
  const whose = `the ${countSourceWords(p.source)} count for ${p.location}`;
  return p.kind === 'future'
    ? `${whose} is dated ${p.asOf}, after the plan day (${today}), so its date is misread (day and month swapped?) or wrong: check the file's dates and import it again`
    : `${whose} is from ${p.asOf}, more than a year before the plan day (${today}), so it says nothing about stock now: import a current count`;
}

/** Why a SKU with two disagreeing counts for one location and day is blocked. */
export function countConflictBlock(c: NonNullable<StockView['conflict']>): string {
  return `two ${countSourceWords(c.source)} counts for ${c.location} on ${c.asOf} disagree (${c.onHand[0]} and ${c.onHand[1]} on hand), so which is right is unknown: import one count per SKU, location and day`;
}

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
  const block = (sku: string, reason: string) => {
    const had = blocks.get(sku);
    blocks.set(sku, had ? `${had}; ${reason}` : reason);
  };
  const C = history.channels.length;
  const soldRecently = (s: number) => {
    for (let c = 0; c < C; c++) {
      const base = (s * C + c) * history.days;
      for (let t = Math.max(0, history.days - 90); t < history.days; t++) if (history.qty[base + t]! > 0) return true;
    }
    return false;
  };
  const soldOn = (s: number, c: number) => {
    const base = (s * C + c) * history.days;
    for (let t = 0; t < history.days; t++) if (history.qty[base + t]! > 0) return true;
    return false;
  };
  const unknown: string[] = [];
  const neverCounted: string[] = [];
  const stale: string[] = [];
  const negative: string[] = [];
  const badDates: string[] = [];
  const conflicting: string[] = [];
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
        block(sku, NEGATIVE_BLOCK);
      }
      if (st.dateProblem) {
        badDates.push(sku);
        add(
          sku,
          `stock count dated ${st.dateProblem.asOf}: ${st.dateProblem.kind === 'future' ? 'after' : 'over a year before'} the plan day`,
        );
        block(sku, countDateBlock(st.dateProblem, args.today));
      }
      if (st.conflict) {
        conflicting.push(sku);
        add(sku, `two counts for ${st.conflict.location} on ${st.conflict.asOf} disagree`);
        block(sku, countConflictBlock(st.conflict));
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

  const runs = salesGapRuns(history, settings.salesGapDays);
  const gaps = gapWords(history, runs);
  // Orders missing for most of the window on a channel: every SKU that sold on it is blocked.
  const missingOrders: string[] = [];
  for (const m of missingOrderSpans(history, runs)) {
    const ch = history.channels[m.channel]!;
    const reason = `${CHANNEL_WORDS[ch] ?? ch} orders are missing for ${m.days} of the last ${Math.min(FORECAST_SETTINGS.fitWindowDays, history.days)} days (${dayString(history.startDay + m.from)} to ${dayString(history.startDay + m.to)}, with orders before and after), so the plan would read them as no demand: import the missing orders`;
    for (let s = 0; s < history.skus.length; s++) {
      if (!soldOn(s, m.channel)) continue;
      const sku = history.skus[s]!;
      if (!missingOrders.includes(sku)) missingOrders.push(sku);
      add(sku, `${CHANNEL_WORDS[ch] ?? ch} orders missing for ${m.days} days`);
      block(sku, reason);
    }
  }
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
      CHECK_IDS.countDates,
      'error',
      'Stock counts dated on or before the plan day, within a year',
      badDates,
      'every count is dated within the year before the plan day',
      (k) =>
        `${k.length} with a count dated after the plan day or more than ${COUNT_MAX_AGE_DAYS} days before it (their lines are blocked until a count with a sound date is imported): ${listSkus(k)}`,
    ),
    item(
      CHECK_IDS.conflictingCounts,
      'error',
      'One count per SKU, location and day',
      conflicting,
      'no two counts of the same day disagree',
      (k) =>
        `${k.length} with two counts for the same location and day that disagree (their lines are blocked until one count is imported): ${listSkus(k)}`,
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
    item(
      CHECK_IDS.missingOrders,
      'error',
      'Orders present for most of the last year on every channel',
      missingOrders,
      'no channel is missing orders for most of the last year',
      (k) =>
        `${k.length} sold on a channel whose orders are missing for most of the last year (their lines are blocked until the orders are imported): ${listSkus(k)}`,
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
export function salesGapRuns(history: DemandHistory, minDays: number): GapRun[] {
  const { days, channels } = history;
  const C = channels.length;
  const out: GapRun[] = [];
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
      if (e - t >= minDays) out.push({ channel: c, start: t, end: e, interior: e < days });
      i = j;
    }
  }
  return out;
}

/** A run of days without a sale on a channel: history indexes [start, end); interior when sales resume after it. */
export interface GapRun {
  channel: number;
  start: number;
  end: number;
  interior: boolean;
}

/** The sales gaps in words, one per run. */
export function salesGaps(history: DemandHistory, minDays: number): string[] {
  return gapWords(history, salesGapRuns(history, minDays));
}

function gapWords(history: DemandHistory, runs: readonly GapRun[]): string[] {
  return runs.map(
    (g) =>
      `${history.channels[g.channel]}: no sales ${dayRange(history.startDay + g.start, history.startDay + g.end - 1)} ${dayString(history.startDay + g.end - 1).slice(0, 4)} (${g.end - g.start} days) — missing export?`,
  );
}

/**
 * Channels whose orders are missing for most of the fit window: interior gaps (sales before and
 * after, so the channel did not close) covering at least half of the last year of history. The
 * plan would read those months as no demand, so every SKU that sold on the channel is blocked.
 */
export function missingOrderSpans(
  history: DemandHistory,
  runs: readonly GapRun[],
): { channel: number; days: number; from: number; to: number }[] {
  const window = Math.min(FORECAST_SETTINGS.fitWindowDays, history.days);
  const wStart = history.days - window;
  const out: { channel: number; days: number; from: number; to: number }[] = [];
  for (let c = 0; c < history.channels.length; c++) {
    let days = 0;
    let from = -1;
    let to = -1;
    for (const g of runs) {
      if (g.channel !== c || !g.interior) continue;
      const a = Math.max(g.start, wStart);
      if (g.end <= a) continue;
      days += g.end - a;
      if (from < 0) from = a;
      to = g.end - 1;
    }
    if (window > 0 && days * 2 >= window) out.push({ channel: c, days, from, to });
  }
  return out;
}
