import { browser } from 'wxt/browser';
import type { AppId } from '../sites/hosts';

/** Where the panel is docked and how wide, remembered per host app. */
export interface DockState {
  collapsed: boolean;
  width: number;
}
export const DOCK_DEFAULTS: DockState = { collapsed: false, width: 380 };

// Plain storage.local access rather than a WXT storage item: content scripts read this and must
// stay small, and the shape is checked by hand on every read.
const key = (app: AppId) => `dock.${app}`;

/** Coerces whatever is stored into a dock state (bad or missing values fall back to defaults). */
export function toDockState(value: unknown): DockState {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof DockState, unknown>>;
  return {
    collapsed: typeof v.collapsed === 'boolean' ? v.collapsed : DOCK_DEFAULTS.collapsed,
    width: typeof v.width === 'number' && Number.isFinite(v.width) ? v.width : DOCK_DEFAULTS.width,
  };
}

export async function readDockState(app: AppId): Promise<DockState> {
  return toDockState((await browser.storage.local.get(key(app)))[key(app)]);
}

export async function writeDockState(app: AppId, state: DockState): Promise<void> {
  await browser.storage.local.set({ [key(app)]: toDockState(state) });
}

/**
 * Test-only handle: the end-to-end suite and the headless demo set this key through the service
 * worker so the dock's shadow root is opened for Playwright (which pierces open roots only). A host
 * page cannot write `storage.local`, and no screen of the extension sets it.
 */
export const DOCK_SHADOW_OPEN_KEY = 'test.dockShadowOpen';

/** The dock's shadow-root mode: closed, unless the test-only key is set to `true`. */
export async function readDockShadowMode(): Promise<ShadowRootMode> {
  return (await browser.storage.local.get(DOCK_SHADOW_OPEN_KEY))[DOCK_SHADOW_OPEN_KEY] === true ? 'open' : 'closed';
}
