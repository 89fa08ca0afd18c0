/**
 * Functions the background injects into a host page on demand (`browser.scripting.executeScript`,
 * entrypoints/background/picker.ts); they are not part of any content script. Each is serialised
 * on its own, so it must be self-contained: no imports, no outer helpers.
 */

export interface PickedElement {
  /** A CSS selector that finds the element again: its id, a stable attribute, or a short path. */
  locator: string;
  /** The element's text, trimmed (at most 2,000 characters). */
  text: string;
}

/**
 * Lets the user click the element that shows `label` on the page: outlines what the pointer is
 * over, takes the click (the page never sees it), and answers its locator and text; Escape or the
 * banner's Cancel answers null. Counterpart's own dock is never picked.
 */
export function pickOnPage(label: string): Promise<PickedElement | null> {
  const HOST = 'counterpart-dock';
  const stableId = (v: string) => /^[A-Za-z][\w-]{0,60}$/.test(v) && !/\d{3,}|[a-f0-9]{8,}/i.test(v);
  const esc = (v: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(v) : v.replace(/[^\w-]/g, '\\$&'));
  const unique = (doc: Document, sel: string, el: Element) => {
    try {
      const all = doc.querySelectorAll(sel);
      return all.length === 1 && all[0] === el;
    } catch {
      return false;
    }
  };
  const ATTRS = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'data-field', 'aria-label', 'name', 'itemprop'];
  const own = (el: Element): string | null => {
    const doc = el.ownerDocument;
    if (el.id && stableId(el.id) && unique(doc, `#${esc(el.id)}`, el)) return `#${esc(el.id)}`;
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (!v || v.length > 80 || /\d{4,}/.test(v)) continue;
      const sel = `${el.localName}[${a}="${v.replace(/["\\]/g, '\\$&')}"]`;
      if (unique(doc, sel, el)) return sel;
    }
    return null;
  };
  const locatorFor = (el: Element): string => {
    const direct = own(el);
    if (direct) return direct;
    const steps: string[] = [];
    let node: Element | null = el;
    while (node && node.localName !== 'html' && steps.length < 6) {
      const anchor = node === el ? null : own(node);
      if (anchor) {
        steps.unshift(anchor);
        break;
      }
      const parent: Element | null = node.parentElement;
      const same = parent ? [...parent.children].filter((c) => c.localName === node?.localName) : [];
      steps.unshift(same.length > 1 ? `${node.localName}:nth-of-type(${same.indexOf(node) + 1})` : node.localName);
      node = parent;
    }
    return steps.join(' > ');
  };

  return new Promise((resolve) => {
    const doc = document;
    const box = doc.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText =
      'position:fixed;pointer-events:none;z-index:2147483646;border:2px solid #4f46e5;background:rgba(79,70,229,.12);border-radius:3px;display:none';
    const bar = doc.createElement('div');
    bar.setAttribute('role', 'status');
    bar.style.cssText =
      'position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:2147483647;background:#111827;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:8px 12px;border-radius:6px;display:flex;gap:10px;align-items:center';
    const words = doc.createElement('span');
    words.textContent = `Click the ${label.toLowerCase()} on the page. Esc cancels.`;
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.style.cssText = 'font:inherit;padding:2px 8px;border-radius:4px;border:0;cursor:pointer';
    bar.append(words, cancel);
    doc.documentElement.append(box, bar);

    const ours = (t: EventTarget | null) =>
      !(t instanceof Element) || t === bar || bar.contains(t) || t.closest(HOST) !== null;
    const finish = (value: PickedElement | null) => {
      doc.removeEventListener('mousemove', move, true);
      doc.removeEventListener('click', click, true);
      doc.removeEventListener('keydown', key, true);
      box.remove();
      bar.remove();
      resolve(value);
    };
    const move = (e: MouseEvent) => {
      if (ours(e.target)) {
        box.style.display = 'none';
        return;
      }
      const r = (e.target as Element).getBoundingClientRect();
      box.style.cssText += `;display:block;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    };
    const click = (e: MouseEvent) => {
      if (e.target === cancel) return finish(null);
      if (ours(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      const el = e.target as Element;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000);
      finish({ locator: locatorFor(el), text });
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') finish(null);
    };
    doc.addEventListener('mousemove', move, true);
    doc.addEventListener('click', click, true);
    doc.addEventListener('keydown', key, true);
    // Keys go to the page, not the panel's frame, so Escape cancels (and Enter on Cancel does).
    cancel.focus();
  });
}

/** The trimmed text of the element `locator` finds (first match), or null when there is none. */
export function readLocated(locator: string): string | null {
  try {
    const el = document.querySelector(locator);
    const text = el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return text ? text.slice(0, 2000) : null;
  } catch {
    return null;
  }
}
