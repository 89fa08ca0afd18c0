import * as clock from '../../lib/clock';
import { normalisedEditDistance } from '../../lib/cs/edit-distance';
import { ticketFromGorgias } from '../../lib/cs/from-snapshot';
import type { Policies } from '../../lib/cs/policy';
import { importPastReplies, type PastReply } from '../../lib/cs/replies';
import { agentMessages, analyseTicket, draftIdOf, draftStats, draftTicket } from '../../lib/cs/service';
import { DEFAULT_VOICE } from '../../lib/cs/templates';
import type { TicketInput } from '../../lib/cs/ticket';
import { type AuditRow, db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { csSettings, parseCsSettings } from '../../lib/settings/cs';
import { brandSettings } from '../../lib/settings/items';
import { BRAND_DEFAULTS } from '../../lib/settings/schemas';
import { gorgiasTicketSchema } from '../../lib/sites/gorgias/schema';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { fnv1a } from '../../lib/util/hash';
import { aiProvider } from './ai';
import { readTabSnapshot } from './tab-state';

const KIND = 'cs.draft';

/** The Gorgias ticket the panel's own tab shows (from the validated snapshot, never from the payload). */
async function panelTicket(sender: Sender): Promise<{ ticketId: string; ticket: TicketInput }> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its ticket.');
  const snapshot = await readTabSnapshot(sender.tabId);
  if (snapshot?.app !== 'gorgias' || snapshot.page !== 'ticket' || !snapshot.recognised)
    throw new MessageError('not_found', 'Open a Gorgias ticket to see its triage.');
  const data = gorgiasTicketSchema.safeParse(snapshot.data);
  if (!data.success) throw new MessageError('not_found', 'The ticket could not be read from the page.');
  return { ticketId: data.data.ticketId, ticket: ticketFromGorgias(data.data) };
}

async function brandContext() {
  const brand = { ...BRAND_DEFAULTS, ...((await brandSettings.getValue()) ?? {}) };
  const policies: Policies = {
    return: brand.returnPolicy || undefined,
    shipping: brand.shippingPolicy || undefined,
    refund: brand.refundPolicy || undefined,
  };
  return {
    policies,
    voice: { brand: brand.name || DEFAULT_VOICE.brand, agent: DEFAULT_VOICE.agent },
    voiceText: brand.voice,
  };
}

async function loadSettings() {
  return parseCsSettings(await csSettings.getValue());
}

async function pastReplies(): Promise<PastReply[]> {
  const rows = await db().pastReplies.toArray();
  return rows.map((r) => ({
    id: String(r.ticketId ?? r.id),
    subject: String(r.subject ?? ''),
    customerText: String(r.customerText ?? ''),
    replyText: String(r.replyText ?? ''),
    tags: Array.isArray(r.tags) ? r.tags.map(String) : [],
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : null,
  }));
}

async function csRows(action?: AuditRow['action']): Promise<AuditRow[]> {
  return action
    ? db().audit.where('[kind+action]').equals([KIND, action]).toArray()
    : db().audit.where('[kind+action]').between([KIND, ''], [KIND, '\uffff']).toArray();
}

async function draftRow(draftId: string): Promise<AuditRow> {
  const row = await db().audit.get(Number(draftId));
  if (!row || row.kind !== KIND || row.action !== 'shown') throw new MessageError('not_found', 'Unknown draft.');
  return row;
}

const distance = (a: string, b: string) => Math.round(normalisedEditDistance(a, b) * 1000) / 1000;

/**
 * When a later snapshot of a Gorgias ticket shows a new agent message after a draft was inserted,
 * records it as `sent` with its edit distance from the draft (the metric for shadow → suggest).
 * Called by the snapshot handler; never throws.
 */
export async function captureSentReply(snapshot: SnapshotEnvelope): Promise<void> {
  try {
    if (snapshot.app !== 'gorgias' || snapshot.page !== 'ticket' || !snapshot.recognised) return;
    const data = gorgiasTicketSchema.safeParse(snapshot.data);
    if (!data.success) return;
    const ticketId = data.data.ticketId;
    const inserted = (await csRows('inserted'))
      .filter((r) => r.entityId === ticketId)
      .sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    const last = inserted[inserted.length - 1];
    if (!last) return;
    const note = JSON.parse(last.note ?? '{}') as { draftId?: string; agentCount?: number };
    const agent = agentMessages(ticketFromGorgias(data.data));
    if (!note.draftId || agent.length <= (note.agentCount ?? Number.POSITIVE_INFINITY)) return;
    const already = (await csRows('sent')).some((r) => draftIdOf(r.note) === note.draftId);
    if (already) return;
    const draft = await draftRow(note.draftId);
    const finalText = agent[agent.length - 1] ?? '';
    await db().audit.add({
      at: clock.nowIso(),
      kind: KIND,
      app: 'gorgias',
      entityId: ticketId,
      intent: draft.intent,
      provider: draft.provider,
      model: draft.model,
      action: 'sent',
      suggestion: draft.suggestion,
      finalText,
      editDistance: distance(draft.suggestion ?? '', finalText),
      note: JSON.stringify({ draftId: note.draftId }),
    });
  } catch (error) {
    console.warn('[counterpart] cs: sent-reply capture failed', error);
  }
}

