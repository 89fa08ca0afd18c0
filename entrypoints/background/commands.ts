import { browser } from 'wxt/browser';
import { TOGGLE_DOCK_MESSAGE, TOGGLE_PANEL_COMMAND } from '../../lib/sites/content/commands';

/**
 * The keyboard command (Alt+Shift+K by default, changeable at chrome://extensions/shortcuts) opens
 * or closes the panel of the tab it was pressed in: the tab's content script (top frame) toggles
 * its dock. A tab without our content script (any other site) has no receiver: nothing happens.
 */
export function setupCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PANEL_COMMAND) return;
    void toggleDock(tab?.id);
  });
}

async function toggleDock(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await browser.tabs.sendMessage(id, { type: TOGGLE_DOCK_MESSAGE }, { frameId: 0 }).catch(() => undefined);
}
