import { dayNumber } from './dates';
import type { DemandHistory } from './history';
import type { InventoryCount } from './import/types';
import type { PlanSettings } from './settings';

/** What the planner believes is in stock for one SKU, and why it may be wrong. */
export interface StockView {
  /** Units on hand now (counts minus sales since each count); null when unknown. */
  onHand: number | null;
  committed: number;
  incoming: number;
  /** Oldest count date used. */
  asOf: string | null;
  shopifyCount: number | null;
  fbaCount: number | null;
  tplCount: number | null;
  /** Units sold since the counts were taken and subtracted from them. */
  soldSinceCount: number;
  stale: boolean;
  negative: boolean;
  /** Shopify and 3PL counts differ beyond tolerance. */
  disagreement: { shopify: number; tpl: number } | null;
  /**
   * A count used that is dated after the plan day (a misread date: day and month swapped; not an
   * admin-page snapshot, dated by the clock) or more than a year before it: the stock it reports
   * cannot be placed in time.
   */
  dateProblem?: { kind: 'future' | 'old'; source: string; location: string; asOf: string } | null;
  /** Two imported counts for the same location and day that disagree (which is right is unknowable). */
  conflict?: { source: string; location: string; asOf: string; onHand: [number, number] } | null;
}

/** A count more than this many days before the plan day says nothing about today's stock. */
export const COUNT_MAX_AGE_DAYS = 365;

/** "3PL", "Shopify", "FBA": whose count it is, in the words the reasons use. */
export function countSourceWords(source: string): string {
  return source === '3pl-onhand' ? '3PL' : source === 'fba-inventory' ? 'FBA' : 'Shopify';
}

type Family = 'shopify' | 'fba' | 'tpl';
const familyOf = (c: InventoryCount): Family =>
  c.source === 'fba-inventory' ? 'fba' : c.source === '3pl-onhand' ? 'tpl' : 'shopify';

/** Channels whose sales deplete each family of counts: Shopify stock serves web and POS, FBA serves Amazon. */
const DEPLETING: Record<Family, readonly number[]> = { shopify: [0, 1], fba: [2], tpl: [0] };

/**
 * Resolves the stock of every SKU of the history from counts: the latest count per source family
 * and location (an admin-page snapshot beats an older export), sales after each count
 * subtracted, Shopify total plus FBA, checked against the 3PL's count of the same stock.
 */
