import { describe, expect, it } from 'vitest';
import { csPanelViews } from '../cs/panel-views';
import { listingsPanelViews } from '../listings/panel-views';
import { planningPanelViews } from '../planning/panel-views';
import { returnsPanelViews } from '../returns/panel-views';
import { loadViews, VIEW_LOADERS, viewsFor } from './views';

describe('panel views loaded per app', () => {
  it('loads, for each app, every process that registered a view for it', async () => {
    const all = [csPanelViews, returnsPanelViews, listingsPanelViews, planningPanelViews];
    for (const app of Object.keys(VIEW_LOADERS)) {
      const views = await loadViews(app);
      for (const group of all)
        for (const [key, list] of Object.entries(group))
          if (key.startsWith(`${app}:`)) for (const v of list) expect(views[key], key).toContain(v);
    }
    // Every registered app has a loader.
    for (const group of all)
      for (const key of Object.keys(group)) expect(VIEW_LOADERS).toHaveProperty(key.split(':')[0] as string);
  });

  it('says "still loading" before the views are in, and stacks sections in process order', async () => {
    expect(viewsFor('nowhere', 'x')).toBeUndefined();
    await loadViews('shopify');
    expect(viewsFor('shopify', 'product')).toEqual([
      ...(listingsPanelViews['shopify:product'] ?? []),
      ...(planningPanelViews['shopify:product'] ?? []),
    ]);
    expect(viewsFor('shopify', 'orders')).toEqual([]);
  });
});
