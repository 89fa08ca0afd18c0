import { type Browser, browser } from 'wxt/browser';
import { classifySender } from '../../lib/messaging/trust';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { trustEnv } from './trust-env';

// Open panel connections by tab. Losing this map is harmless: when the worker restarts, every
// port disconnects and each panel reconnects and refetches.
const portsByTab = new Map<number, Set<Browser.runtime.Port>>();

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
    // the hooks) was announced to no one. Now that the port is registered, have it read again.
    port.postMessage({ type: 'snapshot.changed' });
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
  for (const port of portsByTab.get(tabId) ?? []) {
    try {
      port.postMessage(event);
    } catch {
      // A port closing mid-send is the panel going away; its disconnect handler cleans up.
    }
  }
}
