import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DOCK_SHADOW_OPEN_KEY, readDockShadowMode, readDockState, toDockState, writeDockState } from './dock';

describe('dock state per host app', () => {
  beforeEach(() => fakeBrowser.reset());
  it('remembers collapsed and width separately for each app', async () => {
    await writeDockState('gorgias', { collapsed: true, width: 420 });
    expect(await readDockState('gorgias')).toEqual({ collapsed: true, width: 420 });
    expect(await readDockState('loop')).toEqual({ collapsed: false, width: 380 });
  });
  it('falls back to defaults for a damaged stored value', () => {
    expect(toDockState({ collapsed: 'yes', width: Number.NaN })).toEqual({ collapsed: false, width: 380 });
    expect(toDockState(null)).toEqual({ collapsed: false, width: 380 });
  });
  it('keeps the dock’s shadow root closed unless the test-only key is exactly true', async () => {
    expect(await readDockShadowMode()).toBe('closed');
    await fakeBrowser.storage.local.set({ [DOCK_SHADOW_OPEN_KEY]: 'true' });
    expect(await readDockShadowMode()).toBe('closed');
    await fakeBrowser.storage.local.set({ [DOCK_SHADOW_OPEN_KEY]: true });
    expect(await readDockShadowMode()).toBe('open');
  });
});
