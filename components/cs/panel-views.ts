import type { PanelViews } from '../panel/types';

/** Panel views of the cs process, keyed `app:page`. */
export const csPanelViews: PanelViews = {};
