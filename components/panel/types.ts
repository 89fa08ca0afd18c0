import type { ComponentType } from 'react';
import type { ResponseOf } from '../../lib/messaging/contract';

export type PanelContext = ResponseOf<'panel.getContext'>;

/** Views of recognised pages, keyed `app:page` (e.g. `gorgias:ticket`). */
export type PanelViews = Record<string, ComponentType<{ context: PanelContext }>>;
