import type { ComponentType } from 'react';
import type { ResponseOf } from '../../lib/messaging/contract';

export type PanelContext = ResponseOf<'panel.getContext'>;

/** Views of recognised pages, keyed `app:page` (e.g. `gorgias:ticket`); several processes may add sections to one page. */
export type PanelViews = Record<string, Array<ComponentType<{ context: PanelContext }>>>;
