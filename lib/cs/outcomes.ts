/**
 * What the audit log records about CS drafts, and the rules that read it back: which draft a
 * regenerate asks for, whether a draft may be placed in the editor without a click, what an
 * agent's action records, and when a later snapshot shows the reply that was actually sent.
 * Plain functions over audit rows; the background reads and writes the rows.
 */
import { AUDIT_KINDS, auditDetails } from '../db/audit';
import { normalisedEditDistance } from './edit-distance';
import type { Policies } from './policy';
import type { RolloutMode } from './rollout';
import type { CsAnalysis, CsDraft } from './service';
import type { BrandVoice } from './templates';

/** The audit kind of every CS draft row. */
export const CS_DRAFT_KIND = AUDIT_KINDS.csDraft;

/** The fields of an audit row the CS rules read. */
export interface CsAuditRow {
  id?: number;
  kind?: string;
  entityId: string | null;
  intent?: string;
  provider: string;
  model: string;
  action: string;
  suggestion?: string;
  note?: string;
}

/** An audit entry as the CS rules describe it (the background adds the time and writes it). */
export interface CsAuditEntry {
  kind: typeof CS_DRAFT_KIND;
  app: 'gorgias';
  entityId: string | null;
  intent?: string;
  provider: string;
  model: string;
  action: 'shown' | 'inserted' | 'copied' | 'edited' | 'rejected' | 'feedback' | 'sent';
  suggestion?: string;
  finalText?: string;
  editDistance?: number;
  details: Record<string, unknown>;
}

/** Edit distance as stored: normalised, three decimals. */
export const storedDistance = (a: string, b: string): number => Math.round(normalisedEditDistance(a, b) * 1000) / 1000;

/** Brand settings as the drafter uses them: policy texts, signature voice and the voice description. */
export function brandContext(brand: {
  name: string;
  signature: string;
  voice: string;
  returnPolicy: string;
  shippingPolicy: string;
  refundPolicy: string;
}): { policies: Policies; voice: BrandVoice; voiceText: string } {
  return {
    policies: {
      return: brand.returnPolicy || undefined,
      shipping: brand.shippingPolicy || undefined,
      refund: brand.refundPolicy || undefined,
    },
    // The options' Signature signs the draft; never a made-up agent name (issue 17).
    // No brand name yet: sign as the support team, never as the demo brand.
    voice: { brand: brand.name.trim(), signature: brand.signature.trim() || undefined },
    voiceText: brand.voice,
  };
}

/** A regenerate asks for another wording: attempt n+1 after the n drafts already shown for the ticket. */
export function draftVariant(shown: readonly CsAuditRow[], ticketId: string, regenerate: boolean): number {
  return regenerate ? shown.filter((r) => r.entityId === ticketId).length : 0;
}

/** The `shown` row of a new draft (also logged in shadow mode, where the agent does not see it). */
export function shownEntry(
  ticketId: string,
  analysis: Pick<CsAnalysis, 'intent' | 'tier' | 'plan'>,
  draft: Pick<CsDraft, 'text' | 'meta'>,
  mode: RolloutMode,
): CsAuditEntry {
  return {
    kind: CS_DRAFT_KIND,
    app: 'gorgias',
    entityId: ticketId,
    intent: analysis.intent,
    provider: draft.meta.provider,
    model: draft.meta.model,
    action: 'shown',
    suggestion: draft.text,
    details: { mode, tier: analysis.tier, shadow: !analysis.plan.showDraft, fallback: draft.meta.fallback ?? false },
  };
}

/**
 * Whether the panel places a draft in the editor by itself: only when the plan says so (autonomous
 * mode, autonomous tier), nothing was auto-placed for this ticket before, no fact in the draft
 * is missing from its sources (a flagged draft always waits for a click), and every link in it
 * comes from order data or policy (`foreignLinks`, always set on a {@link CsDraft}).
 */
export function mayAutoPlace(
  analysis: Pick<CsAnalysis, 'plan'>,
  draft: Pick<CsDraft, 'flagged'> & Partial<Pick<CsDraft, 'foreignLinks'>>,
  ticketId: string,
  inserted: readonly CsAuditRow[],
): boolean {
  if (!analysis.plan.showDraft || !analysis.plan.autoPlaceDraft) return false;
  const placedBefore = inserted.some((r) => r.entityId === ticketId && Boolean(auditDetails(r).auto));
  return !placedBefore && draft.flagged.length === 0 && (draft.foreignLinks ?? []).length === 0;
}

/** What the agent did with a draft, as the panel reports it. */
export interface CsOutcome {
  draftId: string;
  action: 'inserted' | 'copied' | 'edited' | 'discarded' | 'feedback';
  text?: string;
  rating?: 'good' | 'bad';
  reason?: string;
  auto?: boolean;
}

/**
 * The row an agent's action records against its draft: the final text (none for feedback and
 * discard) with its edit distance from the draft, and for an insert the number of agent messages
 * then on the ticket, so a later snapshot can tell when the reply was sent.
 */
export function outcomeEntry(
  draft: CsAuditRow,
  outcome: CsOutcome,
  agentCount: number | undefined,
): { entry: CsAuditEntry; editDistance: number | null } {
  const original = draft.suggestion ?? '';
  const { draftId, action, text, rating, reason, auto } = outcome;
  const finalText = action === 'feedback' || action === 'discarded' ? undefined : (text ?? original);
  const editDistance = finalText === undefined ? null : storedDistance(original, finalText);
  const entry: CsAuditEntry = {
    kind: CS_DRAFT_KIND,
    app: 'gorgias',
    entityId: draft.entityId,
    intent: draft.intent,
    provider: draft.provider,
    model: draft.model,
    action: action === 'discarded' ? 'rejected' : action,
    suggestion: original,
    ...(finalText === undefined ? {} : { finalText }),
    ...(editDistance === null ? {} : { editDistance }),
    details: {
      draftId,
      ...(rating ? { rating } : {}),
      ...(reason ? { reason } : {}),
      ...(agentCount === undefined ? {} : { agentCount }),
      ...(auto ? { auto } : {}),
    },
  };
  return { entry, editDistance };
}

/**
 * The draft whose reply a new snapshot shows as sent: the last draft inserted for the ticket, when
 * the ticket now has more agent messages than at the insert. Null when there is none.
 */
export function sentReplyCandidate(
  inserted: readonly CsAuditRow[],
  ticketId: string,
  agentMessages: readonly string[],
): { draftId: string; finalText: string } | null {
  const mine = inserted.filter((r) => r.entityId === ticketId).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const last = mine[mine.length - 1];
  if (!last) return null;
  const note = auditDetails(last);
  const draftId = typeof note.draftId === 'string' ? note.draftId : null;
  const agentCount = typeof note.agentCount === 'number' ? note.agentCount : Number.POSITIVE_INFINITY;
  if (!draftId || agentMessages.length <= agentCount) return null;
  return { draftId, finalText: agentMessages[agentMessages.length - 1] ?? '' };
}

/** The `sent` row: the reply the agent actually sent, with its edit distance from the draft. */
export function sentEntry(draft: CsAuditRow, ticketId: string, draftId: string, finalText: string): CsAuditEntry {
  return {
    kind: CS_DRAFT_KIND,
    app: 'gorgias',
    entityId: ticketId,
    intent: draft.intent,
    provider: draft.provider,
    model: draft.model,
    action: 'sent',
    suggestion: draft.suggestion,
    finalText,
    editDistance: storedDistance(draft.suggestion ?? '', finalText),
    details: { draftId },
  };
}
