import { browser } from 'wxt/browser';
import { z } from 'zod';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import {
  FIXABLE_FIELDS,
  type FieldFixes,
  fieldFixesSchema,
  isFixable,
  withFieldFixes,
} from '../../lib/sites/field-fixes';
import { pickInTab, pointedValues, rememberLocator } from './picker';
import { readTabSnapshot } from './tab-state';

// Values the user typed for fields a record's page did not show, per tab and record, in
// storage.session (cleared with the tab by `forgetTab`, and with the browser session).
const key = (tabId: number) => `tab.${tabId}.fixes`;
const storedSchema = z.record(z.string().max(200), fieldFixesSchema);
const MAX_RECORDS = 20;

async function readAll(tabId: number): Promise<z.infer<typeof storedSchema>> {
  const parsed = storedSchema.safeParse((await browser.storage.session.get(key(tabId)))[key(tabId)]);
  return parsed.success ? parsed.data : {};
}

/** The user's values for the record the tab shows now. */
export async function fixesFor(tabId: number, entityId: string | null): Promise<FieldFixes> {
  return entityId ? ((await readAll(tabId))[entityId] ?? {}) : {};
}

/**
 * The tab's snapshot with the user's values laid in: the one place a process reads a page it
 * turns into its case (cs.ts for Gorgias tickets, returns.ts for Loop returns).
 */
export async function fixedTabSnapshot(tabId: number): Promise<CheckedSnapshot | null> {
  const snapshot = await readTabSnapshot(tabId);
  if (!snapshot) return null;
  const typed = await fixesFor(tabId, snapshot.entityId);
  return withFieldFixes(snapshot, { ...(await pointedValues(tabId, snapshot, typed)), ...typed });
}

/** Keeps (or with `''` forgets) the user's value for a field of the record the tab shows. */
async function saveFix(tabId: number, entityId: string, field: string, value: string): Promise<FieldFixes> {
  const all = await readAll(tabId);
  const fixes = { ...(all[entityId] ?? {}) };
  if (value) fixes[field] = value;
  else delete fixes[field];
  delete all[entityId];
  const next = Object.fromEntries([...Object.entries(all).slice(-(MAX_RECORDS - 1)), [entityId, fixes]]);
  await browser.storage.session.set({ [key(tabId)]: next });
  return fixes;
}

async function panelRecord(sender: Sender): Promise<{ tabId: number; snapshot: CheckedSnapshot | null }> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel fills in fields.');
  return { tabId: sender.tabId, snapshot: await readTabSnapshot(sender.tabId) };
}

export const fieldFixHandlers: Handlers = {
  'sites.fieldFixes': async (_payload, sender) => {
    const { tabId, snapshot } = await panelRecord(sender);
    const fixes = await fixesFor(tabId, snapshot?.entityId ?? null);
    return { fixes, pointed: snapshot ? await pointedValues(tabId, snapshot, fixes) : {} };
  },
  'sites.saveFieldFix': async ({ field, value }, sender) => {
    const { tabId, snapshot } = await panelRecord(sender);
    if (!snapshot?.entityId || !isFixable(snapshot.app, snapshot.page, field))
      throw new MessageError('invalid_request', 'This page has no such field to fill in.');
    return { fixes: await saveFix(tabId, snapshot.entityId, field, value) };
  },
  'sites.pointAtField': async ({ field }, sender) => {
    const { tabId, snapshot } = await panelRecord(sender);
    const fixable = FIXABLE_FIELDS.find(
      (f) => f.app === snapshot?.app && f.page === snapshot.page && f.field === field,
    );
    if (!snapshot?.entityId || !fixable)
      throw new MessageError('invalid_request', 'This page has no such field to point at.');
    let picked: Awaited<ReturnType<typeof pickInTab>>;
    try {
      picked = await pickInTab(tabId, fixable.label);
    } catch (e) {
      console.warn('[counterpart] picker failed', e);
      throw new MessageError(
        'unavailable',
        'Counterpart could not let you point at this page. Type the value instead.',
      );
    }
    if (!picked?.text) return { fixes: await fixesFor(tabId, snapshot.entityId), picked: false };
    await rememberLocator(snapshot.app, field, picked.locator);
    return { fixes: await saveFix(tabId, snapshot.entityId, field, picked.text), picked: true };
  },
};
