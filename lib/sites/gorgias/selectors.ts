/**
 * Every Gorgias DOM hook in one place (reference host-pages.md §2.3). Each selector is a list of
 * alternatives tried in order; comments name the UI variant each serves: "legacy" =
 * pages/tickets/detail UI, "v2" = helpdesk v2 (packages/tickets, packages/ticket-thread). CSS-module
 * classes are matched by their stable `File--local--` prefix, never by the hash.
 */
import { queryAllIn, queryFirstIn } from '../query';
export const SELECTORS = {
  /** Legacy ticket header wrapper. */
  ticketHeader: ['#TicketHeader'],
  subjectInput: [
    '#TicketHeader input[placeholder="Subject"]', // legacy EditableTitle (an input: read .value)
    'input[placeholder="Subject"]', // legacy, header id renamed
  ],
  subjectTextbox: [
    '[aria-label="Breadcrumbs"] [role="textbox"][contenteditable="true"]', // v2 EditableBreadcrumb
    '[role="textbox"][data-placeholder][contenteditable="true"]:not(.public-DraftEditor-content)', // v2, breadcrumb label changed
  ],
  customerLink: [
    '[aria-label="Breadcrumbs"] a[href^="/app/customer/"]', // both: breadcrumb link
    'a[href^="/app/customer/"]', // both: sidebar heading link
    'a[href*="/customer/"]', // absolute hrefs
  ],
  sidebar: [
    // `aria-label="Customer details"` and a global `.infobar` do not exist in Gorgias' source (host-evidence.md §1).
    '[class*="CustomerDetailsPanel"]', // legacy + v2 module class (GOP saw CustomerDetailsPanel-module--…)
  ],
  threadRoot: [
    '[aria-label="Ticket thread"][role="list"]', // v2 react-virtuoso list (also our legacy fixture)
    '[class*="TicketThread--"]', // module-class fallback
  ],
  message: [
    '.ticket-message', // legacy Container.tsx global class (+ data-testid="ticket-message-{id}")
    '[class*="MessageBubble--messageBubble"]', // v2 bubble with data-variant
  ],
  messageBody: ['.message-content'], // both (global class)
  messageAuthor: [
    '[class*="MessageHeader--author"]', // legacy MessageHeader
    '[class*="MessageSender--nameSlot"]', // v2 MessageSender.tsx: the name slot (the name itself has no module class)
    '[class*="MessageSender--"]', // v2 MessageSender container (name + "<email>")
    '.message-header strong',
  ],
  messageTime: ['time[datetime]', 'time', '[class*="MessageHeader--date"]'],
  /** Legacy SourceIcon ligature (`email`, `forum`, `note`…). */
  channelIcon: [
    '.source-icon', // SourceIcon.tsx: `i.material-icons` ligature, `i.icon-custom.icon-{name}` (no text) or `img[alt]`
    'i.material-icons',
    '.material-icons',
  ],
  tagsV2: ['[aria-label="Ticket tags selection"]'], // v2 multiselect
  tagsLegacy: ['[class*="TicketTags--tags"]', '[class*="TicketTags--"]'], // legacy badges (contain a `close` ligature)
  tagChip: ['.tag-chip', '[class*="TicketTags--tag"]', '[class*="Tag--"]', '[role="option"]'],
  // `[data-widget=…]` does not exist in Gorgias' source; today's card has no widget wrapper (orderCard is searched in the sidebar).
  shopifyWidget: ['[class*="ShopifyWidget--"]', '[class*="ShopifyCustomer--"]'],
  orderCard: [
    '[class*="OrderCard--orderCard"]', // packages/ecommerce OrderCard.tsx (css.orderCard): no labels, titles in img alt
    '[class*="OrderCard--card"]', // our older fixture's card with labels
    '[class*="OrderCard-module--card"]',
    '[data-testid*="order-card"]',
  ],
  copyProductTitle: ['[aria-label="Copy product title"]'],
  copySku: ['[aria-label="Copy SKU"]'],
  /** Draft.js reply editor; never "the first contenteditable" (v2 subject is one too). */
  replyEditor: [
    '.rich-textarea-wrapper .editor-wrapper .public-DraftEditor-content[contenteditable="true"]', // both
    '.rich-textarea-wrapper .public-DraftEditor-content[contenteditable="true"]',
    '.DraftEditor-root .public-DraftEditor-content[contenteditable="true"]',
  ],
  replyPlaceholder: ['.public-DraftEditorPlaceholder-root'],
} as const satisfies Record<string, readonly string[]>;

export type SelectorName = keyof typeof SELECTORS;

/** First element matching any alternative of `name`, with the alternative that matched. */
export const queryFirst = (root: ParentNode, name: SelectorName) => queryFirstIn(SELECTORS, root, name);
/** All elements matching the first alternative of `name` that matches anything. */
export const queryAll = (root: ParentNode, name: SelectorName) => queryAllIn(SELECTORS, root, name);
