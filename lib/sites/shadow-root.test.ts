// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { composedShadowRootOf } from './shadow-root';

describe('composedShadowRootOf in Chrome', () => {
  it('asks chrome.dom once per closed root and never for an open one (each call crosses into the extension runtime)', () => {
    document.body.innerHTML = '<kat-input></kat-input><kat-label></kat-label><kat-box></kat-box>';
    const [closedHost, openHost, bare] = [...document.body.children];
    const closed = (closedHost as Element).attachShadow({ mode: 'closed' });
    const open = (openHost as Element).attachShadow({ mode: 'open' });
    const ask = vi.fn((el: Element) => (el === closedHost ? closed : el === openHost ? open : null));
    const shadowOf = composedShadowRootOf({ chrome: { dom: { openOrClosedShadowRoot: ask } } });
    for (let i = 0; i < 3; i++) {
      expect(shadowOf(closedHost as Element)).toBe(closed);
      expect(shadowOf(openHost as Element)).toBe(open);
      expect(shadowOf(bare as Element)).toBeNull();
    }
    expect(ask.mock.calls.filter(([el]) => el === closedHost)).toHaveLength(1);
    expect(ask.mock.calls.filter(([el]) => el === openHost)).toHaveLength(0);
    // No root yet is asked again: a custom element may attach one when it upgrades.
    expect(ask.mock.calls.filter(([el]) => el === bare)).toHaveLength(3);
  });
});
