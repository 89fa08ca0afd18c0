import type { MessageDef } from '../define';

/** Messages of the returns process (see lib/returns/). */
export const returnsMessages = {} as const satisfies Record<string, MessageDef>;
