import * as clock from '../../lib/clock';
import { db } from '../../lib/db/schema';
import type { SkuSummary } from '../../lib/messaging/contract/planning';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { onOrderInput } from '../../lib/planning/on-order';
import { planReorder } from '../../lib/planning/plan';
import type { PoDraft } from '../../lib/planning/po';
import { countsFromPage, type PageInventoryRow } from '../../lib/planning/snapshot';
import { loadPlanInput, needsAction, storeRecords } from '../../lib/planning/store';
import { parsePlanningSettings, planDay, planningSettings, toPlanSettings } from '../../lib/settings/planning';
import { locationCountsSku } from '../../lib/sites/shopify/counts-owner';
import { shopifyInventoryDataSchema, shopifyProductDataSchema } from '../../lib/sites/shopify/schema';
import { readTabSnapshot } from './tab-state';

const MAX_SKUS = 12;

/** The page's SKUs and its per-location counts, from the tab's validated snapshot. */
function pageInventory(snapshot: { app: string; page: string; data: unknown }): {
  skus: string[];
  rows: PageInventoryRow[];
  countsSku: string | null;
} {
  if (snapshot.app !== 'shopify') return { skus: [], rows: [], countsSku: null };
  if (snapshot.page === 'product') {
    const parsed = shopifyProductDataSchema.safeParse(snapshot.data);
    if (!parsed.success) return { skus: [], rows: [], countsSku: null };
    const skus = [...new Set(parsed.data.product.variants.map((v) => v.sku.trim()).filter(Boolean))];
    // The counts belong to the Inventory card's SKU (or the only SKU); with several variants and no
    // SKU on the card nothing is recorded, and the panel says to open the variant.
    const countsSku = locationCountsSku(parsed.data);
    if (countsSku && !skus.includes(countsSku)) skus.unshift(countsSku);
    const rows = countsSku ? parsed.data.inventory.map((r) => ({ ...r, sku: countsSku })) : [];
    return { skus, rows, countsSku };
  }
  if (snapshot.page === 'inventory') {
    const parsed = shopifyInventoryDataSchema.safeParse(snapshot.data);
    if (!parsed.success) return { skus: [], rows: [], countsSku: null };
    const rows = parsed.data.rows.filter((r) => r.sku.trim());
    return { skus: [...new Set(rows.map((r) => r.sku.trim()))], rows, countsSku: null };
  }
  return { skus: [], rows: [], countsSku: null };
}

const emptySummary = (sku: string): SkuSummary => ({
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
});

/** Background handlers of the planning process. */
export const planningHandlers: Handlers = {
  'planning.skuSummary': async (_payload, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks for a SKU summary.');
    const settings = parsePlanningSettings(await planningSettings.getValue());
    const today = planDay(settings, clock.now());
    const snapshot = await readTabSnapshot(sender.tabId);
    const database = db();
    const hasData =
      (await database.salesLines.count()) +
        (await database.inventoryCounts.count()) +
        (await database.suppliers.count()) >
      0;
    if (!snapshot) return { today, hasData, recorded: 0, capturedAt: null, countsSku: null, skus: [], more: 0 };
    const page = pageInventory(snapshot);
    // Record what the page shows as a timestamped snapshot: fresher than the last export.
    const counts = countsFromPage(page.rows, snapshot.capturedAt);
    const stored = counts.length ? await storeRecords(database, 'inventoryCounts', counts) : null;
    const skus = page.skus.slice(0, MAX_SKUS);
    const input = await loadPlanInput(database, skus);
    const planSettings = toPlanSettings(settings);
    // Approved POs count here as in the planner: on order, and arriving on their day.
    const pos = (await database.purchaseOrders.where('status').equals('approved').toArray()) as unknown as PoDraft[];
    const onOrder = onOrderInput(pos, input.suppliers, input.counts, planSettings.defaultLeadTimeDays);
    const plan = skus.length
      ? planReorder({ ...input, ...onOrder, today, settings: planSettings })
      : { lines: [] as ReturnType<typeof planReorder>['lines'] };
    const bySku = new Map(plan.lines.map((l) => [l.sku, l]));
    const summaries: SkuSummary[] = skus.map((sku) => {
      const l = bySku.get(sku);
      if (!l) return emptySummary(sku);
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
    return {
      today,
      hasData,
      recorded: stored ? stored.inserted + stored.updated + stored.unchanged : 0,
      capturedAt: snapshot.capturedAt,
      countsSku: page.countsSku,
      skus: summaries,
      more: Math.max(0, page.skus.length - skus.length),
    };
  },
};
