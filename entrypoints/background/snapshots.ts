import { browser } from 'wxt/browser';
import * as clock from '../../lib/clock';
import { db } from '../../lib/db/schema';
import { recordSnapshot } from '../../lib/db/snapshots';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { checkPageData } from '../../lib/sites/data-schemas';
import { measurePixels } from '../../lib/sites/images';
import { snapshotChange } from '../../lib/sites/snapshot-change';
import { KeyedQueue } from '../../lib/util/keyed-queue';
import { aiStatus } from './ai';
import { withTabFixes } from './field-fixes';
import { markServed, notifyPanels, tabChanges } from './panel-ports';
import { runSnapshotHooks } from './snapshot-hooks';
import { readManualInput, readTabSnapshot, writeManualInput, writeTabSnapshot } from './tab-state';

/** How long a publish waits for the snapshot hooks before the panel may see the snapshot anyway. */
export const HOOK_WAIT_MS = 2000;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** One publish at a time per tab: a slow older snapshot must never overwrite a newer one. */
const publishes = new KeyedQueue<number>();

/** Snapshots from content scripts, and the panel's view of its tab. */
export const snapshotHandlers: Handlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),

  'snapshot.publish': async (published, sender) => {
    if (sender.kind !== 'content') throw new MessageError('forbidden', 'Only a content script publishes snapshots.');
    // The app and origin come from the browser-stamped sender, not from the payload's claims.
    if (published.app !== sender.app || new URL(published.url).origin !== new URL(sender.url).origin) {
      throw new MessageError('forbidden', 'Snapshot does not match the page that sent it.');
    }
    const snapshot = checkPageData(published);
    return publishes.run(sender.tabId, async () => {
      const change = snapshotChange(await readTabSnapshot(sender.tabId), snapshot);
      if (!change.changed) return { accepted: true, changed: false };
      // Hooks store what the snapshot means first; only then may a panel read it (a panel opening
      // in between would otherwise read before the write). Hooks slower than HOOK_WAIT_MS (a first
      // database open on a busy machine) do not hold the page back: the panel is told again when they end.
      // With the user's values for the record laid in (field-fixes.ts), as the panel's processes see it.
      const hooks = withTabFixes(sender.tabId, snapshot)
        .catch(() => snapshot)
        .then(runSnapshotHooks);
      const done = await Promise.race([hooks.then(() => true), wait(HOOK_WAIT_MS).then(() => false)]);
      await writeTabSnapshot(sender.tabId, snapshot);
      if (change.movedRecord) await writeManualInput(sender.tabId, null);
      notifyPanels(sender.tabId, { type: 'snapshot.changed', snapshot });
      // The history row is for later views, not for the panel reading this snapshot: after the notice.
      if (change.keep) await recordSnapshot(db(), snapshot, change.hash);
      if (!done) void hooks.then(() => notifyPanels(sender.tabId, { type: 'snapshot.changed' }));
      return { accepted: true, changed: true };
    });
  },

  'image.measure': async ({ src, width, height }, sender) => {
    if (sender.kind !== 'content') throw new MessageError('forbidden', 'Only a content script asks for a picture.');
    try {
      return await measurePixels(src, width, height);
    } catch {
      return {}; // Not readable (cross-origin without CORS, not a picture): nothing measured.
    }
  },

  'panel.getContext': async (_payload, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks for its context.');
    const count = tabChanges(sender.tabId);
    const [snapshot, manual, ai] = await Promise.all([
      readTabSnapshot(sender.tabId),
      readManualInput(sender.tabId),
      aiStatus(),
    ]);
    markServed(sender.tabId, count);
    return { app: sender.app, snapshot, manual, ai, version: browser.runtime.getManifest().version };
  },

  'panel.submitManual': async ({ text }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel submits pasted text.');
    await writeManualInput(sender.tabId, { text, at: clock.nowIso() });
    notifyPanels(sender.tabId, { type: 'snapshot.changed' });
    return { stored: true };
  },
};
