import { brandContext } from '../../lib/cs/outcomes';
import { importPastReplies } from '../../lib/cs/replies';
import { draftStats } from '../../lib/cs/service';
import { parseCsSettings } from '../../lib/cs/settings';
import {
  type CsPorts,
  captureSent,
  draftForCase,
  recordOutcome,
  shownDraft,
  type TicketCase,
  ticketAnalysis,
} from '../../lib/cs/ticket-flow';
import { AUDIT_KINDS, auditRow, auditRows, recordAudit } from '../../lib/db/audit';
import { recordImport } from '../../lib/db/imports';
import { loadPastReplies, savePastReplies } from '../../lib/db/past-replies';
import { db } from '../../lib/db/schema';
import { storedAnalysisSchema } from '../../lib/messaging/contract/cs';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { csSettings } from '../../lib/settings/cs';
import { brandSettings } from '../../lib/settings/items';
import { BRAND_DEFAULTS } from '../../lib/settings/schemas';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { gorgiasTicketCase } from '../../lib/sites/gorgias/to-ticket';
import { fnv1a } from '../../lib/util/hash';
import { aiProvider } from './ai';
import { readTabSnapshot, readTabValue, writeTabValue } from './tab-state';

/** The CS ports wired to storage, Dexie and the provider; `tabId` scopes the stored analysis. */
const ports = (tabId: number | null): CsPorts => ({
  settings: async () => parseCsSettings(await csSettings.getValue()),
  brand: async () => brandContext({ ...BRAND_DEFAULTS, ...((await brandSettings.getValue()) ?? {}) }),
  provider: aiProvider,
  pastReplies: () => loadPastReplies(db()),
  auditRows: (action) => auditRows(db(), AUDIT_KINDS.csDraft, action),
  auditRow: (id) => auditRow(db(), id),
  record: ({ details, ...entry }) => recordAudit(db(), { ...entry, at: new Date().toISOString(), details }),
  readAnalysis: async () => (tabId === null ? null : readTabValue(tabId, 'cs.analysis', storedAnalysisSchema)),
  writeAnalysis: (value) => (tabId === null ? Promise.resolve() : writeTabValue(tabId, 'cs.analysis', value)),
});

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

  'cs.importPastReplies': async ({ content, format, fileName }) => {
    const { rows, rejected } = importPastReplies(content, format);
    await savePastReplies(db(), rows);
    const total = rows.length + rejected.length;
    const at = new Date().toISOString();
    await recordImport(db(), {
      source: 'cs.pastReplies',
      fileName: fileName ?? 'pasted',
      fileHash: fnv1a(content),
      importedAt: at,
      rowsTotal: total,
      rowsAccepted: rows.length,
      rejected,
    });
    return { imported: rows.length, total, rejected: rejected.slice(0, 1000) };
  },
};
