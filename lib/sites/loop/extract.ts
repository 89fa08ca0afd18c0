import * as clock from '../../clock';
import { normLabel } from '../labels';
import { parseLocaleDate, parseMoney as parseLocaleMoney } from '../locale';
import { missingPart, type SnapshotEnvelope } from '../snapshot';
import type { LoopItem, LoopReturnData } from './schema';
import {
  HEADER_SELECTORS,
  HEADING_SELECTORS,
  ITEM_SELECTORS,
  LABELS,
  type LabelName,
  OUTCOME_WORDS,
  RETURN_TITLE,
  SECTION_CONTAINERS,
  SECTION_HEADINGS,
  type SectionName,
  STATUS_WORDS,
  WORDS,
} from './selectors';
import { pageKind, returnIdFromUrl } from './urls';

const APP_LABEL = 'Loop';
/** The page's `<html lang>`, for its slash dates (set per extract). */
let pageLang = 'en-US';
const PAGE_LABEL = 'return page';
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
/** Lower case, no trailing colon, no "(2)" count: headings such as "Return Credits (2)" match. */
const norm = normLabel;

/**
 * `norm(el.textContent)`, computed once per element per read: the label searches go over the same
 * elements many times (every label of every item card). Forgotten at the next microtask, so a
 * later read sees the page as it is then.
 */
let normCache: WeakMap<Element, string> | null = null;
function normText(el: Element): string {
  if (!normCache) {
    normCache = new WeakMap();
    queueMicrotask(() => {
      normCache = null;
    });
  }
  let t = normCache.get(el);
  if (t === undefined) {
    t = norm(el.textContent);
    normCache.set(el, t);
  }
  return t;
}

/**
 * The AI image-recognition overlay beside shopper photos (help.loopreturns.com 9565825): its
 * description and flags are the model's words, never the customer's, so no label inside it counts.
 */
const OVERLAY =
  '[class*="recognition" i], [aria-label*="recognition" i], [data-testid*="recognition" i], [class*="ai-analysis" i]';
function inOverlay(el: Element): boolean {
  if (el.closest(OVERLAY)) return true;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const head = p.firstElementChild;
    if (
      head &&
      head !== el &&
      !head.contains(el) &&
      WORDS.imageRecognition.includes(normText(head)) &&
      head.children.length === 0
    )
      return true;
    if (p.matches('section, article, [role="dialog"]')) break;
  }
  return false;
}

function isHeading(el: Element): boolean {
  return HEADING_SELECTORS.some((s) => el.matches(s));
}

/** Finds the container of the section whose heading is one of `SECTION_HEADINGS[name]`. */
export function findSection(doc: Document | Element, name: SectionName): Element | null {
  const wanted: readonly string[] = SECTION_HEADINGS[name];
  for (const h of doc.querySelectorAll(HEADING_SELECTORS.join(','))) {
    if (!wanted.includes(norm(h.textContent))) continue;
    for (const container of SECTION_CONTAINERS) {
      const c = h.parentElement?.closest(container);
      if (c) return c;
    }
    return h.parentElement;
  }
  return null;
}

/** Elements whose whole text is one of the labels (innermost only, headings and scripts skipped). */
export function findLabels(scope: Element, names: readonly string[], includeHeadings = false): Element[] {
  const out: Element[] = [];
  for (const el of scope.querySelectorAll('*')) {
    if (SKIP_TAGS.has(el.tagName) || el.closest('script,style,template')) continue;
    const t = normText(el);
    if (!names.includes(t)) continue;
    if (!includeHeadings && isHeading(el)) continue;
    // The overlay test walks every ancestor: only for elements that carry a label (host overhead).
    if (inOverlay(el)) continue;
    if ([...el.children].some((c) => normText(c) === t)) continue;
    out.push(el);
  }
  return out;
}

