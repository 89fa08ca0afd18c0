import { browser } from 'wxt/browser';
import { forgetTab } from './tab-state';

/** Drops per-tab state when its tab closes. */
export function setupTabCleanup(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });
}
