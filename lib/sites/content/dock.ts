import type { DockState } from '../../settings/dock';

export const DOCK_TAG = 'counterpart-dock';
const MIN_WIDTH = 280;
const MAX_WIDTH = 720;
const PUSH_STYLE_ID = 'counterpart-dock-push';

export interface DockOptions {
  src: string;
  state: DockState;
  appLabel: string;
  onStateChange(state: DockState): void;
  /**
   * Closed unless the end-to-end suite asked for open (see `readDockShadowMode`): Playwright reaches
   * into open shadow roots only.
   */
  shadowMode?: ShadowRootMode;
}

export interface Dock {
  host: HTMLElement;
  setState(state: Partial<DockState>): void;
  /** Opens a collapsed dock or collapses an open one (the keyboard command), and remembers it. */
  toggle(): void;
  /** Replaces the panel by one notice (extension updated mid-session); shown once. */
  showNotice(message: string): void;
  destroy(): void;
}

// Minified by hand-kept rules: this string ships in every content script (budget 30 kB).
const CSS = `:host{all:initial}*{box-sizing:border-box}.dock{position:fixed;top:0;right:0;bottom:0;z-index:2147483000;display:flex;background:#fff;box-shadow:-1px 0 0 #d4d7de,-6px 0 18px rgba(15,23,42,.08);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827}.dock[hidden]{display:none}.rail{position:relative;width:10px;flex:none;cursor:ew-resize;background:#f6f7f9;border-right:1px solid #e5e7eb;outline:none}.rail:hover,.rail:focus-visible,.rail.dragging{background:#e0e7ff}.rail::after{content:"";position:absolute;top:50%;left:3px;width:4px;height:32px;margin-top:-16px;border-left:1px solid #9ca3af;border-right:1px solid #9ca3af}.collapse{position:absolute;top:10px;left:-14px;width:26px;height:26px;border-radius:50%;border:1px solid #c7cbd4;background:#fff;color:#374151;cursor:pointer;font-size:15px;line-height:22px;padding:0;box-shadow:0 1px 3px rgba(0,0,0,.12);z-index:2}.collapse:hover,.collapse:focus-visible{background:#eef2ff;border-color:#6366f1;color:#4338ca;outline:none}iframe{flex:1;width:100%;height:100%;border:0;background:#fff}.shield{position:absolute;inset:0;display:none}.dragging-all .shield{display:block;cursor:ew-resize}.tab{position:fixed;right:0;top:38%;z-index:2147483000;display:flex;align-items:center;gap:6px;writing-mode:vertical-rl;padding:12px 6px;border:1px solid #c7cbd4;border-right:0;border-radius:8px 0 0 8px;background:#4f46e5;color:#fff;font:600 12px/1 system-ui,sans-serif;letter-spacing:.04em;cursor:pointer;box-shadow:-2px 2px 8px rgba(0,0,0,.15)}.tab:hover,.tab:focus-visible{background:#4338ca;outline:2px solid #a5b4fc;outline-offset:1px}.tab[hidden]{display:none}.notice{flex:1;padding:24px 20px;display:flex;flex-direction:column;gap:12px}.notice strong{font-size:14px}.notice button{align-self:flex-start;padding:6px 12px;border-radius:6px;border:1px solid #4f46e5;background:#4f46e5;color:#fff;cursor:pointer;font:inherit}`;

/** Clamps a width to what the dock allows and to the window it lives in. */
export function clampWidth(width: number, viewport: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(viewport * 0.6)));
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/**
 * Docks the panel iframe on the right of the host page, pushing the page's content left by the
 * panel's width so the host's own controls stay reachable; collapsed, it leaves a small tab.
 * Key events inside the dock never reach the host app's shortcuts (Gorgias binds single keys).
 */
