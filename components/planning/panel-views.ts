import type { PanelViews } from '../panel/types';
import { PlanningPanelSection } from './PlanningPanelSection';

/** Panel views of the planning process, keyed `app:page`. */
export const planningPanelViews: PanelViews = {
  'shopify:product': [PlanningPanelSection],
  'shopify:inventory': [PlanningPanelSection],
};
