import * as clock from '../../lib/clock';
import { countStored, hasPlanningData, loadPlanInput, storeRecords } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { countsFromPage } from '../../lib/planning/page-counts';
import { planReorder } from '../../lib/planning/plan';
import { panelSkus, skuSummaries } from '../../lib/planning/sku-summary';
import { parsePlanningSettings, planDay, planningSettings, toPlanSettings } from '../../lib/settings/planning';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { toPageStock } from '../../lib/sites/shopify/to-page-stock';
import { readTabSnapshot } from './tab-state';

/** Snapshot hook: the counts a Shopify page shows are stored as timestamped stock counts (fresher than the last export). */
export async function storePageCounts(snapshot: CheckedSnapshot): Promise<void> {
  const counts = countsFromPage(toPageStock(snapshot).rows, snapshot.capturedAt);
  if (counts.length) await storeRecords(db(), 'inventoryCounts', counts);
}

/** Background handlers of the planning process. */
export const planningHandlers: Handlers = {
  'planning.skuSummary': async (_payload, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks for a SKU summary.');
    const settings = parsePlanningSettings(await planningSettings.getValue());
    const today = planDay(settings, clock.now());
    const snapshot = await readTabSnapshot(sender.tabId);
    const database = db();
    const hasData = await hasPlanningData(database);
    if (!snapshot) {
      return { today, hasData, recorded: 0, capturedAt: null, countsSku: null, untiedCounts: false, skus: [], more: 0 };
    }
    const page = toPageStock(snapshot);
    // The snapshot hook stored the page's counts before the panel could see the snapshot.
    const counts = countsFromPage(page.rows, snapshot.capturedAt);
    const recorded = await countStored(
      database,
      'inventoryCounts',
      counts.map((c) => c.id),
    );
    const { skus, more } = panelSkus(page.skus);
    // Approved POs count here as in the planner: on order, and arriving on their day.
    const planSettings = toPlanSettings(settings);
    const input = await loadPlanInput(database, skus, {}, planSettings);
    const lines = skus.length ? planReorder({ ...input, today, settings: planSettings }).lines : [];
    return {
      today,
      hasData,
      recorded,
      capturedAt: snapshot.capturedAt,
      countsSku: page.countsSku,
      untiedCounts: page.untied > 0,
      skus: skuSummaries(skus, lines, today),
      more,
    };
  },
};
