import * as clock from '../../clock';
import type { Order } from '../../cs/ticket';
import { missingPart, type SnapshotEnvelope } from '../snapshot';
import { splitBody } from './message-text';
import { readOrderCard } from './order-card';
import type { GORGIAS_CHANNELS, GorgiasTicket } from './schema';
import { queryAll, queryFirst, SELECTORS } from './selectors';
import { pageKind, ticketIdFromUrl } from './urls';

const APP = 'Gorgias';
const PAGE = 'ticket view';
const miss = (part: string) => missingPart(APP, part, PAGE);

/** Class check without `classList` (which allocates a DOMTokenList per call; measurable on long threads). */
function hasClass(el: Element, name: string): boolean {
  const c = el.getAttribute('class');
  return c !== null && ` ${c} `.includes(` ${name} `);
}

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'TR',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'UL',
  'OL',
  'TABLE',
  'SECTION',
]);

/**
 * Visible text of an element with paragraph and line breaks kept and icon ligatures
 * (`<i class="material-icons">email</i>`, tag-chip `close`) and buttons dropped. A hand-rolled walk
 * instead of innerText: innerText forces layout, which costs far more on a 200-message thread.
 */
export function textOf(root: Element): string {
  let out = '';
  const walk = (node: Node) => {
    // firstChild/nextSibling rather than childNodes: happy-dom builds a NodeList per access.
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const e = c as Element;
        const tag = e.tagName;
        if (tag === 'BR') {
          out += '\n';
          continue;
        }
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'BUTTON' || (tag === 'I' && hasClass(e, 'material-icons')))
          continue;
        const block = BLOCK.has(tag);
        if (block && out && !out.endsWith('\n')) out += '\n';
        walk(e);
        if (block && !out.endsWith('\n')) out += '\n';
        if (tag === 'P' && !out.endsWith('\n\n')) out += '\n';
      }
    }
  };
  walk(root);
  return out
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Words in a source icon's class (`icon-custom icon-{name}`, no text: SourceIcon.tsx), `alt`
 * (newer channels: `<img alt="{channel name}">`), aria-label, title or src → channel; first match wins.
 */
const CHANNEL_WORDS: ReadonlyArray<[string, (typeof GORGIAS_CHANNELS)[number]]> = [
  // Legacy SourceIcon ligatures first (`<i class="material-icons">forum</i>`), then custom icon and channel names.
  ['contact_mail', 'contact-form'],
  ['forum', 'chat'],
  ['camera_alt', 'instagram-direct-message'],
  ['help', 'help-center'],
  ['instagram-dm', 'instagram-direct-message'],
  ['whatsapp', 'whatsapp'],
  ['messenger', 'facebook-messenger'],
  ['instagram', 'instagram'],
  ['facebook', 'facebook'],
  ['twitter', 'twitter'],
  ['sms', 'sms'],
  ['mail', 'email'],
  ['chat', 'chat'],
  ['phone', 'phone'],
];

/** The channel a source icon stands for: ligature text, else the words in its class, alt, aria-label, title or src. */
export function channelOfIcon(icon: Element): (typeof GORGIAS_CHANNELS)[number] | null {
  const ligature = hasClass(icon, 'material-icons') ? icon.textContent : '';
  const named = [ligature, ...['class', 'alt', 'aria-label', 'title', 'src'].map((a) => icon.getAttribute(a))]
    .join(' ')
    .toLowerCase();
  return CHANNEL_WORDS.find(([w]) => named.includes(w))?.[1] ?? null;
}

/** The translation control's words (unverified markup; en, de, fr, es, ja). */
const TRANSLATED =
  /^(?:translated|see original|show original|übersetzt|original anzeigen|traduit|voir l.original|traducido|ver original|翻訳済み|原文を表示)/i;

/** Trimmed non-empty text nodes under `root`: the natural units of badges, chips and cells. */
function textParts(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c.nodeValue ?? '').trim();
        if (t) out.push(t);
      } else if (c.nodeType === 1 && !hasClass(c as Element, 'material-icons') && (c as Element).tagName !== 'BUTTON')
        walk(c);
    }
  };
  walk(root);
  return out;
}