/** The value element next to a label: `dt → dd`, `th → td`, `label[for]`, or the next sibling. */
function valueElementOf(label: Element): Element | null {
  const tag = label.tagName;
  if (tag === 'DT') {
    let n = label.nextElementSibling;
    while (n && n.tagName !== 'DD') n = n.nextElementSibling;
    return n;
  }
  if (tag === 'TH') return label.nextElementSibling;
  if (tag === 'LABEL') {
    const id = label.getAttribute('for');
    if (id) return label.ownerDocument.getElementById(id);
  }
  return label.nextElementSibling;
}

function labelled(scope: Element | null, name: LabelName): Element | null {
  if (!scope) return null;
  for (const label of findLabels(scope, LABELS[name])) {
    const v = valueElementOf(label);
    if (v && clean(v.textContent)) return v;
  }
  return null;
}

/** Elements that may hold an inline "Label: value" line. */
const INLINE = 'p, span, div, li, dd, td, small';

/** Inline "Label: value" text in one element (e.g. `<p>SKU: TEE-BLK-M</p>`), outside the photo overlay. */
export function inlineLabelled(scope: Element | null, names: readonly string[]): string | null {
  if (!scope) return null;
  for (const el of scope.querySelectorAll(INLINE)) {
    if (el.children.length > 2) continue;
    const m = /^([^:：]{1,40})[:：]\s*(.+)$/.exec(clean(el.textContent));
    // The overlay test (an ancestor walk) only for a matching label.
    if (m && names.includes(norm(m[1])) && !el.querySelector('p, div, li') && !inOverlay(el))
      return m[2]!.trim() || null;
  }
  return null;
}

function labelledText(scope: Element | null, name: LabelName): string | null {
  const v = labelled(scope, name);
  const t = clean(v?.textContent);
  return t || inlineLabelled(scope, LABELS[name]);
}

/** Parses "$480.00", "27,90 €", "1.299,00 €", "54.00 USD" into amount and ISO currency (lib/sites/locale.ts). */
export function parseMoney(text: string | null): { amount: number; currency: string | null } | null {
  return parseLocaleMoney(text);
}

/** A date value as `YYYY-MM-DD`: from `time[datetime]` when present, else parsed from the text. */
function dateOf(v: Element | null, inline: string | null = null): string | null {
  const time = v?.closest('time[datetime]') ?? v?.querySelector('time[datetime]');
  const attr = time?.getAttribute('datetime');
  if (attr && /^\d{4}-\d{2}-\d{2}/.test(attr)) return attr.slice(0, 10);
  const text = v ? clean(v.textContent) : inline;
  if (!text) return null;
  const local = parseLocaleDate(text, pageLang);
  if (local) return local.day;
  const t = Date.parse(text);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  // "Nov 6, 2026" parses as local midnight: read it back in local terms, not UTC.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const COUNTRIES: Record<string, string> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  canada: 'CA',
  'united kingdom': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  germany: 'DE',
  deutschland: 'DE',
  france: 'FR',
  spain: 'ES',
  italy: 'IT',
  netherlands: 'NL',
  belgium: 'BE',
  austria: 'AT',
  ireland: 'IE',
  sweden: 'SE',
  denmark: 'DK',
  poland: 'PL',
  portugal: 'PT',
  switzerland: 'CH',
  norway: 'NO',
  australia: 'AU',
  'new zealand': 'NZ',
  mexico: 'MX',
  japan: 'JP',
};

/** "United States" / "us" → "US"; unknown names → null. */
export function countryCode(text: string | null): string | null {
  if (!text) return null;
  const t = norm(text);
  if (/^[a-z]{2}$/.test(t)) return t === 'uk' ? 'GB' : t.toUpperCase();
  return COUNTRIES[t] ?? null;
}

const intOf = (s: string | null): number | null => {
  const m = /\d+/.exec(s ?? '');
  return m ? Number(m[0]) : null;
};

