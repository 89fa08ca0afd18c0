import { z } from 'zod';
import { csMessages } from './cs';

/** Name of the runtime Port over which the panel asks for a streamed draft of its tab's ticket. */
export const DRAFT_PORT = 'ai.draft';

const requestId = z.string().min(1).max(80);

/** Panel → background. The ticket comes from the panel tab's snapshot, never from the message. */
export const draftPortIn = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), requestId, regenerate: z.boolean().default(false) }).strict(),
  z.object({ type: z.literal('cancel'), requestId }).strict(),
]);
export type DraftPortIn = z.input<typeof draftPortIn>;

/** Background → panel: the unchecked text so far, then the checked result (as `cs.draftReply` answers) or an error. */
export const draftPortOut = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delta'), requestId, text: z.string().max(20_000) }),
  z.object({ type: z.literal('done'), requestId, result: csMessages['cs.draftReply'].response }),
  z.object({ type: z.literal('error'), requestId, message: z.string().max(2000) }),
]);
export type DraftPortOut = z.infer<typeof draftPortOut>;
