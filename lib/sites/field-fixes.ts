import { z } from 'zod';
import { type CheckedSnapshot, checkPageData } from './data-schemas';
import { parseLocaleDate, parseMoney } from './locale';
import { MONTHS } from './locale-months';

/**
 * Fields the user can fill in by hand when the page did not show them (issue 13, item 5): which
 * missing-field messages each one answers, what kind of value it takes (checked before it is kept,
 * with an error in plain words), and how a typed value is laid into the page's data. The
 * background applies the fixes in one place (`withFieldFixes`, called where the tab's snapshot
 * becomes an engine's case: triage, return decision, listing check); the panel lists the same
 * fields next to what was missing and marks the values "from you".
 */
export type FixKind = 'text' | 'email' | 'money' | 'date' | 'count' | 'list' | 'channel' | 'outcome';

export interface FixableField {
  app: 'gorgias' | 'loop' | 'shopify' | 'amazon';
  page: string;
  field: string;
  /** What the panel calls it. */
  label: string;
  /** The adapter's missing-field messages this value answers. */
  answers: RegExp;
  kind: FixKind;
}

const f = (
  app: FixableField['app'],
  page: string,
  field: string,
  label: string,
  kind: FixKind,
  answers: RegExp,
): FixableField => ({ app, page, field, label, kind, answers });

// Each `answers` is an adapter's own `missing` message (lib/sites/<app>/extract.ts).
export const FIXABLE_FIELDS: readonly FixableField[] = [
  f('gorgias', 'ticket', 'orderNumber', 'Order number', 'text', /order widget|order number/i),
  f('gorgias', 'ticket', 'customerEmail', 'Customer e-mail', 'email', /customer email/i),
  f('gorgias', 'ticket', 'channel', 'Channel', 'channel', /: channel not found/i),
  f('gorgias', 'ticket', 'subject', 'Subject', 'text', /: subject not found/i),
  f('gorgias', 'ticket', 'customerName', 'Customer name', 'text', /: customer name not found/i),
  f('loop', 'return', 'orderNumber', 'Order number', 'text', /: order number not found/i),
  f('loop', 'return', 'reason', 'Return reason', 'text', /return reason/i),
  f('loop', 'return', 'comment', 'Customer comment', 'text', /customer comment/i),
  f('loop', 'return', 'customerEmail', 'Customer e-mail', 'email', /customer email/i),
  f('loop', 'return', 'itemPrice', 'Item price', 'money', /: price of returned item \d+/i),
  f('loop', 'return', 'itemSku', 'Item SKU', 'text', /: SKU of returned item \d+/i),
  f('loop', 'return', 'itemTitle', 'Product', 'text', /: title of returned item \d+/i),
  f('loop', 'return', 'deliveredAt', 'Delivery date', 'date', /: delivery date not found/i),
  // The return window runs from delivery, else from the order date: either one settles it.
  f('loop', 'return', 'orderDate', 'Order date', 'date', /: delivery date not found/i),
  f('loop', 'return', 'requestedOutcome', 'Requested outcome', 'outcome', /: requested outcome not found/i),
  f('shopify', 'product', 'title', 'Product title', 'text', /: product title not found/i),
  f('shopify', 'product', 'vendor', 'Vendor', 'text', /: vendor field not found/i),
  f('shopify', 'product', 'tags', 'Tags (comma-separated)', 'list', /: tags field not found/i),
  f('amazon', 'listing-edit', 'title', 'Item name', 'text', /: item name field not found/i),
  f('amazon', 'listing-edit', 'brand', 'Brand', 'text', /: brand field not found/i),
  f('amazon', 'listing-edit', 'description', 'Description', 'text', /: description field not found/i),
  f('amazon', 'listing-edit', 'price', 'Your price', 'money', /: price field not found/i),
  f('amazon', 'listing-edit', 'quantity', 'Quantity', 'count', /: quantity field not found/i),
];

