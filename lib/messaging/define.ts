import type { z } from 'zod';
import type { SenderKind } from './trust';

/** One message of the contract: its request and response schemas and who may send it. */
export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** Sender kinds allowed to send it; a message without a policy cannot be defined. */
  senders: readonly [SenderKind, ...SenderKind[]];
}

export function defineMessage<Req extends z.ZodType, Res extends z.ZodType>(
  def: MessageDef<Req, Res>,
): MessageDef<Req, Res> {
  return def;
}
