import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { openPanel } from '../../lib/messaging/ahead';
import { call } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { createPanelRefresher } from './refresh';

/** A query function whose answers the test hands out one by one: what the page shows when it is asked. */
function pageReads() {
  const waiting: Array<(v: string) => void> = [];
  let asked = 0;
  return {
    fn: () => {
      asked += 1;
      return new Promise<string>((resolve) => waiting.push(resolve));
    },
    answer: (v: string) => waiting.shift()?.(v),
    asked: () => asked,
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the panel refresh on "your page changed"', () => {
  it('asks again a query whose first fetch was running when the page changed (it read the old page)', async () => {
    const qc = new QueryClient();
    const reads = pageReads();
    const key = queryKeys.listings.editor('B0CXYZ1234');
    const observer = new QueryObserver(qc, { queryKey: key, queryFn: reads.fn, retry: false });
    const off = observer.subscribe(() => {});
    const refresher = createPanelRefresher(qc);
    await settle();
    expect(reads.asked()).toBe(1);

    refresher.refresh(); // the page changed while the first read was on its way
    reads.answer('11 must fix'); // the first read: the page before the change
    await settle();
    expect(reads.asked()).toBe(2);
    reads.answer('13 must fix');
    await settle();
    expect(qc.getQueryData(key)).toBe('13 must fix');

    off();
    refresher.dispose();
  });

  it('restarts a query that has data, and leaves queries outside the panel alone', async () => {
    const qc = new QueryClient();
    const panel = pageReads();
    const other = pageReads();
    const offs = [
      new QueryObserver(qc, { queryKey: queryKeys.panel.context(), queryFn: panel.fn }).subscribe(() => {}),
      new QueryObserver(qc, { queryKey: ['planning', 'other'], queryFn: other.fn }).subscribe(() => {}),
    ];
    const refresher = createPanelRefresher(qc);
    await settle();
    panel.answer('old');
    other.answer('kept');
    await settle();

    refresher.refresh();
    await settle();
    expect([panel.asked(), other.asked()]).toEqual([2, 1]);
    panel.answer('new');
    await settle();
    expect(panel.asked()).toBe(2); // answered once: not asked a third time
    expect(qc.getQueryData(queryKeys.panel.context())).toBe('new');

    for (const off of offs) off();
    refresher.dispose();
  });

  it('drops the answers the context brought ahead: they are of the page before the change', async () => {
    const sent: string[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      sent.push(message.type);
      if (message.type === 'panel.getContext') return { ok: true, data: { snapshot: null } };
      if (message.type === 'panel.firstAnswer')
        return { ok: true, data: { type: 'listings.editor', payload: {}, answer: { ok: true, data: 'old page' } } };
      return { ok: true, data: 'new page' };
    }) as never);
    const refresher = createPanelRefresher(new QueryClient());
    void openPanel();
    refresher.refresh();
    expect(await call('listings.editor', {})).toEqual({ ok: true, data: 'new page' });
    expect(sent.filter((t) => t === 'listings.editor')).toEqual(['listings.editor']);
    refresher.dispose();
    vi.restoreAllMocks();
  });

  it('drops the answers still unused once the panel invalidates a query itself (a value saved from the panel)', async () => {
    const sent: string[] = [];
    let answered!: () => void;
    const arrived = new Promise<void>((resolve) => {
      answered = resolve;
    });
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      sent.push(message.type);
      if (message.type === 'panel.getContext') return { ok: true, data: { snapshot: null } };
      if (message.type === 'panel.firstAnswer') {
        queueMicrotask(answered);
        return {
          ok: true,
          data: { type: 'listings.editor', payload: {}, answer: { ok: true, data: 'before the fix' } },
        };
      }
      return { ok: true, data: 'with the fix' };
    }) as never);
    const qc = new QueryClient();
    const refresher = createPanelRefresher(qc);
    await openPanel();
    await arrived;
    await new Promise((r) => setTimeout(r, 0));
    qc.setQueryData(queryKeys.panel.context(), { snapshot: null });
    await qc.invalidateQueries({ queryKey: queryKeys.panel.all });
    expect(await call('listings.editor', {})).toEqual({ ok: true, data: 'with the fix' });
    refresher.dispose();
    vi.restoreAllMocks();
  });
});
