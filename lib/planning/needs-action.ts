/**
 * True when a plan line needs action now: an order, a stockout before the lead time is over (for a
 * SKU that sells), or a block (a file feeding it could not be read: fix and import it again).
 */
export function needsAction(
  line: { orderQty: number | null; stockoutDate: string | null; leadTimeDays: number; action?: string },
  today: string,
): boolean {
  if (line.action === 'blocked') return true;
  if (line.orderQty !== null && line.orderQty > 0) return true;
  if (!line.stockoutDate || line.action === 'no-demand') return false;
  const days = (Date.parse(line.stockoutDate) - Date.parse(today)) / 86_400_000;
  return days <= line.leadTimeDays;
}

/** What the popup needs of a line to rank and describe it. */
export type TriageLine = {
  sku: string;
  orderQty: number | null;
  stockoutDate: string | null;
  stockoutRisk: number | null;
  leadTimeDays: number;
  incoming?: number;
  action?: string;
  blocked?: string | undefined;
  cash?: { status: string; fundedQty: number | null; note: string | null } | undefined;
};

const dayDiff = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

/**
 * Lines most urgent first: the soonest stockout (out now first), then the highest stockout risk,
 * then a blocked line (it cannot be sized, so a person has to look), then by SKU. A line with no
 * stockout in sight comes after every dated one.
 */
export function byUrgency<L extends TriageLine>(lines: readonly L[], today: string): L[] {
  const days = (l: L) => (l.stockoutDate ? Math.max(0, dayDiff(l.stockoutDate, today)) : Number.POSITIVE_INFINITY);
  return [...lines].sort(
    (a, b) =>
      days(a) - days(b) ||
      (b.stockoutRisk ?? 0) - (a.stockoutRisk ?? 0) ||
      Number(b.action === 'blocked') - Number(a.action === 'blocked') ||
      a.sku.localeCompare(b.sku),
  );
}

/** The one verdict a triage line shows: a badge and a short sentence that never disagree. */
export interface LineVerdict {
  badge: string;
  tone: 'bad' | 'warn' | 'accent' | 'neutral';
  text: string;
}

/**
 * What to do about a line, in one badge and one sentence: blocked (and why), deferred by the budget
 * (and why: never "order 500" for an order the budget put off), partly funded, order N, no quantity,
 * or runs out before an order could arrive with no order this review.
 */
export function lineVerdict(l: TriageLine, today: string): LineVerdict {
  if (l.action === 'blocked')
    return { badge: 'blocked', tone: 'bad', text: `Blocked: ${l.blocked ?? 'its data failed a check'}` };
  const qty = l.orderQty ?? 0;
  if (l.cash?.status === 'deferred' && qty > 0) {
    return {
      badge: 'deferred',
      tone: 'warn',
      text: `Order of ${qty} deferred by the budget${l.cash.note ? ` — ${l.cash.note.replace(/^deferred:\s*/, '')}` : ''}`,
    };
  }
  if (l.cash?.status === 'partial' && qty > 0) {
    return {
      badge: `order ${l.cash.fundedQty ?? 0}`,
      tone: 'accent',
      text: `Order ${l.cash.fundedQty ?? 0} of ${qty} now; the budget defers the rest`,
    };
  }
  if (qty > 0) return { badge: `order ${qty}`, tone: 'accent', text: `Order ${qty}` };
  if (l.orderQty === null) return { badge: 'no quantity', tone: 'bad', text: 'No quantity: on-hand unknown' };
  if (l.stockoutDate) {
    const d = dayDiff(l.stockoutDate, today);
    return {
      badge: d <= 0 ? 'out of stock' : 'runs out soon',
      tone: 'warn',
      text: `${d <= 0 ? 'Out of stock now' : `Runs out in ${d} day${d === 1 ? '' : 's'}`}, before an order placed today could arrive. No new order this review: ${
        (l.incoming ?? 0) > 0 ? `${l.incoming} already on order cover the rest` : 'stock is above the reorder point'
      }`,
    };
  }
  return { badge: 'no order', tone: 'neutral', text: 'No order this review' };
}

/**
 * The Shopify panel's status badge for a SKU, agreeing with its confidence: "OK" (green) only for
 * a line that needs nothing and whose data is sound; overstock, no quantity, no demand and a
 * low-confidence line say so instead of a green OK beside "low confidence · overstock".
 */
export function panelStatus(s: {
  inPlan: boolean;
  needsAction: boolean;
  orderQty: number | null;
  action: string;
  confidence: 'high' | 'medium' | 'low';
}): { label: string; tone: 'ok' | 'warn' | 'bad' | 'accent' | 'neutral' } | null {
  if (!s.inPlan || s.action === 'blocked') return null;
  if (s.needsAction)
    return s.orderQty !== null && s.orderQty > 0
      ? { label: 'Reorder now', tone: 'warn' }
      : { label: 'Runs out soon', tone: 'warn' };
  if (s.action === 'overstock') return { label: 'Overstock', tone: 'accent' };
  if (s.action === 'review') return { label: 'No quantity', tone: 'bad' };
  if (s.action === 'no-demand') return { label: 'No demand', tone: 'neutral' };
  if (s.confidence === 'low') return { label: 'Check the data', tone: 'warn' };
  return { label: 'OK', tone: 'ok' };
}
