/** The Shopify panel's view of a page's SKUs: one summary per SKU from the plan of those SKUs. */
import type { SkuSummary } from '../messaging/contract/planning';
import { needsAction } from './needs-action';
import type { PlanLine } from './reorder-line';

/** How many of a page's SKUs the panel plans (a product rarely has more variants worth showing). */
export const PANEL_SKUS = 12;

/** The SKUs the panel plans, and how many more the page shows. */
export function panelSkus(pageSkus: readonly string[]): { skus: string[]; more: number } {
  return { skus: pageSkus.slice(0, PANEL_SKUS), more: Math.max(0, pageSkus.length - PANEL_SKUS) };
}

/** A SKU the imported orders never sold: nothing to plan from yet. */
function notInPlan(sku: string): SkuSummary {
  return {
    sku,
    inPlan: false,
    onHand: null,
    velocityPerDay: 0,
    channelVelocity: { shopify: 0, pos: 0, amazon: 0 },
    daysOfCover: null,
    stockoutDate: null,
    reorderPoint: 0,
    orderQty: null,
    supplier: null,
    leadTimeDays: 0,
    action: 'no-demand',
    confidence: 'low',
    confidenceReasons: ['no sales of this SKU in the imported orders'],
    rationale: 'No sales of this SKU in the imported orders: nothing to plan from yet.',
    needsAction: false,
  };
}

/** One summary per SKU, in the page's order, from the plan lines of those SKUs. */
export function skuSummaries(skus: readonly string[], lines: readonly PlanLine[], today: string): SkuSummary[] {
  const bySku = new Map(lines.map((l) => [l.sku, l]));
  return skus.map((sku) => {
    const l = bySku.get(sku);
    if (!l) return notInPlan(sku);
    return {
      sku,
      inPlan: true,
      onHand: l.onHand,
      velocityPerDay: l.velocityPerDay,
      channelVelocity: l.channelVelocity,
      daysOfCover: l.daysOfCover,
      stockoutDate: l.stockoutDate,
      reorderPoint: l.reorderPoint,
      orderQty: l.orderQty,
      supplier: l.supplier,
      leadTimeDays: l.leadTimeDays,
      action: l.action,
      confidence: l.confidence,
      confidenceReasons: l.confidenceReasons,
      rationale: l.rationale,
      needsAction: needsAction(l, today),
    };
  });
}
