import type { PanelViews } from '../panel/types';
import { ReturnPanel } from './ReturnPanel';

/** Panel views of the returns process, keyed `app:page`. */
export const returnsPanelViews: PanelViews = { 'loop:return': [ReturnPanel] };
