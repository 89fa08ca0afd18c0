// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from './context';

describe('ContentScriptContext (the content scripts’ small one)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is invalidated once when a newer copy of the same script starts, not by another script', () => {
    const old = new ContentScriptContext('gorgias');
    const other = new ContentScriptContext('loop');
    const onOld = vi.fn();
    old.onInvalidated(onOld);
    const newer = new ContentScriptContext('gorgias');
    expect(old.isInvalid).toBe(true);
    expect(onOld).toHaveBeenCalledTimes(1);
    expect(newer.isInvalid).toBe(false);
    expect(other.isInvalid).toBe(false);
  });

  it('notices the extension is gone (update or reload) when asked, and drops its listeners', () => {
    const ctx = new ContentScriptContext('shopify');
    const handler = vi.fn();
    ctx.addEventListener(window, 'popstate', handler);
    window.dispatchEvent(new Event('popstate'));
    expect(handler).toHaveBeenCalledTimes(1);
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    window.dispatchEvent(new Event('popstate'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('tells the page nothing when it starts (no window message)', () => {
    const post = vi.spyOn(window, 'postMessage');
    new ContentScriptContext('amazon');
    expect(post).not.toHaveBeenCalled();
  });
});
