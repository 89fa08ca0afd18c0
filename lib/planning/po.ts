import Papa from 'papaparse';
import type { Budget } from './cash';
import type { PlanLine } from './reorder-line';

export interface PoLine {
  sku: string;
  qty: number;
  /** What the plan proposed (before any edit or cash cut). */
  proposedQty: number;
  unitCost: number | null;
  lineTotal: number | null;
  moq: number | null;
  casePack: number | null;
  rationale: string;
}

export interface PoAuditEntry {
  at: string;
  by: string;
  sku: string;
  from: number;
  to: number;
  note: string | null;
}

/** A purchase-order draft for one supplier. Nothing is sent: a person approves and exports it. */
export interface PoDraft {
  id: string;
  supplier: string;
  currency: string | null;
  createdFor: string;
  lines: PoLine[];
  total: number;
  /** Share of the period budget this PO uses (null without a budget). */
  budgetShare: number | null;
  status: 'draft' | 'approved';
  /** When the planner approved it (arrival = this + lead time unless `expectedAt` is set). */
  approvedAt?: string;
  /** Expected arrival date, when the PO has one. */
  expectedAt?: string;
  audit: PoAuditEntry[];
  /** Warnings such as a quantity edited below the MOQ or off the case pack. */
  warnings: string[];
}

/** Groups the funded quantities of ordering lines into one PO draft per supplier. */
export function purchaseOrders(lines: readonly PlanLine[], budget: Budget | null, today: string): PoDraft[] {
  const bySupplier = new Map<string, PlanLine[]>();
  for (const l of lines) {
    const qty = l.cash.fundedQty ?? l.orderQty;
    if (!l.supplier || qty === null || qty <= 0) continue;
    const list = bySupplier.get(l.supplier) ?? [];
    list.push(l);
    bySupplier.set(l.supplier, list);
  }
  return [...bySupplier.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([supplier, ls]) => {
      const poLines: PoLine[] = ls.map((l) => {
        const qty = l.cash.fundedQty ?? l.orderQty!;
        return {
          sku: l.sku,
          qty,
          proposedQty: l.orderQty!,
          unitCost: l.unitCost,
          lineTotal: l.unitCost === null ? null : qty * l.unitCost,
          moq: l.moq,
          casePack: l.casePack,
          rationale: l.rationale,
        };
      });
      return finish(
        {
          id: `po:${supplier}:${today}`,
          supplier,
          currency: ls.find((l) => l.currency)?.currency ?? null,
          createdFor: today,
          lines: poLines,
          total: 0,
          budgetShare: null,
          status: 'draft',
          audit: [],
          warnings: [],
        },
        budget,
      );
    });
}

/** The follow-up number of a PO id: 1 for `po:Acme:2026-11-27`, 2 for `po:Acme:2026-11-27:2`. */
export function poSequence(id: string): number {
  const m = /\d{4}-\d{2}-\d{2}:(\d+)$/.exec(id);
  return m ? Number(m[1]) : 1;
}

/** The first free id for a supplier's PO of the day: the base id, else `base:2`, `base:3`, … */
export function nextPoId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}:${n}`)) n += 1;
  return `${base}:${n}`;
}

function finish(po: PoDraft, budget: Budget | null): PoDraft {
  const total = po.lines.reduce((a, l) => a + (l.lineTotal ?? 0), 0);
  const warnings: string[] = [];
  for (const l of po.lines) {
    if (l.unitCost === null) warnings.push(`${l.sku}: unit cost unknown, not in the total`);
    if (l.qty > 0 && l.moq !== null && l.qty < l.moq) warnings.push(`${l.sku}: ${l.qty} is below the MOQ of ${l.moq}`);
    if (l.qty > 0 && l.casePack && l.casePack > 1 && l.qty % l.casePack !== 0) {
      warnings.push(`${l.sku}: ${l.qty} is not a whole number of cases of ${l.casePack}`);
    }
  }
  return { ...po, total, budgetShare: budget && budget.amount > 0 ? total / budget.amount : null, warnings };
}

/** Changes one line's quantity, recording who changed it, when, and why (the audit trail). */
export function editPoLine(
  po: PoDraft,
  sku: string,
  qty: number,
  who: { by: string; at: string; note?: string },
  budget: Budget | null = null,
): PoDraft {
  if (!Number.isInteger(qty) || qty < 0) throw new RangeError(`quantity must be a whole number ≥ 0, got ${qty}`);
  const line = po.lines.find((l) => l.sku === sku);
  if (!line) throw new Error(`${sku} is not on the PO for ${po.supplier}`);
  const lines = po.lines.map((l) =>
    l.sku === sku ? { ...l, qty, lineTotal: l.unitCost === null ? null : qty * l.unitCost } : l,
  );
  const audit = [...po.audit, { at: who.at, by: who.by, sku, from: line.qty, to: qty, note: who.note ?? null }];
  return finish({ ...po, lines, audit, status: 'draft' }, budget);
}

/** The PO as CSV for the supplier (one row per line with a quantity, then a total row). */
export function poToCsv(po: PoDraft): string {
  const rows = po.lines
    .filter((l) => l.qty > 0)
    .map((l) => ({
      supplier: po.supplier,
      sku: l.sku,
      quantity: l.qty,
      unit_cost: l.unitCost === null ? '' : l.unitCost.toFixed(2),
      currency: po.currency ?? '',
      line_total: l.lineTotal === null ? '' : l.lineTotal.toFixed(2),
    }));
  rows.push({
    supplier: po.supplier,
    sku: 'TOTAL',
    quantity: rows.reduce((a, r) => a + r.quantity, 0),
    unit_cost: '',
    currency: po.currency ?? '',
    line_total: po.total.toFixed(2),
  });
  // escapeFormulae: a SKU or supplier starting with = + - @ must not run as a spreadsheet formula.
  return Papa.unparse(rows, { escapeFormulae: true, newline: '\n' });
}
