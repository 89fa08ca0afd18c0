import type { ComponentType } from 'react';
import type { PanelContext, PanelViews } from './types';

type View = ComponentType<{ context: PanelContext }>;

/**
 * Each process's panel views, loaded on demand: the panel of one app loads only the processes that
 * show something there (the Gorgias panel never parses the listings checker or the planner). The
 * order is the stacking order of sections on one page. A process that adds views for another app
 * adds its loader to that app here (`views.test.ts` holds the registrations and this table together).
 */
const cs = () => import('../cs/panel-views').then((m) => m.csPanelViews);
const returns = () => import('../returns/panel-views').then((m) => m.returnsPanelViews);
const listings = () => import('../listings/panel-views').then((m) => m.listingsPanelViews);
const planning = () => import('../planning/panel-views').then((m) => m.planningPanelViews);

export const VIEW_LOADERS: Record<string, Array<() => Promise<PanelViews>>> = {
  gorgias: [cs],
  loop: [returns],
  amazon: [listings],
  shopify: [listings, planning],
};

/** Merges the processes' registrations: sections for the same page stack in this order. */
function merge(groups: PanelViews[]): PanelViews {
  const out: PanelViews = {};
  for (const group of groups)
    for (const [key, views] of Object.entries(group)) out[key] = [...(out[key] ?? []), ...views];
  return out;
}

const loaded = new Map<string, PanelViews>();
const loading = new Map<string, Promise<PanelViews>>();

/** Starts (once) loading the views of one app; the boot calls it before React has even loaded. */
export function loadViews(app: string): Promise<PanelViews> {
  const started = loading.get(app);
  if (started) return started;
  const p = Promise.all((VIEW_LOADERS[app] ?? []).map((load) => load())).then((groups) => {
    const views = merge(groups);
    loaded.set(app, views);
    return views;
  });
  loading.set(app, p);
  return p;
}

/**
 * The sections that show a recognised page, registered by each process by app and page kind:
 * undefined while the app's views are still loading, an empty list when no process shows this
 * page (the panel then shows the summary of what was read).
 */
export function viewsFor(app: string, page: string): View[] | undefined {
  const views = loaded.get(app);
  if (!views) return undefined;
  return views[`${app}:${page}`] ?? [];
}
