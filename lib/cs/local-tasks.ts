import { z } from 'zod';
import type { LocalTasks } from '../ai/local/engine';
import type { ClassifyRequest, ExtractRequest } from '../ai/types';
import { classifyText } from './classify';
import { draftReply } from './draft';
import type { Policies } from './policy';
import type { Language } from './signals';
import type { IntentId } from './taxonomy';
import type { BrandVoice } from './templates';
import type { TicketInput } from './ticket';

/** Task names the CS process uses on the AI provider (local engine and model alike). */
export const CS_INTENT_TASK = 'cs.intent';
export const CS_DRAFT_TASK = 'cs.draft';

/** What the model (or the local engine) answers for a draft: the reply and the ids of the sources it used. */
export const csModelDraftSchema = z.object({
  reply: z.string().min(1).max(8000),
  used_sources: z.array(z.string().max(120)).max(40),
});
export type CsModelDraft = z.infer<typeof csModelDraftSchema>;

/** Ticket context the local drafter needs; it rides on the request object and is never sent to a model. */
export interface CsDraftContext {
  ticket: TicketInput;
  intent: IntentId;
  language: Language;
  holding: boolean;
  policies: Policies;
  voice: BrandVoice;
}

export interface CsDraftRequest extends ExtractRequest<CsModelDraft> {
  cs: CsDraftContext;
}

/** The local engine's intent classifier: the naive-Bayes + rules model of lib/cs, as label scores. */
export function localIntentLabels(request: ClassifyRequest) {
  return {
    labels: classifyText(request.text).intents.map((i) => ({ label: i.id, confidence: i.confidence })),
  };
}

/** The local engine's draft: lib/cs templates filled with order data and the best policy clause. */
export function localDraft(request: Pick<ExtractRequest<unknown>, 'sources'>): CsModelDraft {
  const ctx = (request as Partial<Pick<CsDraftRequest, 'cs'>>).cs;
  if (!ctx) throw new Error(`${CS_DRAFT_TASK}: the request carries no ticket context.`);
  const d = draftReply(ctx.ticket, ctx.intent, ctx.language, {
    policies: ctx.policies,
    voice: ctx.voice,
    holding: ctx.holding,
  });
  // A source counts as used when the citation's value is its text (order fields, clause) .
  const values = new Set(d.citations.map((c) => c.value));
  return {
    reply: d.draft,
    used_sources: request.sources.filter((s) => values.has(s.text)).map((s) => s.id),
  };
}

/** Registers the CS tasks on the local engine (intent classification and drafting). */
export function csLocalTasks(): LocalTasks {
  return {
    classify: { [CS_INTENT_TASK]: localIntentLabels },
    extract: { [CS_DRAFT_TASK]: localDraft },
    draft: { [CS_DRAFT_TASK]: (request) => localDraft(request).reply },
  };
}