const EMAIL = /^[^\s@<>()"',;]{1,64}@[^\s@<>()"',;]+\.[A-Za-z]{2,}$/;
const CHANNELS: Array<[RegExp, string]> = [
  [/^e-?mail$/i, 'email'],
  [/^(live )?chat$/i, 'chat'],
  [/^(sms|text( message)?)$/i, 'sms'],
  [/^(phone|call|voice)$/i, 'phone'],
  [/^instagram( dm| direct( message)?)?$/i, 'instagram-direct-message'],
  [/^(facebook|fb)( messenger)?$/i, 'facebook-messenger'],
  [/^whats ?app$/i, 'whatsapp'],
  [/^(twitter|x)$/i, 'twitter'],
  [/^contact form$/i, 'contact-form'],
  [/^help ?cent(er|re)$/i, 'help-center'],
];
const OUTCOME_WORDS: Array<[RegExp, string]> = [
  [/^refund$/i, 'refund'],
  [/^exchange$/i, 'exchange'],
  [/^(store credit|gift card|credit)$/i, 'store_credit'],
];

export type FixCheck = { ok: true; value: string } | { ok: false; error: string };

/**
 * Checks a value typed for a field of `kind` and answers it in the form that is kept (a date as
 * `YYYY-MM-DD`, an amount as a plain number, a channel or outcome by its id), or why it is refused.
 */
export function checkFixValue(kind: FixKind, raw: string): FixCheck {
  const v = raw.replace(/\s+/g, ' ').trim();
  if (!v) return { ok: false, error: 'Type a value first.' };
  if (v.length > 2000) return { ok: false, error: 'That is too long (2,000 characters at most).' };
  switch (kind) {
    case 'email':
      return EMAIL.test(v)
        ? { ok: true, value: v }
        : { ok: false, error: 'Type an e-mail address, like name@example.com.' };
    case 'money': {
      // One amount, with whatever words around it ("Price: $68.00" as pointed at on the page).
      const m = (v.match(/\d[\d.,\s]*/g) ?? []).length === 1 ? parseMoney(v) : null;
      return m && m.amount >= 0 && m.amount < 10_000_000
        ? { ok: true, value: String(m.amount) }
        : { ok: false, error: 'Type an amount, like 68.00 or 27,90 €.' };
    }
    case 'date': {
      const d = parseLocaleDate(v, 'en-US', MONTHS);
      return d && /^\d{4}/.test(d.day) && d.day >= '2000-01-01' && d.day <= '2100-12-31'
        ? { ok: true, value: d.day }
        : { ok: false, error: 'Type a date, like 2026-11-03 or 3 Nov 2026.' };
    }
    case 'count': {
      const digits = (v.match(/\d[\d.,\s]*/g) ?? []).map((x) => x.trim());
      const one = digits.length === 1 ? (digits[0] ?? '') : '';
      // "1.200", "1,200" and "1 200" are thousands here: a count has no decimals.
      const n = /^\d{1,3}(?:[.,\s]\d{3})+$/.test(one)
        ? Number(one.replace(/[.,\s]/g, ''))
        : /^\d+$/.test(one)
          ? Number(one)
          : undefined;
      return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 10_000_000
        ? { ok: true, value: String(n) }
        : { ok: false, error: 'Type a whole number, like 12.' };
    }
    case 'list': {
      const items = v
        .split(/[,;、]/)
        .map((t) => t.trim())
        .filter(Boolean);
      return items.length
        ? { ok: true, value: items.slice(0, 250).join(', ') }
        : { ok: false, error: 'Type one or more values, separated by commas.' };
    }
    case 'channel': {
      const hit = CHANNELS.find(([re]) => re.test(v))?.[1];
      return hit
        ? { ok: true, value: hit }
        : {
            ok: false,
            error: 'Type one of: e-mail, chat, SMS, phone, Instagram, Facebook, WhatsApp, Twitter, contact form.',
          };
    }
    case 'outcome': {
      const hit = OUTCOME_WORDS.find(([re]) => re.test(v))?.[1];
      return hit ? { ok: true, value: hit } : { ok: false, error: 'Type refund, exchange or store credit.' };
    }
    default:
      return { ok: true, value: v };
  }
}

/** The fixable field of a page, or undefined. */
export function fixableField(app: string, page: string, field: string): FixableField | undefined {
  return FIXABLE_FIELDS.find((x) => x.app === app && x.page === page && x.field === field);
}

export const fieldNameSchema = z.string().regex(/^[a-zA-Z]{1,40}$/);
/** One record's typed values, field → value. */
export const fieldFixesSchema = z.record(fieldNameSchema, z.string().trim().min(1).max(2000));
export type FieldFixes = z.infer<typeof fieldFixesSchema>;

/** The fixable fields a snapshot's missing list names, each with the first message it answers. */
export function fixableMissing(
  snapshot: Pick<CheckedSnapshot, 'app' | 'page' | 'missing'>,
): Array<FixableField & { missing: string }> {
  const out: Array<FixableField & { missing: string }> = [];
  for (const f of FIXABLE_FIELDS) {
    if (f.app !== snapshot.app || f.page !== snapshot.page) continue;
    const missing = snapshot.missing.find((m) => f.answers.test(m));
    if (missing) out.push({ ...f, missing });
  }
  return out;
}

/** The missing-field messages the given filled-in fields answer (the panel marks them "filled in by you"). */
export function answeredMissing(
  snapshot: Pick<CheckedSnapshot, 'app' | 'page' | 'missing'>,
  fields: string[],
): string[] {
  const used = FIXABLE_FIELDS.filter(
    (f) => f.app === snapshot.app && f.page === snapshot.page && fields.includes(f.field),
  );
  // A per-item value (Loop's item price, SKU, title) settles the first item that lacks it only.
  return used.flatMap((f) => {
    const hits = snapshot.missing.filter((m) => f.answers.test(m));
    return f.field.startsWith('item') ? hits.slice(0, 1) : hits;
  });
}

/**
 * The snapshot with the user's values laid in (only where the page left the field empty) and the
 * missing messages they answer removed. The page's own reading always wins over a typed value.
 */
export function withFieldFixes(snapshot: CheckedSnapshot, fixes: FieldFixes | null): CheckedSnapshot {
  if (!fixes || !snapshot.recognised || Object.keys(fixes).length === 0) return snapshot;
  const data = structuredClone(snapshot.data) as Record<string, unknown>;
  if (!data || typeof data !== 'object') return snapshot;
  const answered = new Set<string>();
  for (const fx of FIXABLE_FIELDS) {
    const raw = fixes[fx.field];
    if (fx.app !== snapshot.app || fx.page !== snapshot.page || !raw) continue;
    // A pointed-at place may hold anything: only a value of the field's kind is used.
    const checked = checkFixValue(fx.kind, raw);
    if (!checked.ok) continue;
    const misses = snapshot.missing.filter((m) => fx.answers.test(m));
    const laid = lay(snapshot.app, fx.field, checked.value, data, misses);
    if (laid) for (const m of laid) answered.add(m);
  }
  if (!answered.size) return snapshot;
  // Checked again like a published snapshot (fills the order's defaults, holds typed values to the
  // page schema's limits); a value the schema refuses leaves the page's reading as it was.
  const fixed = checkPageData({ ...snapshot, data, missing: snapshot.missing.filter((m) => !answered.has(m)) });
  return fixed.recognised ? fixed : snapshot;
}

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});

