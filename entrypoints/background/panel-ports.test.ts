import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { markServed, notifyPanels, setupPanelPorts, tabChanges } from './panel-ports';

let onConnect: (port: unknown) => void = () => {};

/** A framed panel of tab `tabId` connecting: what the background posts to it. */
function connectPanel(tabId: number) {
  const posted: unknown[] = [];
  const port = {
    name: 'panel',
    sender: {
      id: browser.runtime.id,
      url: `${browser.runtime.getURL('/panel.html')}?app=gorgias`,
      frameId: 3,
      tab: { id: tabId, url: 'https://acme.gorgias.com/app/ticket/4101' },
    },
    postMessage: (m: unknown) => posted.push(m),
    disconnect: vi.fn(),
    onDisconnect: { addListener: () => {} },
    onMessage: { addListener: () => {} },
  };
  onConnect(port);
  expect(port.disconnect).not.toHaveBeenCalled();
  return posted;
}

describe('a panel connecting its port', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((fn: (port: unknown) => void) => {
      onConnect = fn;
    }) as never);
    setupPanelPorts();
  });

  it('is not told to read again when its context read came after the last change', () => {
    notifyPanels(41, { type: 'snapshot.changed' }); // the page was published before the panel read
    markServed(41, tabChanges(41));
    expect(connectPanel(41)).toEqual([]);
  });

  it('is told to read again when the page changed after its read, or nothing is known of its read', () => {
    markServed(42, tabChanges(42));
    notifyPanels(42, { type: 'snapshot.changed' }); // announced to no port: none was connected yet
    expect(connectPanel(42)).toEqual([{ type: 'snapshot.changed' }]);
    expect(connectPanel(43)).toEqual([{ type: 'snapshot.changed' }]); // a worker restarted since the read
  });
});
