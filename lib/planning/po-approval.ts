/**
 * Whether a PO draft may be approved against the plan it came from: a line whose SKU the plan
 * blocks (a file that could not be read, a negative stock count), cannot size (on-hand unknown) or
 * no longer plans at all must not become stock on order. Approval is a person's decision; this
 * only says what stands in its way, in words the planner page shows next to Approve.
 */
import type { CheckItem } from './quality';
import type { PlanLine } from './reorder-line';

/** One PO line that stops the approval, and why. */
export interface ApprovalBlock {
  sku: string;
  reason: string;
}

/** The lines of a PO that stop its approval (empty when it may be approved). */
export function approvalBlocks(
  po: { lines: readonly { sku: string; qty: number }[] },
  plan: { lines: readonly Pick<PlanLine, 'sku' | 'action' | 'blocked'>[]; checklist: readonly CheckItem[] },
): ApprovalBlock[] {
  const bySku = new Map(plan.lines.map((l) => [l.sku, l]));
  // A failed error-level check names its SKUs: any of them on the PO stops it.
  const failed = plan.checklist.filter((c) => !c.ok && c.severity === 'error');
  const out: ApprovalBlock[] = [];
  for (const l of po.lines) {
    if (l.qty <= 0) continue;
    const line = bySku.get(l.sku);
    if (!line) {
      out.push({ sku: l.sku, reason: 'not in the current plan: plan again before approving' });
      continue;
    }
    if (line.action === 'blocked') {
      out.push({ sku: l.sku, reason: line.blocked ?? 'its data failed a check' });
      continue;
    }
    if (line.action === 'review') {
      out.push({ sku: l.sku, reason: 'on-hand unknown: import a stock count first' });
      continue;
    }
    const check = failed.find((c) => c.skus.includes(l.sku));
    if (check) out.push({ sku: l.sku, reason: `${check.title.toLowerCase()} fails: ${check.detail}` });
  }
  return out;
}
