import * as clock from '../../lib/clock';
import { hasPlanningData, loadPlanInput, storeRecords } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { countsFromPage } from '../../lib/planning/page-counts';
import { planReorder } from '../../lib/planning/plan';
import { panelSkus, skuSummaries } from '../../lib/planning/sku-summary';
import { parsePlanningSettings, planDay, planningSettings, toPlanSettings } from '../../lib/settings/planning';
import { toPageStock } from '../../lib/sites/shopify/to-page-stock';
import { readTabSnapshot } from './tab-state';

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
    // Record what the page shows as a timestamped snapshot: fresher than the last export.
    const counts = countsFromPage(page.rows, snapshot.capturedAt);
    const stored = counts.length ? await storeRecords(database, 'inventoryCounts', counts) : null;
    const { skus, more } = panelSkus(page.skus);
    // Approved POs count here as in the planner: on order, and arriving on their day.
    const planSettings = toPlanSettings(settings);
    const input = await loadPlanInput(database, skus, {}, planSettings);
    const lines = skus.length ? planReorder({ ...input, today, settings: planSettings }).lines : [];
    return {
      today,
      hasData,
      recorded: stored ? stored.inserted + stored.updated + stored.unchanged : 0,
      capturedAt: snapshot.capturedAt,
      countsSku: page.countsSku,
      untiedCounts: page.untied > 0,
      skus: skuSummaries(skus, lines, today),
      more,
    };
  },
};
