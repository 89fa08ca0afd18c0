// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../adapter';
import { openShadowRoot } from '../shadow-root';
import type { SnapshotEnvelope } from '../snapshot';
import { gorgiasIdentity, loopIdentity } from '../snapshot-identity';
import { deepScan } from './deep-scan';
import { createPageReader, type PageReader } from './reader';

/** A stand-in adapter: the snapshot carries the id in the address and every text the page shows. */
function adapter(app: SiteAdapter['app']): SiteAdapter {
  return {
    app,
    label: app,
    extract: (doc, url) => ({
      app,
      page: 'ticket',
      entityId: url.pathname.split('/').pop() ?? null,
      url: url.href,
      title: '',
      capturedAt: '2026-11-27T10:00:00.000Z',
      recognised: true,
      missing: [],
      data: { text: composedText(doc.body) },
    }),
  };
}

/** Text of a node including open shadow roots and same-origin iframe documents. */
function composedText(node: Node): string {
  let out = '';
  const visit = (n: Node) => {
    if (n.nodeType === 3) out += ` ${n.textContent}`;
    const el = n as Element;
    if (el.shadowRoot) visit(el.shadowRoot);
    if (el.localName === 'iframe') {
      const d = (el as HTMLIFrameElement).contentDocument;
      if (d?.body) visit(d.body);
    }
    for (const c of n.childNodes) visit(c);
  };
  visit(node);
  return out.replace(/\s+/g, ' ').trim();
}

let reader: PageReader | null = null;
afterEach(() => {
  reader?.disconnect();
  reader = null;
  document.body.innerHTML = '';
});

/** Runs a reader on `document` with an address we control; resolves each sent snapshot. */
function start(app: SiteAdapter['app'], href: { value: string }, identity = gorgiasIdentity) {
  const sent: SnapshotEnvelope[] = [];
  reader = createPageReader({
    adapter: adapter(app),
    identity,
    doc: document,
    href: () => href.value,
    deep: deepScan(openShadowRoot),
    send: (s) => {
      sent.push(s);
    },
  });
  return sent;
}

const ticket = (id: string, body: string) =>
  `<div id="TicketHeader"><span>#${id}</span></div><div role="list">${body}</div>`;
const texts = (sent: SnapshotEnvelope[]) => sent.map((s) => `${s.entityId}:${(s.data as { text: string }).text}`);
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('page identity', () => {
  it('publishes nothing while the content still shows the previous ticket under the new address', async () => {
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', 'Where is my order?');
    const sent = start('gorgias', href);
    reader?.readNow();
    expect(texts(sent)).toEqual(['4101:#4101 Where is my order?']);

    // SPA navigation: the address changes first, the app renders the next ticket after its fetch.
    href.value = 'https://acme.gorgias.com/app/views/1/4102';
    reader?.locationChanged();
    document.body.querySelector('[role=list]')?.append('(typing indicator)');
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).toHaveLength(1);

    // The new ticket renders: it is published at once, under its own id, with its own content.
    document.body.innerHTML = ticket('4102', 'Charged twice');
    await flush();
    expect(texts(sent)).toEqual(['4101:#4101 Where is my order?', '4102:#4102 Charged twice']);
  });

  it('reads the Loop return number from the heading, not from the document title', () => {
    const href = { value: 'https://admin.loopreturns.com/returns/48213578' };
    document.title = 'Return #48213578 | Loop';
    document.body.innerHTML = '<h1>Return <span>#48213577</span></h1>';
    const sent = start('loop', href, loopIdentity);
    reader?.readNow();
    expect(sent).toEqual([]);
    expect(loopIdentity.check(document, new URL(href.value))).toEqual({
      urlId: '48213578',
      domId: '48213577',
      stale: true,
    });
  });

  it('reads a page that shows no id of its own as before', () => {
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = '<div role="list">No header here</div>';
    const sent = start('gorgias', href);
    reader?.readNow();
    expect(sent).toHaveLength(1);
  });
});

describe('re-reads on changes the light DOM does not show', () => {
  it('re-reads when text changes inside an open shadow root', async () => {
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', '<kat-input></kat-input>');
    const host = document.querySelector('kat-input') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span>old value</span>';
    const sent = start('gorgias', href);
    reader?.readNow();
    expect(texts(sent).at(-1)).toContain('old value');
    (root.querySelector('span') as HTMLElement).textContent = 'new value';
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(sent).at(-1)).toContain('new value');
  });

  it('re-reads when an editor iframe’s document changes', async () => {
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', '<div id="editor"></div>');
    // A same-origin editor frame (TinyMCE's srcdoc iframe); happy-dom loads no frame documents, so
    // the frame is given one the way the browser would expose it.
    const frame = document.createElement('iframe');
    const fdoc = document.implementation.createHTMLDocument('editor');
    Object.defineProperty(frame, 'contentDocument', { get: () => fdoc });
    fdoc.body.innerHTML = '<p>Soft cotton</p>';
    document.querySelector('#editor')?.append(frame);
    const sent = start('gorgias', href);
    reader?.readNow();
    expect(texts(sent).at(-1)).toContain('Soft cotton');
    (fdoc.body.querySelector('p') as HTMLElement).textContent = 'Organic cotton';
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(sent).at(-1)).toContain('Organic cotton');
  });

  it('watches shadow roots of elements added later, and ignores the dock’s own changes', async () => {
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', '');
    const dock = document.createElement('counterpart-dock');
    document.body.append(dock);
    const sent = start('gorgias', href);
    const mine = (n: Node) => n === dock || dock.contains(n);
    reader?.disconnect();
    reader = createPageReader({
      adapter: adapter('gorgias'),
      identity: gorgiasIdentity,
      doc: document,
      href: () => href.value,
      ignore: mine,
      deep: deepScan(openShadowRoot),
      send: (s) => {
        sent.push(s);
      },
    });
    reader.readNow();
    const n = sent.length;
    dock.textContent = 'dock re-rendered';
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).toHaveLength(n);

    const host = document.createElement('kat-textarea');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<b>first</b>';
    document.querySelector('[role=list]')?.append(host);
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(sent).at(-1)).toContain('first');
    (root.querySelector('b') as HTMLElement).textContent = 'second';
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(sent).at(-1)).toContain('second');
  });
});

