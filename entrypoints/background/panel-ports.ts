import { type Browser, browser } from 'wxt/browser';
import { classifySender } from '../../lib/messaging/trust';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { trustEnv } from './trust-env';

// Open panel connections by tab. Losing this map is harmless: when the worker restarts, every
// port disconnects and each panel reconnects and refetches.
const portsByTab = new Map<number, Set<Browser.runtime.Port>>();
// How many times each tab's panels were told their page changed, and how far the tab's last
// context read had come. Lost with the worker: then a connecting panel is simply told to read again.
const changes = new Map<number, number>();
const served = new Map<number, number>();

/** The tab's change count now: a context read takes it before it reads, and marks it served after. */
export const tabChanges = (tabId: number): number => changes.get(tabId) ?? 0;

/** A panel of the tab read its context after `count` changes (`tabChanges` taken before the read). */
export function markServed(tabId: number, count: number): void {
  served.set(tabId, Math.max(served.get(tabId) ?? 0, count));
}

/** Accepts long-lived connections from framed panels so the background can tell them "your page changed". */
export function setupPanelPorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === 'ai.draft') return; // served by draft-port.ts
    if (port.name !== 'panel') return port.disconnect();
    const sender = classifySender(port.sender ?? {}, trustEnv());
    if (sender?.kind !== 'panel') return port.disconnect();
    const set = portsByTab.get(sender.tabId) ?? new Set();
    set.add(port);
    portsByTab.set(sender.tabId, set);
    port.onDisconnect.addListener(() => {
      set.delete(port);
      if (set.size === 0) portsByTab.delete(sender.tabId);
    });
    // The panel read its context before this port existed; a snapshot written in between (after
    // the hooks) was announced to no one. Now that the port is registered, have it read again,
    // unless its read came after the last change (asking again would throw its answers away).
    if (served.get(sender.tabId) !== tabChanges(sender.tabId)) port.postMessage({ type: 'snapshot.changed' });
  });
}

/**
 * Tells the panels docked in a tab that what they show is out of date. A new snapshot travels with
 * the notice, so the panel shows it (and starts what depends on it) without asking back first.
 */
export function notifyPanels(
  tabId: number,
  event: { type: 'snapshot.changed' | 'data.changed'; snapshot?: CheckedSnapshot },
): void {
  changes.set(tabId, tabChanges(tabId) + 1);
  for (const port of portsByTab.get(tabId) ?? []) {
    try {
      port.postMessage(event);
    } catch {
      // A port closing mid-send is the panel going away; its disconnect handler cleans up.
    }
  }
}
