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
  /** True for the dock's own nodes (its host and the push style): their changes are not the page's. */
  owns(node: Node): boolean;
  setState(state: Partial<DockState>): void;
  /** Opens a collapsed dock or collapses an open one (the keyboard command), and remembers it. */
  toggle(): void;
  /** Replaces the panel by one notice (extension updated mid-session); shown once. */
  showNotice(message: string): void;
  destroy(): void;
}

// Minified by hand-kept rules: this string ships in every content script (budget 30 kB).
const CSS = `:host{all:initial}*{box-sizing:border-box}[hidden]{display:none!important}.dock{position:fixed;top:0;right:0;bottom:0;z-index:2147483000;display:flex;background:#fff;box-shadow:-1px 0 0 #d4d7de,-6px 0 18px #0f172a14;font:13px/1.4 system-ui;color:#111827}.rail{position:relative;width:10px;flex:none;cursor:ew-resize;background:#f6f7f9;border-right:1px solid #e5e7eb;outline:0}.rail:hover,.rail:focus-visible,.dragging{background:#e0e7ff}.rail::after{content:"";position:absolute;top:50%;left:3px;width:4px;height:32px;margin-top:-16px;border:solid #9ca3af;border-width:0 1px}.collapse{position:absolute;top:10px;left:-14px;width:26px;height:26px;border-radius:50%;border:1px solid #c7cbd4;background:#fff;color:#374151;cursor:pointer;font-size:15px;line-height:22px;padding:0;z-index:2}.collapse:hover,.collapse:focus-visible{background:#eef2ff;border-color:#6366f1;color:#4338ca;outline:0}iframe{flex:1;height:100%;border:0;background:#fff}.shield{position:absolute;inset:0;display:none;cursor:ew-resize}.dragging-all .shield{display:block}.tab{position:fixed;right:0;top:38%;z-index:2147483000;writing-mode:vertical-rl;padding:12px 6px;border:1px solid #c7cbd4;border-right:0;border-radius:8px 0 0 8px;background:#4f46e5;color:#fff;font:600 12px/1 system-ui;cursor:pointer}.tab:hover,.tab:focus-visible{background:#4338ca;outline:2px solid #a5b4fc;outline-offset:1px}.notice{flex:1;padding:24px 20px;display:flex;flex-direction:column;gap:12px}.notice strong{font-size:14px}.notice button{align-self:flex-start;padding:6px 12px;border-radius:6px;border:1px solid #4f46e5;background:#4f46e5;color:#fff;cursor:pointer;font:inherit}`;

/** Clamps a width to what the dock allows and to the window it lives in. */
export function clampWidth(width: number, viewport: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(viewport * 0.6)));
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/**
 * Pushes the host page left by `width` px (0: not at all) with one style element, created on first
 * use. The content script pushes by the default width the moment it starts, before the host's first
 * layout and before the stored dock state has been read; `mountDock` then takes the same element over.
 */
export function pushPage(doc: Document, width: number): HTMLStyleElement {
  const style = (doc.getElementById(PUSH_STYLE_ID) as HTMLStyleElement | null) ?? doc.createElement('style');
  style.id = PUSH_STYLE_ID;
  const css = width ? `html { margin-right: ${width}px !important; }` : '';
  // Written only when it changes: any write replaces the style sheet, and the host page's style is
  // then recomputed, even for the same text.
  if (style.textContent !== css) style.textContent = css;
  if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  return style;
}

/**
 * Docks the panel iframe on the right of the host page, pushing the page's content left by the
 * panel's width so the host's own controls stay reachable; collapsed, it leaves a small tab.
 * The push is not animated: an animated margin lays the whole host page out again on every frame.
 * Mounted at document start (before the host's first layout), the push costs the page no extra layout.
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

  /** One element with its attributes (`class` and the rest), as the dock builds them. */
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text?: string) => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  };
  const dock = el('div', { class: 'dock', role: 'complementary', 'aria-label': 'Counterpart panel' });
  const rail = el('div', {
    class: 'rail',
    tabindex: '0',
    role: 'separator',
    'aria-orientation': 'vertical',
    'aria-label': 'Resize Counterpart panel (arrow keys)',
    title: 'Drag to resize',
  });
  const collapse = el(
    'button',
    { class: 'collapse', type: 'button', title: 'Collapse Counterpart', 'aria-label': 'Collapse Counterpart panel' },
    '›',
  );
  const frame = el('iframe', { title: `Counterpart for ${options.appLabel}`, allow: 'clipboard-write' });
  // The frame is part of the page: loading the panel before the page's own load event would hold
  // that event back (the host's load handlers, its spinner). It loads right after it instead.
  const load = () => {
    frame.src = options.src;
  };
  if (doc.readyState === 'complete') load();
  else doc.defaultView?.addEventListener('load', load, { once: true });
  const shield = el('div', { class: 'shield' });
  const tab = el(
    'button',
    { class: 'tab', type: 'button', title: 'Open Counterpart', 'aria-label': 'Open Counterpart panel' },
    'Counterpart',
  );

  // Collapse sits beside the rail, not in it: a focusable separator holding a button is a nested
  // interactive control (axe `nested-interactive`). Positioned against the dock, it lands where it was.
  dock.append(collapse, rail, frame, shield);
  root.append(style, dock, tab);

  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }

  // Clamped to the window without reading its width now: `innerWidth` would force a layout of the
  // host page mid-load. The window's clamp follows on the next frame, when the page is laid out anyway.
  let state = { ...options.state, width: clampWidth(options.state.width, Number.POSITIVE_INFINITY) };
  let noticeShown = false;

  const pushStyle = pushPage(doc, state.collapsed ? 0 : state.width);

  function render() {
    dock.hidden = state.collapsed;
    tab.hidden = !state.collapsed;
    dock.style.width = `${state.width}px`;
    rail.setAttribute('aria-valuenow', String(state.width));
    pushPage(doc, state.collapsed ? 0 : state.width);
  }

  function update(next: Partial<typeof state>, persist = true) {
    const before = state;
    state = { ...state, ...next };
    // Nothing to lay out again when nothing changed (the window clamp after the first frame, mostly).
    if (state.width !== before.width || state.collapsed !== before.collapsed) render();
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
  doc.documentElement.append(host);
  // Read once the next frame has been laid out (then reading the width costs nothing).
  requestAnimationFrame(() => setTimeout(() => update({ width: clampWidth(state.width, innerWidth) }, false)));

  return {
    host,
    owns: (node) => host.contains(node) || pushStyle.contains(node),
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
      const notice = el('div', { class: 'notice', role: 'alert' });
      const reload = el('button', { type: 'button' }, 'Reload page');
      reload.addEventListener('click', () => doc.defaultView?.location.reload());
      notice.append(el('strong', {}, 'Counterpart needs a page reload'), el('div', {}, message), reload);
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
  const host = doc.createElement(DOCK_TAG);
  return { host, owns: (node) => node === host, setState() {}, toggle() {}, showNotice() {}, destroy() {} };
}
