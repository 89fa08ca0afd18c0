import type { Handlers } from '../../lib/messaging/router';

/** Background handlers of the planning process. */
export const planningHandlers: Handlers = {};
