import * as clock from '../../lib/clock';
import { draftStats } from '../../lib/cs/service';
import {
  captureSent,
  draftForCase,
  recordOutcome,
  shownDraft,
  type TicketCase,
  ticketAnalysis,
} from '../../lib/cs/ticket-flow';
import { AUDIT_KINDS, auditRows } from '../../lib/db/audit';
import { importPastRepliesFile } from '../../lib/db/past-replies';
import { db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { gorgiasTicketCase } from '../../lib/sites/gorgias/to-ticket';
import { ports } from './cs-ports';
import { readTabSnapshot } from './tab-state';

/** The Gorgias ticket the panel's own tab shows (from the checked snapshot, never from the payload). */
async function panelCase(sender: Sender): Promise<{ tabId: number; found: TicketCase }> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its ticket.');
  const found = gorgiasTicketCase(await readTabSnapshot(sender.tabId));
  if (!found) throw new MessageError('not_found', 'Open a Gorgias ticket to see its triage.');
  return { tabId: sender.tabId, found };
}

/** Makes (and logs) a draft of the panel tab's ticket: `cs.draftReply`, and the streaming `ai.draft` port. */
export async function draftForPanel(
  sender: Sender,
  regenerate: boolean,
  stream: { signal?: AbortSignal; onText?: (text: string) => void } = {},
) {
  const { tabId, found } = await panelCase(sender);
  return draftForCase(ports(tabId), found, regenerate, stream);
}

/** Snapshot hook: a new agent message after an inserted draft is recorded as `sent`. Never throws. */
export async function captureSentReply(snapshot: CheckedSnapshot): Promise<void> {
  const found = gorgiasTicketCase(snapshot);
  if (found)
    await captureSent(ports(null), found).catch((e) => console.warn('[counterpart] cs: sent capture failed', e));
}

/** Background handlers of the cs process. */
export const csHandlers: Handlers = {
  'cs.analyseTicket': async (_payload, sender) => {
    const { tabId, found } = await panelCase(sender);
    const { analysis, ticketHash } = await ticketAnalysis(ports(tabId), found);
    return { ticketId: found.ticketId, ticketHash, ...analysis };
  },

  'cs.draftReply': async ({ regenerate }, sender) => draftForPanel(sender, regenerate),

  'cs.recordOutcome': async (outcome, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel records outcomes.');
    const p = ports(sender.tabId);
    const draft = await shownDraft(p, outcome.draftId);
    if (!draft) throw new MessageError('not_found', 'Unknown draft.');
    const current = outcome.action === 'inserted' ? gorgiasTicketCase(await readTabSnapshot(sender.tabId)) : null;
    return { recorded: true, editDistance: await recordOutcome(p, draft, outcome, current) };
  },

  'cs.stats': async () => ({
    rows: draftStats(await auditRows(db(), AUDIT_KINDS.csDraft)),
    pastReplies: await db().pastReplies.count(),
  }),

  'cs.importPastReplies': async (file) => importPastRepliesFile(db(), file, clock.nowIso()),
};