/** Label-anchored value: the `<dd>` (or next sibling) after an element whose text is `label`. */
function labelled(card: Element, label: string): Element | null {
  for (const dt of card.querySelectorAll('dt, [class*="label"], th')) {
    if (dt.textContent?.trim().toLowerCase() === label.toLowerCase()) return dt.nextElementSibling;
  }
  return null;
}

function copyableValue(button: Element): string | null {
  const wrapper = button.parentElement;
  const text = wrapper?.querySelector('[data-name="text"]');
  return text?.textContent?.trim() || null;
}

function extractOrder(card: Element): Order | null {
  const parts = textParts(card);
  const number = parts.find((p) => /^#\d{3,}$/.test(p)) ?? /(?:^|\s)(#\d{3,})\b/.exec(parts.join(' '))?.[1];
  if (!number) return null;
  const footer = card.querySelector('[class*="OrderCard--footer"]') ?? card.querySelector('[class*="status"]');
  // Two tags, financial then fulfilment (OrderCardStatus.tsx), read as shown; normaliseTicket (background) maps the words.
  const tags = footer ? textParts(footer) : [];
  // Read as shown ("$89.00 USD"): normaliseTicket (background) parses amount and currency.
  const totalText = labelled(card, 'Total')?.textContent?.trim() || null;
  const trackingEl = labelled(card, 'Tracking number') ?? labelled(card, 'Tracking');
  const trackingLink = trackingEl?.querySelector('a[href]') ?? (trackingEl?.matches('a[href]') ? trackingEl : null);
  const createdText = labelled(card, 'Created')?.textContent?.trim() ?? null;
  const headerEl = card.querySelector('[class*="OrderCard--header"]');
  const headerDate = headerEl ? (textParts(headerEl).find((p) => p !== number) ?? null) : null;
  const lineItems: Order['line_items'] = [];
  for (const product of card.querySelectorAll('[class*="OrderCard--product"], .product')) {
    const titleBtn = product.querySelector(SELECTORS.copyProductTitle.join(','));
    const skuBtn = product.querySelector(SELECTORS.copySku.join(','));
    const title = titleBtn ? copyableValue(titleBtn) : null;
    const productParts = textParts(product);
    const sku = skuBtn ? copyableValue(skuBtn) : (/SKU:\s*(\S+)/.exec(productParts.join(' '))?.[1] ?? null);
    const qp = productParts.map((p) => /^(\d+)\s*[×x]\s*[$€£]?\s?([\d.,]+)$/.exec(p)).find(Boolean);
    if (!title && !sku) continue;
    lineItems.push({ sku, title: title ?? sku ?? '', quantity: qp ? Number(qp[1]) : null, price: qp ? qp[2]! : null });
  }
  return {
    number,
    financial_status: tags[0] ?? null,
    fulfillment_status: tags[1] ?? null,
    tracking_number: trackingEl?.textContent?.trim() || null,
    carrier: labelled(card, 'Carrier')?.textContent?.trim() || null,
    tracking_url: trackingLink?.getAttribute('href') ?? null,
    total: totalText,
    currency: null,
    created_at: createdText ?? headerDate,
    line_items: lineItems,
  };
}

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

function messageRole(
  el: Element,
  author: string,
  customerName: string | null,
): GorgiasTicket['messages'][number]['from'] {
  const variant = el.getAttribute('data-variant');
  if (variant === 'internal-note' || hasClass(el, 'internal')) return 'internal';
  if (variant === 'regular') return 'customer';
  // Legacy MessageHeader.tsx puts an `isAgent` module class on an agent's name.
  if (el.querySelector('[class*="isAgent"]')) return 'agent';
  if (
    variant === 'from-agent' ||
    variant === 'ai-agent' ||
    hasClass(el, 'from-agent') ||
    hasClass(el, 'ticketHandledByAIAgent')
  )
    return 'agent';
  // Legacy rows carry no role class (Container.tsx): the author equal to the ticket's customer is the customer.
  if (customerName && author.trim().toLowerCase() === customerName.trim().toLowerCase()) return 'customer';
  return customerName ? 'agent' : 'customer';
}

/**
 * The sender's name: the legacy author element, or v2's name slot (the name itself has no module
 * class: MessageSender.tsx), else v2's sender container without its "<email>" part.
 */
function authorOf(el: Element): string {
  const hit = queryFirst(el, 'messageAuthor');
  return (hit ? textParts(hit.el) : []).find((p) => !/^<.*>$/.test(p)) ?? '';
}

/**
 * A message shown as a machine translation (Content.tsx renders `translations.stripped_*` while
 * collapsed). Its marker text is unverified: a `data-translated`/`lang` attribute or a
 * "Translated"/"See original" control in any of the five languages. The original is read when the
 * page holds it (`[data-original-text]`, or a hidden `[lang]` block), else it stays null.
 */
function isTranslated(el: Element): { original: string | null } | null {
  const marker =
    el.querySelector('[data-translated="true"]') ??
    [...el.querySelectorAll('button')].find((c) => TRANSLATED.test((c.textContent ?? '').trim()));
  if (!marker) return null;
  const originalEl = el.querySelector('[data-original-text]');
  return { original: originalEl ? textOf(originalEl) || null : null };
}

/** Thread messages (role, author, time, body) in page order, plus the customer the roles were decided against. */
export function readThread(
  doc: Document,
  messageEls: Element[] = queryAll(queryFirst(doc, 'threadRoot')?.el ?? doc, 'message'),
): { customerName: string | null; customerId: string | null; messages: GorgiasTicket['messages'] } {
  const customerLink = queryFirst(doc, 'customerLink')?.el ?? null;
  const customerName = customerLink?.textContent?.trim() || null;
  const customerId = /\/customer\/(\d+)/.exec(customerLink?.getAttribute('href') ?? '')?.[1] ?? null;
  const messages: GorgiasTicket['messages'] = [];
  for (const el of messageEls) {
    const author = authorOf(el);
    const timeEl = queryFirst(el, 'messageTime')?.el;
    const bodyEl = queryFirst(el, 'messageBody')?.el;
    const id =
      /ticket-message-(\d+)/.exec(el.getAttribute('data-testid') ?? '')?.[1] ?? el.getAttribute('data-message-id');
    const split = bodyEl ? splitBody(bodyEl, textOf) : { text: '', quoted: '' };
    const translated = isTranslated(el);
    messages.push({
      id: id ?? null,
      from: messageRole(el, author, customerName),
      author,
      time: timeEl?.getAttribute('datetime') ?? timeEl?.textContent?.trim() ?? null,
      body: split.text,
      ...(split.quoted ? { quoted: split.quoted } : {}),
      ...(translated ? { translated: true, original: translated.original } : {}),
    });
  }
  return { customerName, customerId, messages };
}

/**
 * Reads a Gorgias ticket view into a snapshot. Never throws: every required part that is not found
 * is named in `missing`; a page whose structure is not recognised at all gets `recognised: false`.
 */
export function extract(doc: Document, url: URL): SnapshotEnvelope {
  const base = {
    app: 'gorgias' as const,
    page: pageKind(url),
    entityId: ticketIdFromUrl(url),
    url: url.href,
    title: (doc.title ?? '').slice(0, 500),
    capturedAt: clock.nowIso(),
  };
  try {
    return { ...base, ...extractTicket(doc, base.entityId) };
  } catch (error) {
    // A page we do not understand must not break the content script.
    return {
      ...base,
      recognised: false,
      missing: [miss(`ticket (${error instanceof Error ? error.message : 'read error'})`)],
      data: null,
    };
  }
}

function extractTicket(
  doc: Document,
  ticketId: string | null,
): Pick<SnapshotEnvelope, 'recognised' | 'missing' | 'data' | 'uncertain'> {
  if (!ticketId) return { recognised: false, missing: [], data: null };
  const missing: string[] = [];
  const threadRoot = queryFirst(doc, 'threadRoot')?.el ?? null;
  const messageEls = queryAll(threadRoot ?? doc, 'message');
  const header = queryFirst(doc, 'ticketHeader');
  const editor = queryFirst(doc, 'replyEditor');
  if (!threadRoot && messageEls.length === 0 && !header && !editor) {
    return {
      recognised: false,
      missing: [miss('ticket thread'), miss('ticket header'), miss('reply editor')],
      data: null,
    };
  }

  // Subject: legacy input → v2 breadcrumb textbox → document.title.
  let subject = '';
  const input = queryFirst(doc, 'subjectInput')?.el as HTMLInputElement | undefined;
  if (input) subject = (input.value || input.getAttribute('value') || '').trim();
  if (!subject) subject = queryFirst(doc, 'subjectTextbox')?.el.textContent?.trim() ?? '';
  if (!subject) subject = doc.title.replace(/\s*[·|-]\s*Gorgias$/, '').trim();
  if (!subject) missing.push(miss('subject'));

  const sidebar = queryFirst(doc, 'sidebar')?.el ?? null;
  const { customerName, customerId, messages } = readThread(doc, messageEls);
  if (!customerName) missing.push(miss('customer name'));
  if (messages.length === 0) missing.push(miss('messages'));

  let email = sidebar ? (EMAIL.exec(textOf(sidebar))?.[0] ?? null) : null;
  if (!email) {
    for (const el of messageEls) {
      const m = EMAIL.exec(el.querySelector('[class*="MessageHeader"], .message-header')?.textContent ?? '');
      if (m) {
        email = m[0];
        break;
      }
    }
  }
  if (!email)
    email = EMAIL.exec(doc.querySelector('.reply-area, [class*="ReplyArea"]')?.textContent ?? '')?.[0] ?? null;
  if (!email) missing.push(miss('customer email'));

  const firstCustomer = messageEls.find((_, i) => messages[i]?.from === 'customer') ?? messageEls[0];
  const iconEl = firstCustomer ? queryFirst(firstCustomer, 'channelIcon')?.el : undefined;
  const channel = (iconEl && channelOfIcon(iconEl)) || 'unknown';
  if (channel === 'unknown') missing.push(miss('channel'));
  const uncertain: string[] = [];
  messages.forEach((m, i) => {
    if (m.translated && !m.original)
      uncertain.push(`${APP}: message ${i + 1} is a translation (the original is not on the page)`);
  });

  const tagRoot = queryFirst(doc, 'tagsV2')?.el ?? queryFirst(doc, 'tagsLegacy')?.el ?? null;
  const tags = tagRoot
    ? queryAll(tagRoot, 'tagChip')
        .map((c) =>
          textOf(c)
            .replace(/\s*×\s*$/, '')
            .trim(),
        )
        .filter(Boolean)
    : [];

  const orders: Order[] = [];
  const widget = queryFirst(sidebar ?? doc, 'shopifyWidget')?.el ?? null;
  const cards = queryAll(widget ?? sidebar ?? doc, 'orderCard');
  const lang = doc.documentElement.lang || undefined;
  for (const card of cards) {
    if ((card.getAttribute('class') ?? '').includes('OrderCard--orderCard')) {
      const read = readOrderCard(card, textParts);
      if (!read) continue;
      orders.push(read);
      missing.push(`${APP}: tracking number and SKUs of order ${read.number} are not on the order card`);
      continue;
    }
    const o = extractOrder(card);
    if (o) orders.push(o);
  }
  if (!widget && cards.length === 0) missing.push(miss('order widget'));
  else if (orders.length === 0) missing.push(miss('order number in the order widget'));
  if (!editor) missing.push(miss('reply editor'));

  const v2 = messageEls.some((e) => e.hasAttribute('data-variant')) || !!queryFirst(doc, 'subjectTextbox');
  // react-virtuoso wraps rows in elements carrying data-index / data-item-index: older rows may be unmounted.
  const partial =
    !!threadRoot &&
    (threadRoot.querySelector(':scope > [data-index], :scope > [data-item-index]') !== null ||
      threadRoot.hasAttribute('data-virtuoso-scroller'));

  const data: GorgiasTicket = {
    ticketId,
    subject,
    channel,
    customer: { name: customerName, email, id: customerId },
    messages,
    tags,
    orders,
    partial,
    lang: lang?.slice(0, 35),
    ui: v2 ? 'v2' : 'legacy',
  };
  return { recognised: true, missing, data, uncertain: uncertain.slice(0, 50) };
}
