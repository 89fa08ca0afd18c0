import type { PanelViews } from '../panel/types';

/** Panel views of the returns process, keyed `app:page`. */
export const returnsPanelViews: PanelViews = {};
