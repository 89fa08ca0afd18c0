import type { ComponentType } from 'react';
import { csPanelViews } from '../cs/panel-views';
import { listingsPanelViews } from '../listings/panel-views';
import { planningPanelViews } from '../planning/panel-views';
import { returnsPanelViews } from '../returns/panel-views';
import { SnapshotSummary } from './SnapshotSummary';
import type { PanelContext, PanelViews } from './types';

/**
 * Which view shows a recognised page. Each process registers its own by app and page kind; the
 * summary of what was read is the fallback.
 */
const VIEWS: PanelViews = { ...csPanelViews, ...returnsPanelViews, ...planningPanelViews, ...listingsPanelViews };

export function viewFor(app: string, page: string): ComponentType<{ context: PanelContext }> {
  return VIEWS[`${app}:${page}`] ?? SnapshotSummary;
}
