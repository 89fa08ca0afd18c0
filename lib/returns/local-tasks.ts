import type { LocalTasks } from '../ai/local/engine';
import type { DraftRequest, ExtractRequest } from '../ai/types';
import { classifyReturn } from './classify';
import type { ModelReasons } from './model-reasons';

/** Task names the returns process sends to the AI provider (local engine or model). */
export const RETURNS_TASKS = { reason: 'returns.reason', reply: 'returns.reply' } as const;

/** Source id of the local template draft inside a `returns.reply` request. */
export const TEMPLATE_SOURCE_ID = 'template';

/**
 * The local answer to `returns.reason`: the rule classifier over the comment and the dropdown, in
 * the model's answer shape (verbatim quotes as evidence), so both answers pass the same schema.
 * Photos are not looked at locally (`photo_findings` stays empty).
 */
export function localReturnReason(request: ExtractRequest<unknown>): ModelReasons {
  const dropdown = request.sources.find((s) => s.id === 'dropdown')?.text ?? '';
  const cls = classifyReturn({ comment: request.text, selectedReason: dropdown });
  const reasons = cls.reasons.slice(0, 4).map((r) => ({
    id: r.id,
    confidence: Math.min(1, Math.max(0, r.confidence)),
    evidence: r.evidence
      .filter((e) => !e.negated && e.text.trim().length > 0)
      .slice(0, 5)
      .map((e) => e.text.slice(0, 300)),
  }));
  return {
    reasons: reasons.length ? reasons : [{ id: cls.reason, confidence: 0.5, evidence: [] }],
    photo_findings: [],
  };
}

/**
 * The local answer to `returns.reply`: the template draft the returns engine already wrote (it is
 * the request's `template` source); a model rewrites the same source in the brand's voice.
 */
export function localReturnReply(request: DraftRequest): string {
  const template = request.sources.find((s) => s.id === TEMPLATE_SOURCE_ID);
  if (!template) throw new Error('returns.reply needs the template draft as a source');
  return template.text;
}

/** The returns process's local tasks, for `registerLocalTasks`. */
export const returnsLocalTasks: LocalTasks = {
  extract: { [RETURNS_TASKS.reason]: localReturnReason },
  draft: { [RETURNS_TASKS.reply]: localReturnReply },
};
