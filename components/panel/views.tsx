import type { ComponentType } from 'react';
import { SnapshotSummary } from './SnapshotSummary';
import type { PanelContext } from './types';

/**
 * Which view shows a recognised page. Each process registers its own by app and page kind; the
 * summary of what was read is the fallback.
 */
const VIEWS: Record<string, ComponentType<{ context: PanelContext }>> = {};

export function viewFor(app: string, page: string): ComponentType<{ context: PanelContext }> {
  return VIEWS[`${app}:${page}`] ?? SnapshotSummary;
}
