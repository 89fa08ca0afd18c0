import { z } from 'zod';
import type { AiSource, ExtractRequest } from '../ai/types';
import type { Classification, Evidence, ReasonScore } from './classify';
import type { ReturnCase } from './schema';
import { REASON_IDS, type ReasonId } from './taxonomy';

/** What a configured model answers for `returns.reason` (checked before use; the local result stands otherwise). */
export const modelReasonSchema = z.object({
  reasons: z
    .array(
      z.object({
        id: z.enum(REASON_IDS),
        confidence: z.number().min(0).max(1),
        /** Verbatim quotes from the customer's comment that support the reason. */
        evidence: z.array(z.string().min(1).max(300)).max(5),
      }),
    )
    .min(1)
    .max(4),
  /** What the photos show, one entry per photo (vision models only). */
  photo_findings: z.array(z.enum([...REASON_IDS, 'no_issue_visible'])).max(20),
});

export type ModelReasons = z.infer<typeof modelReasonSchema>;

const INSTRUCTIONS = [
  'Classify why the customer is returning the item, using only these reason ids:',
  REASON_IDS.join(', '),
  'The customer also picked a reason from a dropdown; it is often wrong (customers pick "Changed my mind" to avoid questions). Decide from the comment and photos.',
  'For each reason give the exact words of the comment that support it (verbatim quotes, no paraphrase).',
  'For each photo say which reason id it shows, or no_issue_visible.',
].join('\n');

/** The `extract` request the background sends to the configured provider for one return. */
export function modelReasonRequest(c: ReturnCase): ExtractRequest<ModelReasons> {
  const sources: AiSource[] = [
    { id: 'dropdown', label: 'Reason the customer picked', text: c.selected_reason },
    {
      id: 'items',
      label: 'Returned items',
      text: c.items.map((i) => [i.title, i.variant, i.category].filter(Boolean).join(' / ')).join('\n'),
    },
  ];
  return {
    task: 'returns.reason',
    text: c.comment,
    schema: modelReasonSchema,
    schemaName: 'return_reason',
    instructions: INSTRUCTIONS,
    images: (c.photos ?? []).filter((p) => /^(?:https:|data:image\/)/.test(p)).slice(0, 6),
    sources,
  };
}

function spansFor(comment: string, quote: string): Evidence | null {
  const at = comment.toLowerCase().indexOf(quote.trim().toLowerCase());
  if (at < 0) return null;
  const end = at + quote.trim().length;
  return { text: comment.slice(at, end), start: at, end, weight: 1, negated: false };
}

/**
 * Merges a model's answer into the local classification. A model reason counts only with at least
 * one quote found verbatim in the comment (photo-only reasons are accepted when there is no
 * comment); if none survives, the local result stands. Safety signals always come from the local
 * scan, so a model can never remove a health or safety escalation.
 */
export function mergeModelReasons(
  local: Classification,
  model: ModelReasons,
  comment: string,
): { classification: Classification; photoFindings: ModelReasons['photo_findings']; usedModel: boolean } {
  const hasComment = comment.trim().length > 0;
  const reasons: ReasonScore[] = [];
  for (const r of [...model.reasons].sort((a, b) => b.confidence - a.confidence)) {
    const evidence = r.evidence.map((q) => spansFor(comment, q)).filter((e): e is Evidence => e !== null);
    if (evidence.length === 0 && hasComment) continue;
    if (reasons.some((x) => x.id === r.id)) continue;
    reasons.push({ id: r.id, confidence: Math.round(r.confidence * 100) / 100, evidence });
  }
  const top = reasons[0];
  if (!top) return { classification: local, photoFindings: model.photo_findings, usedModel: false };
  const primaryDropdown: ReasonId = local.dropdown[0] ?? 'other';
  return {
    classification: {
      ...local,
      reason: top.id,
      reasons,
      mismatch: primaryDropdown !== 'other' && !local.dropdown.includes(top.id),
      basis: hasComment ? 'comment' : local.basis,
    },
    photoFindings: model.photo_findings,
    usedModel: true,
  };
}
