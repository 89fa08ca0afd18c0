/**
 * The CS steps the background runs for the ticket on a panel's tab, over injected ports (settings,
 * provider, audit log, the tab's stored analysis), so the rules are tested without a browser:
 * analyse once per ticket content and settings, draft from that analysis (no second
 * classification), log the draft, decide auto-placement, record outcomes and sent replies.
 */
import type { AiProvider } from '../ai/types';
import { fnv1a } from '../util/hash';
import type { BrandModelView } from './classify';
import {
  CS_DRAFT_KIND,
  type CsAuditEntry,
  type CsAuditRow,
  type CsOutcome,
  draftVariant,
  mayAutoPlace,
  outcomeEntry,
  sentEntry,
  sentReplyCandidate,
  shownEntry,
} from './outcomes';
import type { Policies } from './policy';
import type { PastReply } from './replies';
import { agentMessages, analyseTicket, type CsAnalysis, type CsDraft, draftIdOf, draftTicket } from './service';
import type { CsSettings } from './settings';
import type { BrandVoice } from './templates';
import type { TicketInput } from './ticket';

/** A ticket as the CS process sees it (from `lib/sites/gorgias/to-ticket.ts`). */
export interface TicketCase {
  ticketId: string;
  ticket: TicketInput;
}

/** An analysis kept for the tab, with the key of the inputs it was made from. */
export interface StoredAnalysis {
  key: string;
  analysis: CsAnalysis;
}

/** What the flow needs from the world; the background wires these to storage, Dexie and the provider. */
export interface CsPorts {
  settings(): Promise<CsSettings>;
  brand(): Promise<{ policies: Policies; voice: BrandVoice; voiceText: string }>;
  provider(): Promise<AiProvider>;
  pastReplies(): Promise<PastReply[]>;
  auditRows(action: 'shown' | 'inserted' | 'sent'): Promise<CsAuditRow[]>;
  auditRow(id: number): Promise<CsAuditRow | undefined>;
  /** Appends an entry (the port adds the time) and returns its id. */
  record(entry: CsAuditEntry): Promise<number>;
  readAnalysis(): Promise<StoredAnalysis | null>;
  writeAnalysis(value: StoredAnalysis): Promise<void>;
  /** The brand's own model beside the shipped one (issue 15), with a key of its state. */
  brandModel?(): Promise<{ key: string; view: BrandModelView | undefined }>;
  /** Keeps the local engine's answer beside the model's (shadow comparison, issue 15). */
  recordShadow?(row: { ticketId: string; localIntent: string; modelIntent: string; provider: string }): Promise<void>;
}

/** The hash of a ticket's content: the panel's cache key for its draft. */
export const ticketHash = (ticket: TicketInput): string => fnv1a(JSON.stringify(ticket));

/** The key of everything an analysis depends on: the ticket, the settings, the policies and the model. */
export function analysisKey(
  ticket: TicketInput,
  settings: CsSettings,
  policies: Policies,
  provider: AiProvider,
): string {
  return fnv1a(JSON.stringify([ticketHash(ticket), settings, policies, provider.id, provider.model]));
}

/** The ticket's analysis: the stored one when its inputs are unchanged, else a new one (then stored). */
export async function ticketAnalysis(
  ports: CsPorts,
  { ticket, ticketId }: TicketCase,
  signal?: AbortSignal,
): Promise<{ analysis: CsAnalysis; settings: CsSettings; provider: AiProvider; ticketHash: string }> {
  const [settings, brand, provider, brandModel] = await Promise.all([
    ports.settings(),
    ports.brand(),
    ports.provider(),
    ports.brandModel?.(),
  ]);
  const key = analysisKey(ticket, settings, brand.policies, provider) + (brandModel ? `:${brandModel.key}` : '');
  const stored = await ports.readAnalysis();
  if (stored?.key === key) return { analysis: stored.analysis, settings, provider, ticketHash: ticketHash(ticket) };
  const analysis = await analyseTicket(provider, ticket, settings, brand.policies, signal, { brand: brandModel?.view });
  await ports.writeAnalysis({ key, analysis });
  if (analysis.local && analysis.meta.provider !== 'local' && !analysis.meta.fallback)
    await ports
      .recordShadow?.({
        ticketId,
        localIntent: analysis.local.intent,
        modelIntent: analysis.intent,
        provider: analysis.meta.provider,
      })
      .catch((e) => console.warn('[counterpart] cs: shadow answer not kept', e));
  return { analysis, settings, provider, ticketHash: ticketHash(ticket) };
}

/** What the panel gets for a draft request; `Id` is null until the draft is logged as `shown`. */
export interface DraftAnswer<Id extends string | null = string> {
  ticketId: string;
  ticketHash: string;
  mode: CsSettings['rolloutMode'];
  draft: (CsDraft & { id: Id }) | null;
  autoPlace: boolean;
  /** The `shown` row is in the audit log (also in shadow mode, where no draft is returned). */
  logged: Id extends string ? true : false;
}

/** A draft made but not yet logged: the answer, and the `shown` entry that logging it appends. */
export interface MadeDraft {
  answer: DraftAnswer<null>;
  entry: CsAuditEntry;
}

