import type { InventoryCount } from '../import/types';
import { dayNumber } from './dates';
import type { DemandHistory } from './history';
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
  const skuIndex = new Map(history.skus.map((s, i) => [s, i]));
  const latest = new Map<string, InventoryCount>();
  for (const c of counts) {
    if (!skuIndex.has(c.sku)) continue;
    const key = `${c.sku}\u001f${familyOf(c)}\u001f${c.location}`;
    const old = latest.get(key);
    if (!old || c.asOf > old.asOf || (c.asOf === old.asOf && c.source === 'shopify-page')) latest.set(key, c);
  }
  const bySku = new Map<number, InventoryCount[]>();
  for (const c of latest.values()) {
    const s = skuIndex.get(c.sku)!;
    const list = bySku.get(s) ?? [];
    list.push(c);
    bySku.set(s, list);
  }
  const tplPattern = new RegExp(settings.tplShopifyLocationPattern, 'i');
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
    let tplSold = 0;
    const soldByFamily = new Map<string, number>();
    for (const c of list) {
      const fam = familyOf(c);
      if (c.onHand < 0) negative = true;
      if (!oldest || c.asOf < oldest) oldest = c.asOf;
      // Sales after a count are subtracted once per family (from its oldest count date).
      const key = `${fam}`;
      const prev = soldByFamily.get(key);
      const soldHere = soldAfter(s, c.asOf, DEPLETING[fam]);
      if (prev === undefined || soldHere > prev) soldByFamily.set(key, soldHere);
      const units = Math.max(0, c.onHand);
      if (fam === 'shopify') {
        shopify = (shopify ?? 0) + units;
        if (tplPattern.test(c.location)) shopifyAtTpl = (shopifyAtTpl ?? 0) + units;
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
    for (const [fam, v] of soldByFamily) if (fam === 'tpl') tplSold = v;
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
    let ownSold = soldByFamily.get('shopify') ?? 0;
    if (own === null && tpl !== null) {
      own = tpl;
      ownSold = tplSold;
    } else if (disagreement && shopifyAtTpl !== null && tpl !== null && tpl < shopifyAtTpl) {
      own = (own ?? 0) - shopifyAtTpl + tpl;
    }
    const fbaSold = soldByFamily.get('fba') ?? 0;
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
    };
  }
  return out;
}
