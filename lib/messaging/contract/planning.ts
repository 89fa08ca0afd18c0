import type { MessageDef } from '../define';

/** Messages of the planning process (see lib/planning/). */
export const planningMessages = {} as const satisfies Record<string, MessageDef>;
