import type { MessageDef } from '../define';

/** Messages of the cs process (see lib/cs/). */
export const csMessages = {} as const satisfies Record<string, MessageDef>;