/**
 * Drafts the ticket from its analysis without writing anything (the panel's draft query):
 * the answer and the `shown` entry to log. `stream` carries the model's text so far and cancellation.
 */
export async function makeDraft(
  ports: CsPorts,
  c: TicketCase,
  regenerate: boolean,
  stream: { signal?: AbortSignal; onText?: (text: string) => void } = {},
): Promise<MadeDraft> {
  const { analysis, settings, provider, ticketHash } = await ticketAnalysis(ports, c, stream.signal);
  const brand = await ports.brand();
  const draft = await draftTicket(provider, c.ticket, analysis, {
    ...brand,
    languagePolicy: settings.languagePolicy,
    pastReplies: await ports.pastReplies(),
    variant: draftVariant(regenerate ? await ports.auditRows('shown') : [], c.ticketId, regenerate),
    signal: stream.signal,
    onText: stream.onText,
  });
  stream.signal?.throwIfAborted();
  const autoPlace = mayAutoPlace(
    analysis,
    draft,
    c.ticketId,
    analysis.plan.autoPlaceDraft ? await ports.auditRows('inserted') : [],
  );
  return {
    answer: {
      ticketId: c.ticketId,
      ticketHash,
      mode: settings.rolloutMode,
      draft: analysis.plan.showDraft ? { id: null, ...draft } : null,
      autoPlace,
      logged: false,
    },
    entry: shownEntry(c.ticketId, analysis, draft, settings.rolloutMode),
  };
}

/** A made draft with its `shown` row appended: the answer carries the row's id. */
async function logMade(ports: CsPorts, made: MadeDraft): Promise<DraftAnswer> {
  const id = String(await ports.record(made.entry));
  const { answer } = made;
  return { ...answer, draft: answer.draft ? { ...answer.draft, id } : null, logged: true };
}

/**
 * Drafts the ticket and logs the draft as `shown` at once (also in shadow mode, where the draft
 * is not returned): the Regenerate mutation's path.
 */
export async function draftForCase(
  ports: CsPorts,
  c: TicketCase,
  regenerate: boolean,
  stream: { signal?: AbortSignal; onText?: (text: string) => void } = {},
): Promise<DraftAnswer> {
  return logMade(ports, await makeDraft(ports, c, regenerate, stream));
}

/** Where the panel's tab keeps the draft its query made until the panel logs it (`logShownDraft`). */
export interface KeptDraftPorts {
  keptDraft(): Promise<KeptDraft | null>;
  keepDraft(value: KeptDraft): Promise<void>;
}

/** The tab's last draft from the draft query: its `shown` entry, and the row's id once logged. */
export interface KeptDraft {
  ticketHash: string;
  entry: CsAuditEntry;
  id: string | null;
}

/** The draft query's path: makes the draft and keeps its `shown` entry for the tab; writes nothing to the log. */
export async function draftToShow(
  ports: CsPorts & KeptDraftPorts,
  c: TicketCase,
  stream: { signal?: AbortSignal; onText?: (text: string) => void } = {},
): Promise<DraftAnswer<null>> {
  const made = await makeDraft(ports, c, false, stream);
  await ports.keepDraft({ ticketHash: made.answer.ticketHash, entry: made.entry, id: null });
  return made.answer;
}

/**
 * The panel's `cs.draftShown` mutation: logs the tab's kept draft of `ticketHash` as `shown`, once
 * (asking again answers the same id); null when the tab keeps no draft of that content.
 */
export async function logShownDraft(ports: CsPorts & KeptDraftPorts, ticketHash: string): Promise<string | null> {
  const kept = await ports.keptDraft();
  if (!kept || kept.ticketHash !== ticketHash) return null;
  if (kept.id !== null) return kept.id;
  const id = String(await ports.record(kept.entry));
  await ports.keepDraft({ ...kept, id });
  return id;
}

/** The `shown` row of a draft id, or null when the id names no CS draft. */
export async function shownDraft(ports: CsPorts, draftId: string): Promise<CsAuditRow | null> {
  const row = await ports.auditRow(Number(draftId));
  return row?.kind === CS_DRAFT_KIND && row.action === 'shown' ? row : null;
}

/** Records what the agent did with a draft; an insert notes the agent messages then on the ticket. */
export async function recordOutcome(
  ports: CsPorts,
  draft: CsAuditRow,
  outcome: CsOutcome,
  current: TicketCase | null,
): Promise<number | null> {
  const agentCount = outcome.action === 'inserted' && current ? agentMessages(current.ticket).length : undefined;
  const { entry, editDistance } = outcomeEntry(draft, outcome, agentCount);
  await ports.record(entry);
  return editDistance;
}

/** When a new snapshot shows the reply sent after an insert, records it once as `sent`. */
export async function captureSent(ports: CsPorts, c: TicketCase): Promise<void> {
  const candidate = sentReplyCandidate(await ports.auditRows('inserted'), c.ticketId, agentMessages(c.ticket));
  if (!candidate) return;
  const sent = await ports.auditRows('sent');
  if (sent.some((r) => draftIdOf(r.note) === candidate.draftId)) return;
  const draft = await shownDraft(ports, candidate.draftId);
  if (!draft) return;
  await ports.record(sentEntry(draft, c.ticketId, candidate.draftId, candidate.finalText));
}