/**
 * Lays one checked value into the page's data where the page left it empty; answers the missing
 * messages it settles (null when nothing was laid). A per-item Loop value goes to the item the
 * first message names, and settles only that message.
 */
function lay(app: string, field: string, value: string, data: Data, misses: string[]): string[] | null {
  const all = misses;
  const setIfEmpty = (target: Data, key: string, v: unknown) => {
    if (target[key] !== undefined && target[key] !== null && target[key] !== '') return false;
    target[key] = v;
    return true;
  };
  if (app === 'gorgias') {
    const customer = obj(data.customer);
    if (field === 'customerEmail' || field === 'customerName') {
      const ok = setIfEmpty(customer, field === 'customerEmail' ? 'email' : 'name', value.slice(0, 200));
      data.customer = customer;
      return ok ? all : null;
    }
    if (field === 'orderNumber') {
      const orders = Array.isArray(data.orders) ? data.orders : [];
      if (orders.length) return null;
      data.orders = [{ number: value.slice(0, 40) }];
      return all;
    }
    if (field === 'channel') {
      if (data.channel && data.channel !== 'unknown') return null;
      data.channel = value;
      return all;
    }
    if (field === 'subject') return setIfEmpty(data, 'subject', value.slice(0, 1000)) ? all : null;
    return null;
  }
  if (app === 'loop') {
    if (field === 'customerEmail') {
      const customer = obj(data.customer);
      data.customer = customer;
      return setIfEmpty(customer, 'email', value.slice(0, 320)) ? all : null;
    }
    const top: Record<string, [string, (v: string) => unknown]> = {
      orderNumber: ['order_number', (v) => v.slice(0, 100)],
      reason: ['selected_reason', (v) => v.slice(0, 300)],
      comment: ['comment', (v) => v.slice(0, 2000)],
      deliveredAt: ['delivered_at', (v) => v],
      orderDate: ['order_created_at', (v) => v],
      requestedOutcome: ['requested_outcome', (v) => v],
    };
    const t = top[field];
    if (t) return setIfEmpty(data, t[0], t[1](value)) ? all : null;
    const itemKey = { itemPrice: 'price', itemSku: 'sku', itemTitle: 'title' }[field];
    if (!itemKey || !Array.isArray(data.items)) return null;
    const named = Number(/item (\d+)/.exec(all[0] ?? '')?.[1] ?? 1);
    const item = obj(data.items[named - 1]);
    if (!data.items[named - 1]) return null;
    const v = itemKey === 'price' ? Number(value) : value.slice(0, itemKey === 'sku' ? 200 : 500);
    return setIfEmpty(item, itemKey, v) ? all.slice(0, 1) : null;
  }
  if (app === 'shopify') {
    const product = obj(data.product);
    if (field === 'tags') {
      const tags = Array.isArray(product.tags) ? product.tags : [];
      if (tags.length) return null;
      product.tags = value.split(', ').map((x) => x.slice(0, 1000));
      return all;
    }
    return field === 'title' || field === 'vendor'
      ? setIfEmpty(product, field, value.slice(0, 500))
        ? all
        : null
      : null;
  }
  if (app === 'amazon') {
    const listing = obj(data.listing);
    if (field === 'price') return setIfEmpty(listing, 'price', Number(value)) ? all : null;
    if (field === 'quantity') {
      if (data.quantity !== null && data.quantity !== undefined) return null;
      data.quantity = Number(value);
      data.quantityText = value;
      return all;
    }
    if (field === 'title' || field === 'brand' || field === 'description')
      return setIfEmpty(listing, field, value.slice(0, 2000)) ? all : null;
  }
  return null;
}
