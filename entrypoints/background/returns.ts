import type { Handlers } from '../../lib/messaging/router';

/** Background handlers of the returns process. */
export const returnsHandlers: Handlers = {};