/**
 * Makes (and logs) a draft of the panel tab's ticket: the answer of `cs.draftReply`, also used by the
 * streaming `ai.draft` port (with `onText` for the text so far and `signal` to cancel the model call).
 */
export async function draftForPanel(
  sender: Sender,
  regenerate: boolean,
  stream: { signal?: AbortSignal; onText?: (text: string) => void } = {},
) {
  const { ticketId, ticket } = await panelTicket(sender);
  const settings = await loadSettings();
  const brand = await brandContext();
  const provider = await aiProvider();
  const analysis = await analyseTicket(provider, ticket, settings, brand.policies, stream.signal);
  const draft = await draftTicket(provider, ticket, analysis, {
    ...brand,
    languagePolicy: settings.languagePolicy,
    pastReplies: await pastReplies(),
    variant: regenerate ? (await csRows('shown')).filter((r) => r.entityId === ticketId).length : 0,
    signal: stream.signal,
    onText: stream.onText,
  });
  stream.signal?.throwIfAborted();

  const shadow = !analysis.plan.showDraft;
  const id = await db().audit.add({
    at: clock.nowIso(),
    kind: KIND,
    app: 'gorgias',
    entityId: ticketId,
    intent: analysis.intent,
    provider: draft.meta.provider,
    model: draft.meta.model,
    action: 'shown',
    suggestion: draft.text,
    note: JSON.stringify({
      mode: settings.rolloutMode,
      tier: analysis.tier,
      shadow,
      fallback: draft.meta.fallback ?? false,
    }),
  });
  const placed = analysis.plan.autoPlaceDraft
    ? (await csRows('inserted')).some(
        (r) => r.entityId === ticketId && (JSON.parse(r.note ?? '{}') as { auto?: boolean }).auto,
      )
    : true;
  return {
    ticketId,
    mode: settings.rolloutMode,
    draft: shadow ? null : { id: String(id), ...draft },
    // A draft with a fact not found in its sources is never placed without a click.
    autoPlace: !shadow && analysis.plan.autoPlaceDraft && !placed && draft.flagged.length === 0,
  };
}

/** Background handlers of the cs process. */
export const csHandlers: Handlers = {
  'cs.analyseTicket': async (_payload, sender) => {
    const { ticketId, ticket } = await panelTicket(sender);
    const settings = await loadSettings();
    const { policies } = await brandContext();
    const analysis = await analyseTicket(await aiProvider(), ticket, settings, policies);
    return { ticketId, ...analysis };
  },

  'cs.draftReply': async ({ regenerate }, sender) => draftForPanel(sender, regenerate),

  'cs.recordOutcome': async ({ draftId, action, text, rating, reason, auto }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel records outcomes.');
    const draft = await draftRow(draftId);
    const original = draft.suggestion ?? '';
    const finalText = action === 'feedback' || action === 'discarded' ? undefined : (text ?? original);
    const editDistance = finalText === undefined ? null : distance(original, finalText);
    let agentCount: number | undefined;
    if (action === 'inserted') {
      const snapshot = await readTabSnapshot(sender.tabId);
      const data = gorgiasTicketSchema.safeParse(snapshot?.data);
      if (data.success) agentCount = agentMessages(ticketFromGorgias(data.data)).length;
    }
    await db().audit.add({
      at: clock.nowIso(),
      kind: KIND,
      app: 'gorgias',
      entityId: draft.entityId,
      intent: draft.intent,
      provider: draft.provider,
      model: draft.model,
      action: action === 'discarded' ? 'rejected' : action,
      suggestion: original,
      ...(finalText === undefined ? {} : { finalText }),
      ...(editDistance === null ? {} : { editDistance }),
      note: JSON.stringify({
        draftId,
        ...(rating ? { rating } : {}),
        ...(reason ? { reason } : {}),
        ...(agentCount === undefined ? {} : { agentCount }),
        ...(auto ? { auto } : {}),
      }),
    });
    return { recorded: true, editDistance };
  },

  'cs.stats': async () => ({
    rows: draftStats(await csRows()),
    pastReplies: await db().pastReplies.count(),
  }),

  'cs.importPastReplies': async ({ content, format, fileName }) => {
    const { rows, rejected } = importPastReplies(content, format);
    await db().pastReplies.bulkPut(
      rows.map((r) => ({
        id: `gorgias:${r.id}`,
        ticketId: r.id,
        subject: r.subject,
        customerText: r.customerText,
        replyText: r.replyText,
        tags: r.tags,
        createdAt: r.createdAt,
      })),
    );
    await db().imports.add({
      source: 'cs.pastReplies',
      fileName: fileName ?? 'pasted',
      fileHash: fnv1a(content),
      importedAt: clock.nowIso(),
      rowsTotal: rows.length + rejected.length,
      rowsAccepted: rows.length,
      rowsRejected: rejected.length,
      rejected: rejected.slice(0, 1000),
    });
    return { imported: rows.length, total: rows.length + rejected.length, rejected: rejected.slice(0, 1000) };
  },
};
