import type { PanelViews } from '../panel/types';

/** Panel views of the listings process, keyed `app:page`. */
export const listingsPanelViews: PanelViews = {};
