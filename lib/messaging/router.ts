import { z } from 'zod';
import { isQuotaError, QUOTA_MESSAGE } from '../db/quota';
import { CONTRACT, type MessageType, type ParsedRequestOf, type ResponseOf } from './contract';
import type { MessageDef } from './define';
import { fail, MessageError, ok, type Result } from './result';
import { classifySender, type Sender, type SenderFields, type TrustEnv } from './trust';

export type Handler<K extends MessageType> = (payload: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
export type Handlers = { [K in MessageType]?: Handler<K> };

const envelopeSchema = z.object({ type: z.string().max(80), payload: z.unknown() });

/**
 * The background's single entry for messages: checks the envelope, the sender (from browser-set
 * fields only) against the message's policy, the payload against its schema, runs the handler and
 * checks its answer too. Every failure is a typed error value.
 */
export function createRouter(handlers: Handlers, env: TrustEnv, contract: Record<string, MessageDef> = CONTRACT) {
  return async function route(message: unknown, senderFields: SenderFields): Promise<Result<unknown>> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return fail('invalid_request', 'Malformed message.');
    const { type, payload } = envelope.data;
    const def = Object.hasOwn(contract, type) ? contract[type] : undefined;
    const handler = def ? (handlers as Record<string, Handler<MessageType> | undefined>)[type] : undefined;
    if (!def || !handler) return fail('unknown_message', `Unknown message type: ${type}`);
    const sender = classifySender(senderFields, env);
    if (!sender) return fail('forbidden', `${type} may not be sent from here.`);
    return answerAs(def, handler, type, payload, sender);
  };
}

/**
 * One message answered for an already classified sender: its sender policy, its payload schema,
 * the handler and its answer schema, as the router does for a message from the browser. The
 * panel's boot (`panel.open`) answers its sections' first questions through this, checked alike.
 */
export async function answerAs(
  def: MessageDef,
  handler: Handler<MessageType>,
  type: string,
  payload: unknown,
  sender: Sender,
): Promise<Result<unknown>> {
  if (!def.senders.includes(sender.kind)) return fail('forbidden', `${type} may not be sent from here.`);
  const parsed = def.request.safeParse(payload);
  if (!parsed.success) {
    return fail('invalid_request', `${type}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  }
  try {
    const answer = await handler(parsed.data as never, sender);
    const checked = def.response.safeParse(answer);
    if (!checked.success) {
      console.error(`[counterpart] ${type} produced an answer outside its contract`, checked.error);
      return fail('internal', `${type} produced an invalid answer.`);
    }
    return ok(checked.data);
  } catch (error) {
    if (error instanceof MessageError) return fail(error.code, error.message);
    // Full storage: one clear sentence instead of IndexedDB's own text.
    if (isQuotaError(error)) return fail('unavailable', QUOTA_MESSAGE);
    console.error(`[counterpart] ${type} failed`, error);
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
