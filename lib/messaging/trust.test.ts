import { describe, expect, it } from 'vitest';
import { classifySender } from './trust';

const env = { runtimeId: 'abc', extensionOrigin: 'chrome-extension://abc' };

describe('classifySender', () => {
  it('recognises a content script on a Gorgias ticket by its browser-set URL and tab', () => {
    const s = classifySender(
      {
        id: 'abc',
        url: 'https://acme.gorgias.com/app/ticket/1',
        origin: 'https://acme.gorgias.com',
        frameId: 0,
        tab: { id: 7 },
      },
      env,
    );
    expect(s).toEqual({ kind: 'content', app: 'gorgias', tabId: 7, url: 'https://acme.gorgias.com/app/ticket/1' });
  });
  it('treats the framed panel as a panel, not a content script, although it has a tab', () => {
    const s = classifySender(
      {
        id: 'abc',
        url: 'chrome-extension://abc/panel.html?app=loop',
        origin: 'chrome-extension://abc',
        frameId: 3,
        tab: { id: 9, url: 'https://admin.loopreturns.com/returns/1' },
      },
      env,
    );
    expect(s).toEqual({ kind: 'panel', tabId: 9, app: 'loop' });
  });
  it('recognises the options page without a tab as a top-level page', () => {
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/options.html' }, env)).toEqual({
      kind: 'page',
      path: '/options.html',
      tabId: null,
    });
  });
  it('rejects another extension, an unknown host, a sub-frame and an unknown extension page', () => {
    expect(
      classifySender({ id: 'other', url: 'https://acme.gorgias.com/app/x', frameId: 0, tab: { id: 1 } }, env),
    ).toBeNull();
    expect(classifySender({ id: 'abc', url: 'https://evil.example/app', frameId: 0, tab: { id: 1 } }, env)).toBeNull();
    expect(
      classifySender({ id: 'abc', url: 'https://acme.gorgias.com/app/x', frameId: 2, tab: { id: 1 } }, env),
    ).toBeNull();
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/evil.html', tab: { id: 1 } }, env)).toBeNull();
  });
  it('rejects a panel frame whose stamped origin is a web page', () => {
    const s = classifySender(
      { id: 'abc', url: 'chrome-extension://abc/panel.html', origin: 'https://evil.example', tab: { id: 2 } },
      env,
    );
    expect(s).toBeNull();
  });
});
