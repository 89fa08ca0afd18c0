import type { PanelViews } from '../panel/types';

/** Panel views of the planning process, keyed `app:page`. */
export const planningPanelViews: PanelViews = {};
