import { CONTRACT, type MessageType } from '../../lib/messaging/contract';
import type { MessageDef } from '../../lib/messaging/define';
import { PANEL_FIRST_SLOTS, type PanelFirstType } from '../../lib/messaging/panel-first';
import { MessageError, type Result } from '../../lib/messaging/result';
import { answerAs, type Handler, type Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { tabChanges } from './panel-ports';

interface Question {
  type: PanelFirstType;
  payload: Record<string, unknown>;
  /** Not asked ahead with a remote model configured (that draft streams over its own port). */
  localOnly?: true;
}

/**
 * The first questions the panel's sections ask on each page (`app:page`), as steps: a step's
 * questions are answered together, the next step after it. The first step is what the page's
 * ready state shows (triage, the decision, the listing check), alone so nothing competes with it;
 * the draft reuses the stored triage. They must be the sections' own questions, payload included,
 * or the panel asks them again.
 */
export const FIRST_QUESTIONS: Record<string, Question[][]> = {
  'gorgias:ticket': [
    [{ type: 'cs.analyseTicket', payload: {} }],
    [{ type: 'cs.draftReply', payload: { regenerate: false }, localOnly: true }],
  ],
  'loop:return': [[{ type: 'returns.analyse', payload: { draft: 'local' } }]],
  'amazon:listing-edit': [[{ type: 'listings.editor', payload: {} }]],
  'amazon:inventory': [[{ type: 'listings.inventory', payload: {} }]],
  'shopify:product': [[{ type: 'listings.product', payload: {} }], [{ type: 'planning.skuSummary', payload: {} }]],
  'shopify:inventory': [[{ type: 'planning.skuSummary', payload: {} }]],
};

/** Every recognised record's panel asks for the values the user gave for it (`useFieldFixes`): with the last step. */
const FIELD_FIXES: Question = { type: 'sites.fieldFixes', payload: {} };

type Answer = { type: PanelFirstType; payload: Record<string, unknown>; answer: Result<unknown> };

/** What the plan of a tab's first answers is made from: its page now, and whether drafts stream from a model. */
export interface PlanInput {
  snapshot: Pick<SnapshotEnvelope, 'app' | 'page' | 'recognised' | 'entityId'> | null;
  remote: boolean;
}

/** The questions of one page, in slots; a step's questions are asked once the previous step answered. */
export function firstQuestions(input: PlanInput): Question[][] {
  const { snapshot } = input;
  if (!snapshot?.recognised) return [];
  const steps = FIRST_QUESTIONS[`${snapshot.app}:${snapshot.page}`] ?? [];
  const asked = steps.map((step) => step.filter((q) => !(q.localOnly && input.remote))).filter((s) => s.length > 0);
  if (snapshot.entityId) {
    if (asked.length > 1) asked[asked.length - 1] = [...(asked.at(-1) ?? []), FIELD_FIXES];
    else asked.push([FIELD_FIXES]);
  }
  return asked;
}

interface Plan {
  changes: number;
  slots: Array<Promise<Answer | null>>;
  taken: Set<number>;
}

/**
 * `panel.firstAnswer`: slot `index` of the answers to the first questions of the page the panel's
 * tab shows. The panel asks for every slot at once with its context; the first ask makes the tab's
 * plan (all questions, computed together, each through its own message's policy and schemas via
 * `answerAs`), the others take their answer from it. A slot is given once; a page change (the
 * tab's change count) or a slot asked again makes a new plan.
 */
export function panelFirstAnswerHandler(
  handlers: Handlers,
  read: (tabId: number) => Promise<PlanInput>,
  contract: Record<string, MessageDef> = CONTRACT,
): Handler<'panel.firstAnswer'> {
  const plans = new Map<number, Promise<Plan>>();
  const ask = (type: MessageType, payload: unknown, sender: Sender): Promise<Result<unknown>> => {
    const handler = (handlers as Record<string, Handler<MessageType> | undefined>)[type];
    const def = Object.hasOwn(contract, type) ? contract[type] : undefined;
    if (!handler || !def) return Promise.resolve({ ok: false, error: { code: 'unknown_message', message: type } });
    return answerAs(def, handler, type, payload, sender);
  };
  const makePlan = async (sender: Sender & { kind: 'panel' }, changes: number): Promise<Plan> => {
    const steps = firstQuestions(await read(sender.tabId));
    const slots: Array<Promise<Answer | null>> = [];
    let before: Promise<boolean> = Promise.resolve(true);
    for (const step of steps) {
      const asked = step.map((q) =>
        before.then(async (go) =>
          go ? { type: q.type, payload: q.payload, answer: await ask(q.type, q.payload, sender) } : null,
        ),
      );
      slots.push(...asked);
      // The next step builds on this one: after a failure the panel asks (and shows the error) itself.
      before = Promise.all(asked).then((got) => got.every((a) => a?.answer.ok === true));
    }
    return { changes, slots, taken: new Set() };
  };
  return async ({ index }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks for its first answers.');
    const changes = tabChanges(sender.tabId);
    let planned = plans.get(sender.tabId);
    let plan = planned ? await planned : null;
    if (!plan || plan.changes !== changes || plan.taken.has(index)) {
      planned = makePlan(sender, changes);
      plans.set(sender.tabId, planned);
      plan = await planned;
    }
    plan.taken.add(index);
    if (plan.taken.size >= PANEL_FIRST_SLOTS && plans.get(sender.tabId) === planned) plans.delete(sender.tabId);
    return (await plan.slots[index]) ?? null;
  };
}
