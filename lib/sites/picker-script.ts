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
 *
 * Without a mouse: Tab / Shift+Tab (or the arrow keys) move the outline between the page's visible
 * texts in reading order, the banner announces the current one (a polite live region), Enter picks
 * it. The keys are taken from the page while pointing.
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
    words.textContent = `Click the ${label.toLowerCase()} on the page, or press Tab to go through its texts and Enter to pick. Esc cancels.`;
    // The current keyboard candidate, read out by screen readers as it changes.
    const current = doc.createElement('span');
    current.setAttribute('aria-live', 'polite');
    current.setAttribute('data-counterpart-picker', 'current');
    current.style.cssText = 'max-width:420px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600';
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.style.cssText = 'font:inherit;padding:2px 8px;border-radius:4px;border:0;cursor:pointer';
    bar.append(words, current, cancel);
    doc.documentElement.append(box, bar);

    const ours = (t: EventTarget | null) =>
      !(t instanceof Element) || t === bar || bar.contains(t) || t.closest(HOST) !== null;
    const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000);
    const outline = (el: Element) => {
      const r = el.getBoundingClientRect();
      box.style.cssText += `;display:block;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    };
    // Keyboard candidates, found when first asked for: visible elements with text of their own, in
    // reading order (at most 3,000; the dock, the banner, scripts and hidden elements left out).
    let candidates: Element[] | null = null;
    let at = -1;
    const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg']);
    const findCandidates = (): Element[] => {
      const out: Element[] = [];
      const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
      for (
        let n = walker.nextNode() as Element | null;
        n && out.length < 3000;
        n = walker.nextNode() as Element | null
      ) {
        if (SKIP.has(n.localName) || ours(n) || n === box) continue;
        const own = [...n.childNodes].some((c) => c.nodeType === 3 && (c.textContent ?? '').trim() !== '');
        if (!own) continue;
        const check = (n as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
        if (n.closest('[hidden], [aria-hidden="true"]')) continue;
        if (typeof check === 'function' && !check.call(n, { visibilityProperty: true, opacityProperty: true }))
          continue;
        out.push(n);
      }
      return out;
    };
    const step = (by: number) => {
      candidates ??= findCandidates();
      if (!candidates.length) {
        current.textContent = 'No text found on this page.';
        return;
      }
      const n = candidates.length;
      at = at < 0 ? (by > 0 ? 0 : n - 1) : (at + by + n) % n;
      const el = candidates[at] as Element;
      el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      outline(el);
      current.textContent = `${at + 1} of ${candidates.length}: “${textOf(el).slice(0, 120)}” — Enter picks it`;
    };
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
      outline(e.target as Element);
    };
    const click = (e: MouseEvent) => {
      if (e.target === cancel) return finish(null);
      if (ours(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      const el = e.target as Element;
      finish({ locator: locatorFor(el), text: textOf(el) });
    };
    const key = (e: KeyboardEvent) => {
      const take = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (e.key === 'Escape') {
        take();
        finish(null);
      } else if (e.key === 'Tab') {
        take();
        step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') {
        take();
        step(1);
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
        take();
        step(-1);
      } else if (e.key === 'Enter' && candidates && at >= 0) {
        take();
        const el = candidates[at] as Element;
        finish({ locator: locatorFor(el), text: textOf(el) });
      }
      // Enter before any candidate is chosen presses the focused Cancel button.
    };
    doc.addEventListener('mousemove', move, true);
    doc.addEventListener('click', click, true);
    doc.addEventListener('keydown', key, true);
    // Keys go to the page, not the panel's frame: Tab moves between texts, Escape cancels (and Enter
    // on Cancel does until a text is chosen).
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
