import * as clock from '../../lib/clock';
import { draftStats } from '../../lib/cs/service';
import {
  captureSent,
  draftForCase,
  draftToShow,
  logShownDraft,
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
import { ticketFromPaste } from '../../lib/sites/gorgias/paste';
import { gorgiasTicketCase } from '../../lib/sites/gorgias/to-ticket';
import { ports, tabPorts } from './cs-ports';
import { fixedTabSnapshot } from './field-fixes';
import { readManualInput } from './tab-state';

/** The Gorgias ticket the panel's own tab shows (from the checked snapshot, never from the payload). */
async function panelCase(sender: Sender): Promise<{ tabId: number; found: TicketCase }> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its ticket.');
  const snapshot = await fixedTabSnapshot(sender.tabId);
  let found = gorgiasTicketCase(snapshot);
  // The manual path: a Gorgias page that could not be read is classified and drafted from the pasted text.
  if (!found && sender.app === 'gorgias') {
    const manual = await readManualInput(sender.tabId);
    if (manual) found = ticketFromPaste(manual.text, snapshot?.entityId ?? null);
  }
  if (!found) throw new MessageError('not_found', 'Open a Gorgias ticket to see its triage.');
  return { tabId: sender.tabId, found };
}

/** The panel tab's draft (`cs.draftReply`, the `ai.draft` port): kept until `cs.draftShown` logs it; Regenerate logs at once. */
export async function draftForPanel(
  sender: Sender,
  regenerate: boolean,
  stream: { signal?: AbortSignal; onText?: (text: string) => void } = {},
) {
  const { tabId, found } = await panelCase(sender);
  return regenerate ? draftForCase(ports(tabId), found, true, stream) : draftToShow(tabPorts(tabId), found, stream);
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

  'cs.draftShown': async ({ ticketHash }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel logs the draft it got.');
    return { draftId: await logShownDraft(tabPorts(sender.tabId), ticketHash) };
  },

  'cs.recordOutcome': async (outcome, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel records outcomes.');
    const p = ports(sender.tabId);
    const draft = await shownDraft(p, outcome.draftId);
    if (!draft) throw new MessageError('not_found', 'Unknown draft.');
    const current = outcome.action === 'inserted' ? gorgiasTicketCase(await fixedTabSnapshot(sender.tabId)) : null;
    return { recorded: true, editDistance: await recordOutcome(p, draft, outcome, current) };
  },

  'cs.stats': async () => ({
    rows: draftStats(await auditRows(db(), AUDIT_KINDS.csDraft)),
    pastReplies: await db().pastReplies.count(),
  }),

  'cs.importPastReplies': async (file) => importPastRepliesFile(db(), file, clock.nowIso()),
};