export function resolveStock(
  counts: readonly InventoryCount[],
  history: DemandHistory,
  today: string,
  settings: PlanSettings,
): (StockView | null)[] {
  const todayN = dayNumber(today);
  const skuIndex = new Map<string, number>();
  for (let i = 0; i < history.skus.length; i++) skuIndex.set(history.skus[i]!, i);
  // Latest count per SKU, source family and location, in order of first appearance. A SKU has a
  // handful of locations: a scan of its own list beats one string-keyed map over every count.
  const bySku = new Map<number, InventoryCount[]>();
  // Imported counts of one SKU, location and day that disagree (admin-page snapshots are taken
  // through the day and may rightly differ; files state one count per day).
  const conflicts = new Map<number, NonNullable<StockView['conflict']>>();
  for (const c of counts) {
    const s = skuIndex.get(c.sku);
    if (s === undefined) continue;
    let list = bySku.get(s);
    if (!list) {
      list = [];
      bySku.set(s, list);
    }
    const fam = familyOf(c);
    let at = -1;
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.location === c.location && familyOf(list[i]!) === fam) {
        at = i;
        break;
      }
    }
    if (at < 0) list.push(c);
    else {
      const old = list[at]!;
      if (
        c.asOf === old.asOf &&
        c.onHand !== old.onHand &&
        c.source !== 'shopify-page' &&
        old.source !== 'shopify-page' &&
        !conflicts.has(s)
      )
        conflicts.set(s, { source: c.source, location: c.location, asOf: c.asOf, onHand: [old.onHand, c.onHand] });
      if (c.asOf > old.asOf || (c.asOf === old.asOf && c.source === 'shopify-page')) list[at] = c;
    }
  }
  const tplRegExp = new RegExp(settings.tplShopifyLocationPattern, 'i');
  const atTplCache = new Map<string, boolean>();
  const atTpl = (location: string): boolean => {
    let v = atTplCache.get(location);
    if (v === undefined) {
      v = tplRegExp.test(location);
      atTplCache.set(location, v);
    }
    return v;
  };
  const C = history.channels.length;
  const soldAfter = (s: number, asOf: string, channels: readonly number[]): number => {
    const from = dayNumber(asOf) + 1 - history.startDay;
    let sum = 0;
    for (const c of channels) {
      const base = (s * C + c) * history.days;
      for (let t = Math.max(0, from); t < history.days; t++) sum += history.qty[base + t]!;
    }
    return sum;
  };
  const out: (StockView | null)[] = new Array(history.skus.length).fill(null);
  for (const [s, list] of bySku) {
    let shopify: number | null = null;
    let shopifyAtTpl: number | null = null;
    let fba: number | null = null;
    let tpl: number | null = null;
    let committed = 0;
    let incoming = 0;
    let oldest: string | null = null;
    let negative = false;
    let dateProblem: StockView['dateProblem'] = null;
    // Sales after a count are subtracted once per family (from its oldest count date).
    let shopifySold = Number.NEGATIVE_INFINITY;
    let fbaSold = Number.NEGATIVE_INFINITY;
    let tplSold = Number.NEGATIVE_INFINITY;
    for (const c of list) {
      const fam = familyOf(c);
      if (c.onHand < 0) negative = true;
      if (!dateProblem) {
        // An admin-page snapshot is dated by the clock when it is read, never from a file: it can
        // be newer than a plan made as of an earlier day, but not misread.
        const age = todayN - dayNumber(c.asOf);
        if ((age < 0 && c.source !== 'shopify-page') || age > COUNT_MAX_AGE_DAYS)
          dateProblem = { kind: age < 0 ? 'future' : 'old', source: c.source, location: c.location, asOf: c.asOf };
      }
      if (!oldest || c.asOf < oldest) oldest = c.asOf;
      const soldHere = soldAfter(s, c.asOf, DEPLETING[fam]);
      if (fam === 'shopify') shopifySold = Math.max(shopifySold, soldHere);
      else if (fam === 'fba') fbaSold = Math.max(fbaSold, soldHere);
      else tplSold = Math.max(tplSold, soldHere);
      const units = Math.max(0, c.onHand);
      if (fam === 'shopify') {
        shopify = (shopify ?? 0) + units;
        if (atTpl(c.location)) shopifyAtTpl = (shopifyAtTpl ?? 0) + units;
        committed += c.committed;
        incoming += c.incoming;
      } else if (fam === 'fba') {
        fba = (fba ?? 0) + units;
        committed += c.committed;
        incoming += c.incoming;
      } else {
        tpl = (tpl ?? 0) + units;
      }
    }
    let disagreement: StockView['disagreement'] = null;
    const shopifyCompared = shopifyAtTpl ?? shopify;
    if (shopifyCompared !== null && tpl !== null) {
      const diff = Math.abs(shopifyCompared - tpl);
      const pct = (100 * diff) / Math.max(shopifyCompared, tpl, 1);
      if (diff > settings.countToleranceUnits && pct > settings.countTolerancePct) {
        disagreement = { shopify: shopifyCompared, tpl };
      }
    }
    // Own-store stock: the Shopify count, or the 3PL's when Shopify has none. When they disagree,
    // the lower one is used (the line is low confidence and says so).
    let own: number | null = shopify;
    if (shopifySold === Number.NEGATIVE_INFINITY) shopifySold = 0;
    if (fbaSold === Number.NEGATIVE_INFINITY) fbaSold = 0;
    if (tplSold === Number.NEGATIVE_INFINITY) tplSold = 0;
    let ownSold = shopifySold;
    if (own === null && tpl !== null) {
      own = tpl;
      ownSold = tplSold;
    } else if (disagreement && shopifyAtTpl !== null && tpl !== null && tpl < shopifyAtTpl) {
      own = (own ?? 0) - shopifyAtTpl + tpl;
    }
    const ownNow = own === null ? null : Math.max(0, own - ownSold);
    const fbaNow = fba === null ? null : Math.max(0, fba - fbaSold);
    const onHand = ownNow === null && fbaNow === null ? null : (ownNow ?? 0) + (fbaNow ?? 0);
    out[s] = {
      onHand,
      committed,
      incoming,
      asOf: oldest,
      shopifyCount: shopify,
      fbaCount: fba,
      tplCount: tpl,
      soldSinceCount: (own === null ? 0 : Math.min(own, ownSold)) + (fba === null ? 0 : Math.min(fba, fbaSold)),
      stale: oldest !== null && todayN - dayNumber(oldest) > settings.staleCountDays,
      negative,
      disagreement,
      dateProblem,
      conflict: conflicts.get(s) ?? null,
    };
  }
  return out;
}
