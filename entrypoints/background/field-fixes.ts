import { browser } from 'wxt/browser';
import { z } from 'zod';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import {
  checkFixValue,
  type FieldFixes,
  fieldFixesSchema,
  fixableField,
  withFieldFixes,
} from '../../lib/sites/field-fixes';
import { pickInTab, pointedValues, rememberLocator } from './picker';
import { runSnapshotHooks } from './snapshot-hooks';
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
  return snapshot ? withTabFixes(tabId, snapshot) : null;
}

/** A snapshot of the tab with the user's values for its record laid in (typed, or read where they pointed). */
export async function withTabFixes(tabId: number, snapshot: CheckedSnapshot): Promise<CheckedSnapshot> {
  const typed = await fixesFor(tabId, snapshot.entityId);
  return withFieldFixes(snapshot, { ...(await pointedValues(tabId, snapshot, typed)), ...typed });
}

/**
 * After the user gave a value, what the processes store from the page (the canonical Shopify
 * product, Seller Central's reads, the return's lines) is stored again with it, as if the page had
 * shown it; later publishes of the page run the hooks with the values too (snapshots.ts).
 */
async function storeWithFixes(tabId: number): Promise<void> {
  const fixed = await fixedTabSnapshot(tabId);
  if (fixed) await runSnapshotHooks(fixed);
}

/** The page the panel's own tab shows with the user's values laid in, as `read` turns it into an engine's input. */
export async function fixedPanelTabPage<T>(sender: Sender, read: (s: CheckedSnapshot | null) => T | null): Promise<T> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its tab.');
  const page = read(await fixedTabSnapshot(sender.tabId));
  if (!page) throw new MessageError('not_found', 'This tab does not show that page (yet). Reload it if it should.');
  return page;
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
    const fixable = snapshot ? fixableField(snapshot.app, snapshot.page, field) : undefined;
    if (!snapshot?.entityId || !fixable)
      throw new MessageError('invalid_request', 'This page has no such field to fill in.');
    let kept = '';
    if (value) {
      // Checked by the field's kind (e-mail, amount, date…) and kept in its checked form.
      const checked = checkFixValue(fixable.kind, value);
      if (!checked.ok) throw new MessageError('invalid_request', `${fixable.label}: ${checked.error}`);
      kept = checked.value;
    }
    const fixes = await saveFix(tabId, snapshot.entityId, field, kept);
    await storeWithFixes(tabId);
    return { fixes };
  },
  'sites.pointAtField': async ({ field }, sender) => {
    const { tabId, snapshot } = await panelRecord(sender);
    const fixable = snapshot ? fixableField(snapshot.app, snapshot.page, field) : undefined;
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
    // The wrong text pointed at (not an amount, not a date…) is neither kept nor remembered.
    const checked = checkFixValue(fixable.kind, picked.text);
    if (!checked.ok)
      throw new MessageError(
        'invalid_request',
        `${fixable.label}: what you pointed at (“${picked.text.slice(0, 60)}”) does not fit. ${checked.error}`,
      );
    await rememberLocator(snapshot.app, field, picked.locator);
    const fixes = await saveFix(tabId, snapshot.entityId, field, checked.value);
    await storeWithFixes(tabId);
    return { fixes, picked: true };
  },
};
