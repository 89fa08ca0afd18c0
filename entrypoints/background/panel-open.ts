import { CONTRACT, type MessageType, type ResponseOf } from '../../lib/messaging/contract';
import type { MessageDef } from '../../lib/messaging/define';
import type { PanelFirstType } from '../../lib/messaging/panel-first';
import { MessageError, type Result } from '../../lib/messaging/result';
import { answerAs, type Handler, type Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';

interface Question {
  type: PanelFirstType;
  payload: Record<string, unknown>;
  /** Not asked ahead with a remote model configured (that draft streams over its own port). */
  localOnly?: true;
}

/**
 * The first questions the panel's sections ask on each page (`app:page`), as steps: a step's
 * questions are answered together, the next step after it (the draft reuses the stored triage).
 * They must be the sections' own questions, payload included, or the panel asks them again.
 */
export const FIRST_QUESTIONS: Record<string, Question[][]> = {
  'gorgias:ticket': [
    [{ type: 'cs.analyseTicket', payload: {} }],
    [{ type: 'cs.draftReply', payload: { regenerate: false }, localOnly: true }],
  ],
  'loop:return': [
    [
      { type: 'returns.analyse', payload: { draft: 'local' } },
      { type: 'learning.reasonDoubt', payload: {} },
    ],
  ],
  'amazon:listing-edit': [[{ type: 'listings.editor', payload: {} }]],
  'amazon:inventory': [[{ type: 'listings.inventory', payload: {} }]],
  'shopify:product': [
    [
      { type: 'listings.product', payload: {} },
      { type: 'planning.skuSummary', payload: {} },
    ],
  ],
  'shopify:inventory': [[{ type: 'planning.skuSummary', payload: {} }]],
};

/** Every recognised record's panel asks for the values the user gave for it (`useFieldFixes`). */
const FIELD_FIXES: Question = { type: 'sites.fieldFixes', payload: {} };

type Answer = { type: PanelFirstType; payload: Record<string, unknown>; answer: Result<unknown> };

/**
 * `panel.open`: the panel's context, and the answers to the first questions of the page it shows,
 * each through its own message's policy and schemas (`answerAs`), while the panel's code loads.
 */
export function panelOpenHandler(
  handlers: Handlers,
  contract: Record<string, MessageDef> = CONTRACT,
): Handler<'panel.open'> {
  const ask = (type: MessageType, payload: unknown, sender: Sender): Promise<Result<unknown>> => {
    const handler = (handlers as Record<string, Handler<MessageType> | undefined>)[type];
    const def = Object.hasOwn(contract, type) ? contract[type] : undefined;
    if (!handler || !def) return Promise.resolve({ ok: false, error: { code: 'unknown_message', message: type } });
    return answerAs(def, handler, type, payload, sender);
  };
  return async (_payload, sender) => {
    const read = await ask('panel.getContext', {}, sender);
    if (!read.ok) throw new MessageError(read.error.code, read.error.message);
    const context = read.data as ResponseOf<'panel.getContext'>;
    const { snapshot } = context;
    const steps = snapshot?.recognised ? (FIRST_QUESTIONS[`${snapshot.app}:${snapshot.page}`] ?? []) : [];
    const remote = context.ai.settings.mode === 'remote';
    const answers: Answer[] = [];
    for (const [i, step] of steps.entries()) {
      const asked = [...step, ...(i === 0 && snapshot?.entityId ? [FIELD_FIXES] : [])].filter(
        (q) => !(q.localOnly && remote),
      );
      const got = await Promise.all(
        asked.map(async (q) => ({ type: q.type, payload: q.payload, answer: await ask(q.type, q.payload, sender) })),
      );
      answers.push(...got);
      // The next step builds on this one: after a failure the panel asks (and shows the error) itself.
      if (got.some((a) => !a.answer.ok)) break;
    }
    return { context, answers };
  };
}
