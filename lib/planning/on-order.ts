/**
 * Approved purchase orders as stock on order: each approved line adds its quantity to the SKU's
 * incoming units (inventory position) and arrives on the PO's expected date, or on the approval
 * date + the supplier's lead time. A PO stops counting once a stock count on or after its arrival
 * exists for the SKU (the goods are then part of on hand).
 */

import { dayNumber, dayString } from './dates';
import type { InventoryCount, SupplierTerm } from './import/types';
import type { PoDraft } from './po';

/** One approved PO line still to arrive. */
export interface IncomingPo {
  sku: string;
  poId: string;
  qty: number;
  /** Expected arrival day (YYYY-MM-DD). */
  arrives: string;
}

/** Approved POs on order: `units` and `notes` feed PlanInput.onOrder / onOrderNotes, `lines` feed PlanInput.incomingPos. */
export interface OnOrder {
  /** Units on order per SKU (PlanInput.onOrder). */
  units: Record<string, number>;
  /** Rationale note per SKU, e.g. "incl. 100 on order (PO po:Acme:2026-11-20, arrives 2026-12-04)". */
  notes: Record<string, string>;
  /** One line per PO and SKU with its arrival day (PlanInput.incomingPos). */
  lines: IncomingPo[];
}

const DEFAULT_LEAD_DAYS = 30;

export function onOrderFromPos(
  pos: readonly PoDraft[],
  suppliers: readonly Pick<SupplierTerm, 'sku' | 'leadTimeDays'>[],
  counts: readonly Pick<InventoryCount, 'sku' | 'asOf'>[] = [],
  defaultLeadDays = DEFAULT_LEAD_DAYS,
): OnOrder {
  const lead = new Map(suppliers.map((t) => [t.sku, t.leadTimeDays]));
  const lastCount = new Map<string, number>();
  for (const c of counts) {
    const d = dayNumber(c.asOf.slice(0, 10));
    if (d > (lastCount.get(c.sku) ?? Number.NEGATIVE_INFINITY)) lastCount.set(c.sku, d);
  }
  const lines: IncomingPo[] = [];
  for (const po of pos) {
    if (po.status !== 'approved') continue;
    const from = (po.approvedAt ?? po.createdFor).slice(0, 10);
    for (const l of po.lines) {
      if (l.qty <= 0) continue;
      const arrivesN = po.expectedAt
        ? dayNumber(po.expectedAt.slice(0, 10))
        : dayNumber(from) + Math.round(lead.get(l.sku) ?? defaultLeadDays);
      const counted = lastCount.get(l.sku);
      if (counted !== undefined && counted >= arrivesN) continue;
      lines.push({ sku: l.sku, poId: po.id, qty: l.qty, arrives: dayString(arrivesN) });
    }
  }
  const units: Record<string, number> = {};
  const bySku: Record<string, IncomingPo[]> = {};
  for (const l of lines) {
    units[l.sku] = (units[l.sku] ?? 0) + l.qty;
    bySku[l.sku] = [...(bySku[l.sku] ?? []), l];
  }
  const notes: Record<string, string> = {};
  for (const [sku, ls] of Object.entries(bySku)) {
    notes[sku] =
      `incl. ${units[sku]} on order (${ls.map((l) => `PO ${l.poId}, ${l.qty} arrive ${l.arrives}`).join('; ')})`;
  }
  return { units, notes, lines };
}

/** The PlanInput fields for approved POs: units on order, their rationale notes, and the dated arrivals. */
export function onOrderInput(
  pos: readonly PoDraft[],
  suppliers: readonly Pick<SupplierTerm, 'sku' | 'leadTimeDays'>[],
  counts: readonly Pick<InventoryCount, 'sku' | 'asOf'>[],
  defaultLeadDays = DEFAULT_LEAD_DAYS,
): { onOrder: Record<string, number>; onOrderNotes: Record<string, string>; incomingPos: IncomingPo[] } {
  const o = onOrderFromPos(pos, suppliers, counts, defaultLeadDays);
  return { onOrder: o.units, onOrderNotes: o.notes, incomingPos: o.lines };
}
