import type { PanelViews } from '../panel/types';
import { TicketPanel } from './TicketPanel';

/** Panel views of the cs process, keyed `app:page`. */
export const csPanelViews: PanelViews = { 'gorgias:ticket': [TicketPanel] };
