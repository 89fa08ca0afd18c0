import type { ResponseOf } from '../../lib/messaging/contract';

export type PanelContext = ResponseOf<'panel.getContext'>;
