/**
 * Every Seller Central DOM hook in one place (host-pages §4.3–4.4). Each selector is a list of
 * alternatives tried in order; comments name the page variant. Field hosts are Katal (`kat-*`)
 * elements with open shadow roots, found with a composed-tree walk (see dom.ts).
 */
import { queryAllIn, queryFirstIn } from '../query';
export const SELECTORS = {
  /** Field hosts of the listing editor: Katal components (new UI) or plain controls (some VC pages). */
  fieldHosts: [
    'kat-textarea[name], kat-input[name], kat-dropdown[name], kat-select[name]', // Katal editor (new and old naming)
    'textarea[name], input[name]:not([type="hidden"]):not([type="file"])', // plain-control variant (Vendor Central)
  ],
  /** Inner native control of a Katal host, inside its shadow root. */
  innerControl: ['textarea', 'input:not([type="hidden"])', 'select', '.select-header'],
  /** Marketplace switcher label in the NGS header (VSL). */
  marketplaceSwitcher: [
    'button[aria-label="Switch Accounts"]', // NGS header button
    '#ngstrim-account-switcher-dropdown button', // inside the NGS trim dropdown
    '.switcher-label',
  ],
  alerts: ['kat-alert', '[role="alert"]'],
  /** Image slots of the Images tab (MAIN, PT01…PT08, SWATCH): fixture markup; the live tab's hooks are unverified. */
  imageSlots: ['[data-image-variant]', '[data-variant] img', '#images img'],
  /** Upload inputs of the Images tab, one per slot (`ProductImage_MAIN-input_input` … `PT08`; index id 12052346279). */
  imageUploadInputs: ['input[id^="ProductImage_"][id$="-input_input"]'],
  /** Save button: identified only so that nothing ever clicks it. */
  saveButton: ['#EditSaveAction', 'kat-button[label="Save and submit"]'],
  /** Manage All Inventory: table variant (headers mapped by text) and card variant. */
  inventoryTable: ['table', '[role="grid"]'],
  inventoryCards: ['[data-testid="inventory-card"]', '[class*="InventoryCard"]'],
  statusChip: ['.status-chip', '[class*="status-chip"]', 'kat-badge', '[class*="StatusBadge"]'],
  statusReason: ['.status-reason', '[class*="status-reason"]', '[class*="StatusReason"]'],
} as const satisfies Record<string, readonly string[]>;

export type SelectorName = keyof typeof SELECTORS;

/** First element matching any alternative of `name`, with the alternative that matched. */
export const queryFirst = (root: ParentNode, name: SelectorName) => queryFirstIn(SELECTORS, root, name);
/** All elements matching the first alternative of `name` that matches anything. */
export const queryAll = (root: ParentNode, name: SelectorName) => queryAllIn(SELECTORS, root, name);
