import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import type { Sender } from '../../lib/messaging/trust';
import { exampleTicketSnapshot } from '../../lib/sites/example-snapshot';
import { readTabSnapshot } from './tab-state';

// What the tab showed the panel while the hooks ran, and the order of hooks and panel signals.
const seen = vi.hoisted(() => ({
  events: [] as string[],
  duringHooks: [] as unknown[],
  /** When set, the hooks wait for this before they end (a slow first database open). */
  gate: null as Promise<void> | null,
}));

vi.mock('./snapshot-hooks', () => ({
  runSnapshotHooks: async () => {
    seen.duringHooks.push(await readTabSnapshot(7));
    if (seen.gate) await seen.gate;
    seen.events.push('hooks');
  },
}));
vi.mock('./panel-ports', () => ({
  notifyPanels: () => seen.events.push('notify'),
  tabChanges: () => 5,
  markServed: (tabId: number, count: number) => seen.events.push(`served ${tabId} at ${count}`),
}));

const { HOOK_WAIT_MS, snapshotHandlers } = await import('./snapshots');

const content: Sender = {
  kind: 'content',
  app: 'gorgias',
  tabId: 7,
  url: 'https://northwind.gorgias.com/app/ticket/4101',
};

describe('publishing a snapshot', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    seen.events = [];
    seen.duringHooks = [];
    seen.gate = null;
  });

  it('runs the hooks before the panel can read the snapshot, then signals the panel', async () => {
    const publish = snapshotHandlers['snapshot.publish'];
    if (!publish) throw new Error('snapshot.publish has no handler');
    const snapshot = exampleTicketSnapshot();
    expect(await publish(snapshot, content)).toEqual({ accepted: true, changed: true });
    expect(seen.duringHooks).toEqual([null]);
    expect(await readTabSnapshot(7)).toMatchObject({ entityId: '4101' });
    expect(seen.events).toEqual(['hooks', 'notify']);

    // The same page again is no change: no hooks, no signal.
    expect(await publish({ ...snapshot, capturedAt: '2026-11-27T10:05:00.000Z' }, content)).toEqual({
      accepted: true,
      changed: false,
    });
    expect(seen.events).toEqual(['hooks', 'notify']);
  });

  it('does not hold the page back for slow hooks: the panel sees the snapshot, and is told again when they end', async () => {
    const publish = snapshotHandlers['snapshot.publish'];
    if (!publish) throw new Error('snapshot.publish has no handler');
    let release = () => {};
    seen.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.useFakeTimers();
    try {
      const answer = publish(exampleTicketSnapshot(), content);
      await vi.advanceTimersByTimeAsync(HOOK_WAIT_MS);
      expect(await answer).toEqual({ accepted: true, changed: true });
      expect(await readTabSnapshot(7)).toMatchObject({ entityId: '4101' });
      expect(seen.events).toEqual(['notify']);
      release();
      await vi.runAllTimersAsync();
      expect(seen.events).toEqual(['notify', 'hooks', 'notify']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the panel reading its context', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    seen.events = [];
  });

  it('marks the tab served at the change count taken before it read (a connecting port then need not ask again)', async () => {
    const getContext = snapshotHandlers['panel.getContext'];
    if (!getContext) throw new Error('panel.getContext has no handler');
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    const r = await getContext({}, { kind: 'panel', tabId: 7, app: 'gorgias' });
    expect(r.snapshot).toBeNull();
    expect(seen.events).toEqual(['served 7 at 5']);
  });
});
