import type { Handlers } from '../../lib/messaging/router';

/** Background handlers of the cs process. */
export const csHandlers: Handlers = {};
