import type { Severity } from '../../listings/types';
import { composedElements, hostValue, innerControl, openShadowRoot, type ShadowRootOf } from './dom';
import { readFields } from './extract';

/** Checker field path (`title`, `bullets[2]`…) → Seller Central attribute and index. */
const FIELD_MAP: Record<string, string[]> = {
  title: ['item_name'],
  brand: ['brand'],
  description: ['product_description', 'rtip_product_description'],
  search_terms: ['generic_keyword'],
  list_price: ['list_price'],
  highlights: ['title_differentiation', 'item_highlights'],
  gtin: ['externally_assigned_product_identifier', 'external_product_id'],
  item_type_keyword: ['item_type_keyword'],
  bullets: ['bullet_point'],
};
const OUR_PRICE = /^purchasable_offer-\d+-our_price-\d+-schedule-\d+-value_with_tax$/;

/** The field host for a checker path or an attribute name; handles new (`item_name-0-value`) and old (`item_name`) naming. */
export function findFieldHost(doc: Document, field: string, shadowOf: ShadowRootOf = openShadowRoot): Element | null {
  const fields = readFields(doc, shadowOf);
  const exact = fields.find((f) => f.name === field);
  if (exact) return exact.host;
  if (field === 'price') return fields.find((f) => OUR_PRICE.test(f.name))?.host ?? null;
  const m = field.match(/^([a-z_]+?)(?:\[(\d+)\]|-(\d+))?(?:-value)?$/);
  if (!m) return null;
  const base = m[1] ?? '';
  const index = Number(m[2] ?? m[3] ?? 0);
  for (const attr of FIELD_MAP[base] ?? [base]) {
    const byName = fields.find((f) => f.name === `${attr}-${index}-value`);
    if (byName) return byName.host;
    const old = fields.filter((f) => f.name === attr);
    if (old[index]) return old[index].host;
  }
  return null;
}

export interface FillResult {
  done: boolean;
  method: string;
  message: string;
  value?: string;
}

/**
 * Puts `value` into a listing-editor field so the page's form sees it: the inner shadow control is
 * set through the native value setter (a plain assignment is ignored by framework-controlled
 * inputs), composed `input` and `change` events are dispatched, and the host's value attribute and
 * property are set too. Never submits.
 *
 * The check reads the field back only after the page has had its turn (its event handlers, a task
 * and a frame): a form that rejects the value and puts the old one back has done so by then, so a
 * reverted value is reported as not kept instead of being read straight back from the input just set.
 */
export async function fillField(
  doc: Document,
  field: string,
  value: string,
  opts: { shadowRootOf?: ShadowRootOf } = {},
): Promise<FillResult> {
  const shadowOf = opts.shadowRootOf ?? openShadowRoot;
  const host = findFieldHost(doc, field, shadowOf);
  if (!host)
    return { done: false, method: 'not-found', message: `Seller Central: field ${field} not found on listing editor` };
  const control = innerControl(host, shadowOf);
  if (!control)
    return {
      done: false,
      method: 'no-control',
      message: `Seller Central: ${field} has no reachable input (closed shadow root?)`,
    };
  const win = doc.defaultView;
  const proto =
    control.tagName === 'TEXTAREA'
      ? win?.HTMLTextAreaElement.prototype
      : control.tagName === 'SELECT'
        ? win?.HTMLSelectElement.prototype
        : win?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (!setter) return { done: false, method: 'no-setter', message: `Seller Central: cannot set ${field}` };
  (control as HTMLElement).focus?.();
  setter.call(control, value);
  const EventCtor = win?.Event ?? Event;
  for (const type of ['input', 'change']) {
    // Composed events cross the shadow boundary to the host in browsers; where they do not arrive
    // (a DOM without composed propagation), the host gets its own event so page listeners still hear it.
    let reachedHost = control === host;
    const seen = () => {
      reachedHost = true;
    };
    host.addEventListener(type, seen);
    control.dispatchEvent(new EventCtor(type, { bubbles: true, composed: true }));
    host.removeEventListener(type, seen);
    if (!reachedHost) host.dispatchEvent(new EventCtor(type, { bubbles: true, composed: true }));
  }
  if (control !== host) {
    host.setAttribute('value', value);
    // Only reaches the component's accessor when run in the page's world; harmless otherwise.
    Reflect.set(host, 'value', value);
  }
  (control as HTMLElement).blur?.();
  await afterPageReacts(win);
  const readBack = hostValue(host, shadowOf);
  return readBack === value
    ? { done: true, method: 'native-setter', message: `Filled ${host.getAttribute('name') ?? field}`, value: readBack }
    : {
        done: false,
        method: 'native-setter',
        message: `Seller Central: ${field} did not keep the value`,
        value: readBack,
      };
}