export function mountDock(doc: Document, options: DockOptions): Dock {
  const host = doc.createElement(DOCK_TAG);
  // Closed: the page's scripts get no handle on the dock's controls (they could click Collapse, read
  // the frame's URL or restyle it); `host.shadowRoot` is null for them. Screen readers and the
  // browser's own tooling still see it. The panel is a cross-origin extension frame either way.
  const root = host.attachShadow({ mode: options.shadowMode ?? 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;

  const dock = doc.createElement('div');
  dock.className = 'dock';
  dock.setAttribute('role', 'complementary');
  dock.setAttribute('aria-label', 'Counterpart panel');

  const rail = doc.createElement('div');
  rail.className = 'rail';
  rail.tabIndex = 0;
  rail.setAttribute('role', 'separator');
  rail.setAttribute('aria-orientation', 'vertical');
  rail.setAttribute('aria-label', 'Resize Counterpart panel (arrow keys)');
  rail.title = 'Drag to resize';

  const collapse = doc.createElement('button');
  collapse.className = 'collapse';
  collapse.type = 'button';
  collapse.textContent = '›';
  collapse.title = 'Collapse Counterpart';
  collapse.setAttribute('aria-label', 'Collapse Counterpart panel');

  const frame = doc.createElement('iframe');
  frame.src = options.src;
  frame.title = `Counterpart for ${options.appLabel}`;
  frame.setAttribute('allow', 'clipboard-write');

  const shield = doc.createElement('div');
  shield.className = 'shield';

  const tab = doc.createElement('button');
  tab.className = 'tab';
  tab.type = 'button';
  tab.textContent = 'Counterpart';
  tab.title = 'Open Counterpart';
  tab.setAttribute('aria-label', 'Open Counterpart panel');

  // Collapse sits beside the rail, not in it: a focusable separator holding a button is a nested
  // interactive control (axe `nested-interactive`). Positioned against the dock, it lands where it was.
  dock.append(collapse, rail, frame, shield);
  root.append(style, dock, tab);

  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }

  let state = { ...options.state, width: clampWidth(options.state.width, doc.defaultView?.innerWidth ?? 1280) };
  let noticeShown = false;

  const pushStyle = doc.createElement('style');
  pushStyle.id = PUSH_STYLE_ID;

  function render() {
    dock.hidden = state.collapsed;
    tab.hidden = !state.collapsed;
    dock.style.width = `${state.width}px`;
    rail.setAttribute('aria-valuenow', String(state.width));
    pushStyle.textContent = state.collapsed
      ? ''
      : `html { margin-right: ${state.width}px !important; transition: margin-right .12s ease; } @media (prefers-reduced-motion: reduce) { html { transition: none !important; } }`;
  }

  function update(next: Partial<typeof state>, persist = true) {
    state = { ...state, ...next };
    render();
    if (persist) options.onStateChange(state);
  }

  collapse.addEventListener('click', () => {
    update({ collapsed: true });
    tab.focus();
  });
  tab.addEventListener('click', () => {
    update({ collapsed: false });
    collapse.focus();
  });
  rail.addEventListener('keydown', (e) => {
    const viewport = doc.defaultView?.innerWidth ?? 1280;
    if (e.key === 'ArrowLeft') update({ width: clampWidth(state.width + 20, viewport) });
    else if (e.key === 'ArrowRight') update({ width: clampWidth(state.width - 20, viewport) });
    else return;
    e.preventDefault();
  });
  rail.addEventListener('pointerdown', (e) => {
    if (e.target === collapse) return;
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = state.width;
    const viewport = doc.defaultView?.innerWidth ?? 1280;
    rail.classList.add('dragging');
    dock.classList.add('dragging-all');
    const move = (ev: PointerEvent) =>
      update({ width: clampWidth(startWidth + (startX - ev.clientX), viewport) }, false);
    const up = () => {
      doc.removeEventListener('pointermove', move);
      doc.removeEventListener('pointerup', up);
      rail.classList.remove('dragging');
      dock.classList.remove('dragging-all');
      options.onStateChange(state);
    };
    doc.addEventListener('pointermove', move);
    doc.addEventListener('pointerup', up);
  });

  render();
  (doc.head ?? doc.documentElement).append(pushStyle);
  doc.documentElement.append(host);

  return {
    host,
    setState(next) {
      update(next, false);
    },
    toggle() {
      const hadFocus = host.matches(':focus-within');
      update({ collapsed: !state.collapsed });
      if (!state.collapsed) collapse.focus();
      else if (hadFocus) tab.focus();
    },
    showNotice(message) {
      if (noticeShown) return;
      noticeShown = true;
      const notice = doc.createElement('div');
      notice.className = 'notice';
      notice.setAttribute('role', 'alert');
      const title = doc.createElement('strong');
      title.textContent = 'Counterpart needs a page reload';
      const text = doc.createElement('div');
      text.textContent = message;
      const reload = doc.createElement('button');
      reload.type = 'button';
      reload.textContent = 'Reload page';
      reload.addEventListener('click', () => doc.defaultView?.location.reload());
      notice.append(title, text, reload);
      frame.replaceWith(notice);
      update({ collapsed: false }, false);
    },
    destroy() {
      host.remove();
      pushStyle.remove();
    },
  };
}

/**
 * The dock where the panel may not be framed (the legacy `{shop}.myshopify.com/admin`, left out of
 * `web_accessible_resources` because storefronts share its origin): nothing is mounted, the page is
 * still read and published.
 */
export function detachedDock(doc: Document): Dock {
  return { host: doc.createElement(DOCK_TAG), setState() {}, toggle() {}, showNotice() {}, destroy() {} };
}