describe('SPA navigation without a fixed wait', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('notices an address changed by the app with the DOM change, and publishes the new ticket at once', async () => {
    // Fake timers: nothing waits for a quiet time here; a read that waited would never run.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', 'Where is my order?');
    const sent = start('gorgias', href);
    reader?.readNow();
    // pushState with no event the content script sees (Firefox has no Navigation API).
    href.value = 'https://acme.gorgias.com/app/views/1/4102';
    document.body.querySelector('[role=list]')?.append('(loading)');
    await Promise.resolve();
    expect(sent).toHaveLength(1);
    document.body.innerHTML = ticket('4102', 'Charged twice');
    await Promise.resolve();
    expect(texts(sent)).toEqual(['4101:#4101 Where is my order?', '4102:#4102 Charged twice']);
  });

  it('an identity checked only after a navigation also checks an address change noticed with the DOM change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', 'Where is my order?');
    const sent = start('gorgias', href, { ...gorgiasIdentity, afterNavigationOnly: true });
    reader?.readNow();
    // pushState with no event the content script sees: the old ticket under the new address.
    href.value = 'https://acme.gorgias.com/app/views/1/4102';
    document.body.querySelector('[role=list]')?.append('(loading)');
    await vi.advanceTimersByTimeAsync(1000);
    expect(texts(sent)).toEqual(['4101:#4101 Where is my order?']);
    document.body.innerHTML = ticket('4102', 'Charged twice');
    await Promise.resolve();
    expect(texts(sent)).toEqual(['4101:#4101 Where is my order?', '4102:#4102 Charged twice']);
  });

  it('after locationChanged, the render of the new ticket is published at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const href = { value: 'https://admin.loopreturns.com/returns/48213577' };
    document.body.innerHTML = '<h1>Return #48213577</h1><p>Too small</p>';
    const sent = start('loop', href, loopIdentity);
    reader?.readNow();
    href.value = 'https://admin.loopreturns.com/returns/48213578';
    reader?.locationChanged();
    expect(sent).toHaveLength(1);
    document.body.innerHTML = '<h1>Return #48213578</h1><p>Wrong colour</p>';
    await Promise.resolve();
    expect(sent.map((s) => s.entityId)).toEqual(['48213577', '48213578']);
  });
});

describe('without a deep scan', () => {
  afterEach(() => vi.restoreAllMocks());

  it('does not walk the page for shadow roots and iframes (Gorgias and Loop read neither)', async () => {
    document.body.innerHTML = ticket('4101', '<p>a</p><p>b</p>');
    const all = vi.spyOn(Document.prototype, 'querySelectorAll');
    const inEl = vi.spyOn(Element.prototype, 'querySelectorAll');
    const walked = () => [...all.mock.calls, ...inEl.mock.calls].filter(([sel]) => sel === '*').length;
    const sent: SnapshotEnvelope[] = [];
    reader = createPageReader({
      adapter: adapter('gorgias'),
      identity: gorgiasIdentity,
      doc: document,
      href: () => 'https://acme.gorgias.com/app/views/1/4101',
      send: (s) => {
        sent.push(s);
      },
    });
    reader.readNow();
    const p = document.createElement('p');
    p.innerHTML = '<span>c</span>';
    document.querySelector('[role=list]')?.append(p);
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(sent).at(-1)).toContain('c');
    expect(walked()).toBe(0);
  });
});

describe('prefetch', () => {
  it('asks the adapter to fetch the new record’s data as soon as the address names it, before the render', () => {
    const href = { value: 'https://acme.gorgias.com/app/views/1/4101' };
    document.body.innerHTML = ticket('4101', 'Where is my order?');
    const asked: string[] = [];
    const sent: SnapshotEnvelope[] = [];
    reader = createPageReader({
      adapter: { ...adapter('gorgias'), prefetch: (_doc, url) => asked.push(url.pathname) },
      identity: gorgiasIdentity,
      doc: document,
      href: () => href.value,
      send: (s) => {
        sent.push(s);
      },
    });
    reader.readNow();
    expect(asked).toEqual([]);
    href.value = 'https://acme.gorgias.com/app/views/1/4102';
    reader.locationChanged();
    reader.locationChanged();
    expect(asked).toEqual(['/app/views/1/4102']);
    expect(sent).toHaveLength(1);
  });
});