/** SKU anchors: elements whose whole text is a SKU label, or the innermost inline "SKU: X" elements. */
function skuAnchors(scope: Element): Element[] {
  const inline = [...scope.querySelectorAll(INLINE)].filter((el) => {
    if (el.children.length > 2 || el.querySelector('p, div, li')) return false;
    const m = /^([^:：]{1,40})[:：]\s*\S/.exec(clean(el.textContent));
    return !!m && LABELS.sku.includes(norm(m[1])) && !inOverlay(el);
  });
  return [...findLabels(scope, LABELS.sku), ...inline.filter((el) => !inline.some((o) => o !== el && el.contains(o)))];
}

/** Rows of an item table whose header has a SKU column (each row one returned item). */
function tableRows(section: Element): Element[] {
  for (const table of section.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll('thead th, tr:first-child th')].map((th) => norm(th.textContent));
    if (!heads.some((h) => LABELS.sku.includes(h))) continue;
    return [...table.querySelectorAll('tbody tr, tr')].filter((tr) => tr.querySelector('td'));
  }
  return [];
}

/** The cell of a table row under the column headed by one of `names`. */
function cellText(row: Element, names: readonly string[]): string | null {
  const heads = [...(row.closest('table')?.querySelectorAll('thead th, tr:first-child th') ?? [])];
  const i = heads.findIndex((th) => names.includes(norm(th.textContent)));
  return i >= 0 ? clean(row.children[i]?.textContent) || null : null;
}

/**
 * Item cards inside the Return Credits section: the table rows of an item table, else the largest
 * ancestor of each SKU anchor holding only that SKU. Purchased (exchange) items are never returned
 * items, even when their heading shares the container.
 */
