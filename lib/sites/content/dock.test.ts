// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clampWidth, mountDock } from './dock';

describe('clampWidth', () => {
  it('keeps the panel between 280 px and 60% of the window', () => {
    expect(clampWidth(100, 1400)).toBe(280);
    expect(clampWidth(900, 1400)).toBe(720);
    expect(clampWidth(900, 1000)).toBe(600);
    expect(clampWidth(412.4, 1400)).toBe(412);
  });
});

describe('mountDock', () => {
  it('pushes the page by the panel width and releases it when collapsed', () => {
    const states: unknown[] = [];
    const dock = mountDock(document, {
      src: 'about:blank',
      appLabel: 'Gorgias',
      state: { collapsed: false, width: 400 },
      onStateChange: (s) => states.push(s),
    });
    const push = document.getElementById('counterpart-dock-push');
    expect(push?.textContent).toContain('margin-right: 400px');
    // Not animated: a transition on <html>'s margin lays the whole host page out again every frame.
    expect(push?.textContent).not.toMatch(/transition|animation/);
    dock.setState({ collapsed: true });
    expect(push?.textContent).toBe('');
    dock.destroy();
    expect(document.querySelector('counterpart-dock')).toBeNull();
  });
  it('keeps key presses inside the dock away from the host page’s shortcuts', () => {
    const dock = mountDock(document, {
      src: 'about:blank',
      appLabel: 'Gorgias',
      state: { collapsed: false, width: 380 },
      onStateChange: () => {},
    });
    let reachedPage = false;
    document.addEventListener('keydown', () => {
      reachedPage = true;
    });
    dock.host.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, composed: true }));
    expect(reachedPage).toBe(false);
    dock.destroy();
  });
  it('closes its shadow root: the page gets no handle on the dock’s controls or frame', () => {
    const dock = mountDock(document, {
      src: 'about:blank',
      appLabel: 'Gorgias',
      state: { collapsed: false, width: 380 },
      onStateChange: () => {},
    });
    const host = document.querySelector('counterpart-dock') as HTMLElement;
    expect(host).toBe(dock.host);
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
    dock.destroy();
  });
  it('opens it only when asked (the end-to-end suite’s handle)', () => {
    const dock = mountDock(document, {
      src: 'about:blank',
      appLabel: 'Gorgias',
      state: { collapsed: false, width: 380 },
      onStateChange: () => {},
      shadowMode: 'open',
    });
    expect(dock.host.shadowRoot?.querySelector('iframe')).not.toBeNull();
    dock.destroy();
  });
});

describe('the push style', () => {
  it('is not rewritten when the width stays the same (a rewrite restyles the whole host page)', async () => {
    const dock = mountDock(document, {
      src: 'about:blank',
      appLabel: 'Loop',
      state: { collapsed: false, width: 380 },
      onStateChange: () => {},
    });
    const push = document.getElementById('counterpart-dock-push') as HTMLStyleElement;
    const writes: MutationRecord[] = [];
    const watch = new MutationObserver((r) => writes.push(...r));
    watch.observe(push, { childList: true, characterData: true, subtree: true });
    dock.setState({ width: 380 });
    dock.setState({ collapsed: false });
    await Promise.resolve();
    expect(writes).toEqual([]);
    dock.setState({ width: 400 });
    await Promise.resolve();
    expect(writes.length).toBeGreaterThan(0);
    expect(push.textContent).toContain('margin-right: 400px');
    watch.disconnect();
    dock.destroy();
  });
});
