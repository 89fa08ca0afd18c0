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