export function findItemCards(section: Element): Element[] {
  const rows = tableRows(section);
  const anchors = rows.length ? [] : skuAnchors(section);
  const cards: Element[] = [...rows];
  for (const label of anchors) {
    let card: Element = label;
    while (card.parentElement && card.parentElement !== section) {
      if (skuAnchors(card.parentElement).length > 1) break;
      card = card.parentElement;
    }
    if (!cards.includes(card)) cards.push(card);
  }
  const purchasedHeads = [...section.querySelectorAll(HEADING_SELECTORS.join(','))].filter((h) =>
    (SECTION_HEADINGS.purchased as readonly string[]).includes(norm(h.textContent)),
  );
  return cards.filter(
    (c) => !purchasedHeads.some((h) => h.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
}

function first(scope: Element, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const hit = scope.querySelector(s);
    if (hit && clean(hit.textContent)) return hit;
  }
  return null;
}

function stripQuotes(s: string): string {
  return s.replace(/^["“”„'‘’]+|["“”'‘’]+$/g, '').trim();
}

function photosOf(card: Element): string[] {
  const thumbs = new Set(ITEM_SELECTORS.thumbnail.flatMap((s) => [...card.querySelectorAll(s)]));
  const label = findLabels(card, LABELS.photos, true)[0];
  const scope = label?.parentElement ?? card;
  return [...scope.querySelectorAll('img')]
    .filter((img) => !thumbs.has(img) && !inOverlay(img))
    .map((img) => img.getAttribute('src') ?? '')
    .filter((src) => src.length > 0);
}

function parseReason(text: string | null): LoopItem['reason'] {
  if (!text) return null;
  const [parent, ...rest] = text.split(/\s*[>›»]\s*/);
  return { text, parent: parent ?? text, child: rest.length ? rest.join(' > ') : null };
}

/** Item fields read without a label (low certainty), named for the panel. */
let uncertain: string[] = [];

function readItem(card: Element, n: number, missing: string[]): LoopItem {
  const row = card.tagName === 'TR';
  const field = (name: LabelName) => (row ? cellText(card, LABELS[name]) : labelledText(card, name));
  const titleEl = first(card, ITEM_SELECTORS.title);
  let title = clean(titleEl?.textContent) || (row ? clean(card.children[0]?.textContent) : '') || null;
  let variant = field('variant') ?? clean(first(card, ITEM_SELECTORS.variant)?.textContent) ?? null;
  if (!variant && title) {
    // Variant A shows "Classic Tee — Black / M" on one line, as Loop's line-item title does.
    const parts = title.split(/\s+[—–-]\s+/);
    if (parts.length > 1) {
      title = parts[0] ?? title;
      variant = parts.slice(1).join(' — ');
    }
  }
  let money = parseMoney(field('price'));
  if (!money) {
    // No price label: a line that is only an amount ("$25.00") is taken as the price, marked uncertain.
    const lone = [...card.querySelectorAll('p, span, div')].find(
      (e) => !e.children.length && /^(?:[$€£¥] ?\d[\d.,]*|\d[\d.,]* ?(?:[$€£¥]|[A-Z]{3}))$/.test(clean(e.textContent)),
    );
    money = parseMoney(lone?.textContent ?? null);
    if (money) uncertain.push(`${APP_LABEL}: price of returned item ${n} read from an unlabelled amount`);
  }
  const sku = field('sku');
  const reasonText = field('reason');
  const comment = field('comment');
  if (!title) missing.push(missingPart(APP_LABEL, `title of returned item ${n}`, PAGE_LABEL));
  if (!sku) missing.push(missingPart(APP_LABEL, `SKU of returned item ${n}`, PAGE_LABEL));
  if (!money) missing.push(missingPart(APP_LABEL, `price of returned item ${n}`, PAGE_LABEL));
  if (!reasonText) missing.push(missingPart(APP_LABEL, `return reason of item ${n}`, PAGE_LABEL));
  return {
    sku,
    title,
    variant: variant || null,
    price: money?.amount ?? null,
    currency: money?.currency ?? null,
    quantity: intOf(field('quantity')),
    category: field('category'),
    final_sale: [...card.querySelectorAll('*')].some(
      (e) => e.children.length === 0 && WORDS.finalSale.includes(norm(e.textContent)),
    ),
    reason: parseReason(reasonText),
    comment: comment ? stripQuotes(comment) : null,
    photos: photosOf(card),
  };
}

function headerText(doc: ParentNode, selectors: readonly string[]): string[] {
  return selectors.flatMap((s) => [...doc.querySelectorAll(s)].map((e) => clean(e.textContent))).filter(Boolean);
}

/** A drawer opened over the returns list shows the return: read only inside it (the list behind has SKUs too). */
function drawerOf(doc: Document): Element | null {
  return doc.querySelector(
    '[role="dialog"][aria-modal="true"], [role="dialog"]:not([aria-hidden="true"]), [class*="drawer" i][aria-hidden="false"]',
  );
}

function readReturn(doc: Document, returnId: string, missing: string[]): LoopReturnData {
  const body = drawerOf(doc) ?? doc.body ?? doc.documentElement;
  pageLang = doc.documentElement.getAttribute('lang') || 'en-US';
  const credits = findSection(body, 'returnCredits');
  const order = findSection(body, 'order');
  const customer = findSection(body, 'customer');
  const details = findSection(body, 'details');

  const items: LoopItem[] = [];
  if (!credits) missing.push(missingPart(APP_LABEL, 'Return Credits section (returned items)', PAGE_LABEL));
  else {
    const cards = findItemCards(credits);
    if (cards.length === 0) missing.push(missingPart(APP_LABEL, 'returned items', PAGE_LABEL));
    cards.forEach((card, i) => {
      items.push(readItem(card, i + 1, missing));
    });
  }

  const orderText = labelledText(order, 'orderNumber') ?? labelledText(body, 'orderNumber');
  const orderNumber = /#\s?\d{3,}/.exec(orderText ?? '')?.[0]?.replace(/\s/g, '') ?? null;
  if (!orderNumber) missing.push(missingPart(APP_LABEL, 'order number', PAGE_LABEL));

  const delivered = dateOf(
    labelled(order, 'delivered') ?? labelled(body, 'delivered'),
    inlineLabelled(order ?? body, LABELS.delivered),
  );
  if (!delivered) missing.push(missingPart(APP_LABEL, 'delivery date', PAGE_LABEL));

  const email =
    /[^\s@]+@[^\s@]+\.[^\s@]+/.exec(labelledText(customer, 'email') ?? labelledText(body, 'email') ?? '')?.[0] ?? null;
  if (!email) missing.push(missingPart(APP_LABEL, 'customer email', PAGE_LABEL));

  const comments = [...new Set(items.map((i) => i.comment).filter((c): c is string => !!c))];
  if (items.length > 0 && comments.length === 0) missing.push(missingPart(APP_LABEL, 'customer comment', PAGE_LABEL));

  const outcomeText = labelledText(details, 'outcome') ?? headerText(body, HEADER_SELECTORS.outcomeTags).join(' ');
  const requested = OUTCOME_WORDS.find(([re]) => re.test(outcomeText))?.[1] ?? null;
  if (!requested) missing.push(missingPart(APP_LABEL, 'requested outcome', PAGE_LABEL));

  const statusText =
    labelledText(details, 'status') ??
    headerText(body, HEADER_SELECTORS.status).find((t) => (STATUS_WORDS as readonly string[]).includes(norm(t))) ??
    null;
  if (!statusText) missing.push(missingPart(APP_LABEL, 'return status', PAGE_LABEL));

  return {
    return_id: returnId,
    order_number: orderNumber,
    created_at: dateOf(labelled(details, 'created'), inlineLabelled(details, LABELS.created)),
    order_created_at: dateOf(labelled(order, 'orderCreated'), inlineLabelled(order, LABELS.orderCreated)),
    delivered_at: delivered,
    customer: {
      email,
      name: labelledText(customer, 'name'),
      country: countryCode(labelledText(customer, 'country')),
      orders_count: intOf(labelledText(customer, 'ordersCount')),
      returns_count: intOf(labelledText(customer, 'returnsCount')),
    },
    items,
    selected_reason: items.find((i) => i.reason)?.reason?.text ?? null,
    comment: comments.length ? comments.join('\n\n') : null,
    photos: items.flatMap((i) => i.photos),
    requested_outcome: requested,
    return_method: labelledText(details, 'method'),
    status: statusText,
  };
}

/** Reads a Loop admin page into a snapshot; on a return page `data` is `LoopReturnData`. Never throws on a malformed page. */
export function extract(doc: Document, url: URL, now: Date = clock.now()): SnapshotEnvelope {
  const page = pageKind(url);
  const base = {
    app: 'loop' as const,
    page,
    url: url.href,
    title: clean(doc.title).slice(0, 500),
    capturedAt: now.toISOString(),
  };
  if (page !== 'return') return { ...base, entityId: null, recognised: false, missing: [], data: null };
  const missing: string[] = [];
  let returnId = returnIdFromUrl(url);
  if (!returnId) {
    const heading = headerText(doc, RETURN_TITLE.selectors).join(' ');
    returnId = RETURN_TITLE.pattern.exec(heading)?.[1] ?? null;
  }
  if (!returnId) {
    missing.push(missingPart(APP_LABEL, 'return id', PAGE_LABEL));
    return { ...base, entityId: null, recognised: false, missing, data: null };
  }
  try {
    // Validated in the background (lib/sites/data-schemas.ts): no zod in the content script.
    uncertain = [];
    const data = readReturn(doc, returnId, missing);
    return {
      ...base,
      entityId: returnId,
      recognised: data.items.length > 0,
      missing: missing.slice(0, 50),
      data,
      ...(uncertain.length ? { uncertain: uncertain.slice(0, 50) } : {}),
    };
  } catch (error) {
    missing.push(
      `${APP_LABEL}: this return page could not be read (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`,
    );
    return { ...base, entityId: returnId, recognised: false, missing: missing.slice(0, 50), data: null };
  }
}