/** How long a hidden or throttled tab may hold back the frame the check waits for. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the page has reacted to what was just dispatched: after a task (its microtasks and
 * timers of 0 ms have run) and the next animation frame, or a short wait where frames do not come.
 */
export function afterPageReacts(win: (Window & typeof globalThis) | null): Promise<void> {
  // Resolving twice is harmless: whichever of the frame and the short wait comes first ends it.
  return new Promise((resolve) =>
    setTimeout(() => {
      win?.requestAnimationFrame?.(() => resolve());
      setTimeout(resolve, FRAME_WAIT_MS);
    }, 0),
  );
}

export interface MarkInput {
  field: string;
  severity: Severity | string;
  /** Finding message (or a prepared note). */
  message?: string;
  note?: string;
  rule?: string;
}

const MARK_ATTR = 'data-counterpart-mark';
const NOTE_ATTR = 'data-counterpart-note';
const PREV_OUTLINE = 'data-counterpart-prev-outline';

/**
 * Outlines every field host that has findings and puts a small note right after it (text only,
 * built with textContent). Findings without a field on this page are returned in `notFound`.
 */
export function markViolations(
  doc: Document,
  findings: readonly MarkInput[],
  opts: { shadowRootOf?: ShadowRootOf } = {},
): { marked: number; notFound: string[] } {
  clearViolationMarks(doc, opts);
  const byHost = new Map<Element, MarkInput[]>();
  const notFound: string[] = [];
  for (const f of findings) {
    const host = findFieldHost(doc, f.field, opts.shadowRootOf);
    if (!host) {
      notFound.push(f.field);
      continue;
    }
    byHost.set(host, [...(byHost.get(host) ?? []), f]);
  }
  for (const [host, fs] of byHost) {
    const serious = fs.some((f) => f.severity === 'blocks_submission' || f.severity === 'suppresses_listing');
    const color = serious ? '#cc0c39' : '#c45500';
    const el = host as HTMLElement;
    el.setAttribute(PREV_OUTLINE, el.style.outline);
    el.setAttribute(MARK_ATTR, serious ? 'error' : 'warning');
    el.style.outline = `2px solid ${color}`;
    el.style.outlineOffset = '2px';
    const note = doc.createElement('div');
    note.setAttribute(NOTE_ATTR, host.getAttribute('name') ?? '');
    note.setAttribute('role', 'note');
    note.style.cssText = `margin:-8px 0 12px;padding:4px 8px;border-left:3px solid ${color};background:#fff8f5;color:#0f1111;font:12px/1.4 Arial,sans-serif;white-space:pre-line`;
    note.textContent = fs
      .map((f) => `Counterpart · ${f.rule ? `${f.rule}: ` : ''}${f.note ?? f.message ?? ''}`)
      .join('\n');
    host.insertAdjacentElement('afterend', note);
  }
  return { marked: byHost.size, notFound };
}

const FOCUS_ATTR = 'data-counterpart-focus';

/**
 * Brings one field into view and gives it a thicker outline (the panel's violation card was
 * clicked); the previous focus goes back to its violation outline. Never changes the value.
 */
export function focusField(doc: Document, field: string, opts: { shadowRootOf?: ShadowRootOf } = {}): FillResult {
  const host = findFieldHost(doc, field, opts.shadowRootOf);
  if (!host)
    return { done: false, method: 'not-found', message: `Seller Central: field ${field} not found on listing editor` };
  for (const el of [...composedElements(doc, opts.shadowRootOf)].filter((e) => e.hasAttribute(FOCUS_ATTR))) {
    const h = el as HTMLElement;
    h.style.boxShadow = h.getAttribute(FOCUS_ATTR) ?? '';
    h.removeAttribute(FOCUS_ATTR);
  }
  const el = host as HTMLElement;
  el.setAttribute(FOCUS_ATTR, el.style.boxShadow);
  // A ring outside the violation outline, so both show.
  el.style.boxShadow = '0 0 0 5px #007185';
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  return { done: true, method: 'scroll', message: `Showing ${host.getAttribute('name') ?? field}` };
}

/** Removes every outline and note `markViolations` added, restoring the previous outline. */
export function clearViolationMarks(doc: Document, opts: { shadowRootOf?: ShadowRootOf } = {}): number {
  // Hosts can sit inside other components' shadow roots, so marks are looked up in the composed tree.
  const all = [...composedElements(doc, opts.shadowRootOf)];
  const notes = all.filter((el) => el.hasAttribute(NOTE_ATTR));
  for (const n of notes) n.remove();
  for (const el of all.filter((e) => e.hasAttribute(MARK_ATTR))) {
    const h = el as HTMLElement;
    h.style.outline = h.getAttribute(PREV_OUTLINE) ?? '';
    h.style.outlineOffset = '';
    h.removeAttribute(MARK_ATTR);
    h.removeAttribute(PREV_OUTLINE);
  }
  return notes.length;
}
