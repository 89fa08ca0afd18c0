import type { MessageDef } from '../define';

/** Messages of the listings process (see lib/listings/). */
export const listingsMessages = {} as const satisfies Record<string, MessageDef>;
