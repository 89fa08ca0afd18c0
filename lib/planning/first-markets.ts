import { dayNumber } from './dates';
import type { Channel, OrderLine } from './import/types';
import { CHANNEL_LABEL } from './rationale-words';
import type { PlanSettings } from './settings';

/** First-time markets per SKU: a country or channel first sold within the window that carries a real share of recent units. */
export function firstMarkets(orders: readonly OrderLine[], today: string, settings: PlanSettings): Map<string, string> {
  const todayN = dayNumber(today);
  const since = todayN - settings.firstMarketDays;
  const firstSeen = new Map<string, number>();
  const recent = new Map<string, number>();
  const recentTotal = new Map<string, number>();
  // The SKU's first sale anywhere (a SKU new everywhere is flagged as a new SKU instead).
  const firstAny = new Map<string, number>();
  const seen = (k: string, d: number, qty: number) => {
    const f = firstSeen.get(k);
    if (f === undefined || d < f) firstSeen.set(k, d);
    if (d >= since) recent.set(k, (recent.get(k) ?? 0) + qty);
  };
  for (const o of orders) {
    if (o.excluded) continue;
    const d = dayNumber(o.day);
    if (d >= todayN) continue;
    if (o.country) seen(`${o.sku}\u001fcountry:${o.country}`, d, o.qty);
    seen(`${o.sku}\u001fchannel:${o.channel}`, d, o.qty);
    const a = firstAny.get(o.sku);
    if (a === undefined || d < a) firstAny.set(o.sku, d);
    if (d >= since) recentTotal.set(o.sku, (recentTotal.get(o.sku) ?? 0) + o.qty);
  }
  const out = new Map<string, string>();
  for (const [k, d] of firstSeen) {
    if (d < since) continue;
    const [sku, key] = k.split('\u001f') as [string, string];
    if (!((firstAny.get(sku) ?? d) < since)) continue;
    const share = (recent.get(k) ?? 0) / Math.max(1, recentTotal.get(sku) ?? 0);
    if (share < settings.firstMarketShare) continue;
    const [kind, name] = key.split(':') as [string, string];
    const label = kind === 'channel' ? (CHANNEL_LABEL[name as Channel] ?? name) : name;
    out.set(
      sku,
      `first-time market: first ${label} sale ${todayN - d} days ago (${Math.round(share * 100)}% of recent units) — no history there`,
    );
  }
  return out;
}
