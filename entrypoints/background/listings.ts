import type { Handlers } from '../../lib/messaging/router';

/** Background handlers of the listings process. */
export const listingsHandlers: Handlers = {};
