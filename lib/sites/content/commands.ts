/**
 * The keyboard command that opens and closes the panel (manifest `commands`, wxt.config.ts) and the
 * message the background sends the tab's content script when it fires. Alt+Shift+K: Gorgias binds
 * single keys (Mousetrap) and Ctrl/⌘ combinations, Shopify admin ⌘/Ctrl+K and single-key sequences;
 * neither binds Alt+Shift+K, and the browser handles an extension command before the page sees it.
 */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
export const TOGGLE_PANEL_SHORTCUT = 'Alt+Shift+K';
export const TOGGLE_DOCK_MESSAGE = 'content.toggleDock';
