import * as clock from '../../lib/clock';
import { brandContext } from '../../lib/cs/outcomes';
import { parseCsSettings } from '../../lib/cs/settings';
import type { CsPorts, KeptDraftPorts } from '../../lib/cs/ticket-flow';
import { AUDIT_KINDS, auditRow, auditRows, recordAudit } from '../../lib/db/audit';
import { brandIntentModel, brandModelKey, recordShadow } from '../../lib/db/brand-model-store';
import { loadPastReplies } from '../../lib/db/past-replies';
import { db } from '../../lib/db/schema';
import { keptDraftSchema, storedAnalysisSchema } from '../../lib/messaging/contract/cs';
import { csSettings } from '../../lib/settings/cs';
import { brandSettings } from '../../lib/settings/items';
import { BRAND_DEFAULTS } from '../../lib/settings/schemas';
import { aiProvider } from './ai';
import { readTabValue, writeTabValue } from './tab-state';

/** The CS ports wired to storage, Dexie and the provider; `tabId` scopes the stored analysis. */
export const ports = (tabId: number | null): CsPorts => ({
  settings: async () => parseCsSettings(await csSettings.getValue()),
  brand: async () => brandContext({ ...BRAND_DEFAULTS, ...((await brandSettings.getValue()) ?? {}) }),
  provider: aiProvider,
  pastReplies: () => loadPastReplies(db()),
  auditRows: (action) => auditRows(db(), AUDIT_KINDS.csDraft, action),
  auditRow: (id) => auditRow(db(), id),
  record: ({ details, ...entry }) => recordAudit(db(), { ...entry, at: clock.nowIso(), details }),
  readAnalysis: async () => (tabId === null ? null : readTabValue(tabId, 'cs.analysis', storedAnalysisSchema)),
  writeAnalysis: (value) => (tabId === null ? Promise.resolve() : writeTabValue(tabId, 'cs.analysis', value)),
  brandModel: async () => ({ key: await brandModelKey(db()), view: await brandIntentModel(db()) }),
  recordShadow: (row) => recordShadow(db(), { ...row, at: clock.nowIso() }),
});

/** The CS ports of a panel's tab, with the draft its query made kept in the tab's state until logged. */
export const tabPorts = (tabId: number): CsPorts & KeptDraftPorts => ({
  ...ports(tabId),
  keptDraft: () => readTabValue(tabId, 'cs.draft', keptDraftSchema),
  keepDraft: (value) => writeTabValue(tabId, 'cs.draft', value),
});
