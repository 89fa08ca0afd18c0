import type { ComponentType } from 'react';
import { csPanelViews } from '../cs/panel-views';
import { listingsPanelViews } from '../listings/panel-views';
import { planningPanelViews } from '../planning/panel-views';
import { returnsPanelViews } from '../returns/panel-views';
import { SnapshotSummary } from './SnapshotSummary';
import type { PanelContext, PanelViews } from './types';

type View = ComponentType<{ context: PanelContext }>;

/** Merges the processes' registrations: sections for the same page stack in this order. */
function merge(...groups: PanelViews[]): PanelViews {
  const out: PanelViews = {};
  for (const group of groups)
    for (const [key, views] of Object.entries(group)) out[key] = [...(out[key] ?? []), ...views];
  return out;
}

const VIEWS = merge(csPanelViews, returnsPanelViews, listingsPanelViews, planningPanelViews);

/**
 * The sections that show a recognised page, registered by each process by app and page kind; the
 * summary of what was read is the fallback.
 */
export function viewsFor(app: string, page: string): View[] {
  return VIEWS[`${app}:${page}`] ?? [SnapshotSummary];
}
