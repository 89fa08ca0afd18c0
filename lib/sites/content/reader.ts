import * as clock from '../../clock';
import { type SiteAdapter, safeExtract } from '../adapter';
import type { SnapshotEnvelope } from '../snapshot';
import type { PageIdentityCheck } from '../snapshot-identity';

/** Quiet time after a DOM change before the page is read again (a render rarely spans more). */
export const SETTLE_MS = 50;
/** Longest a read waits while the page keeps changing. */
export const MAX_WAIT_MS = 250;
/** How long the content may show another record than the address before the page is published as not readable. */
export const STALE_MS = 4000;

export interface ReaderOptions {
  adapter: SiteAdapter;
  /** How the app names its record in the address and in the content (see `pageIdentity`); none: not checked. */
  identity?: PageIdentityCheck;
  doc: Document;
  /** The page's address now (the content script passes `location.href`). */
  href(): string;
  send(snapshot: SnapshotEnvelope): void | Promise<void>;
  /**
   * How the page is read; by default the adapter's DOM read. The content script passes `readPage`,
   * which may take the app's own data instead (a structured read, checked in the background).
   */
  read?(adapter: SiteAdapter, doc: Document, url: URL): SnapshotEnvelope | Promise<SnapshotEnvelope>;
  /** Nodes whose changes are Counterpart's own (the dock): never a reason to read again. */
  ignore?(node: Node): boolean;
  /**
   * Given (Shopify, Seller Central: `deepScan(composedShadowRootOf())`), changes inside shadow roots
   * and same-origin iframes (rich-text editors) count too. Finding those walks every element the
   * page adds, so apps whose adapter reads neither (Gorgias, Loop) leave it out: then only the
   * document's own tree is watched, and their content scripts carry no scanning code.
   */
  deep?: DeepScan;
}

/** What a deep scan may do from the reader: watch another root, ask for a re-read, skip our own nodes. */
export interface ScanHooks {
  watch(root: Document | ShadowRoot): void;
  schedule(): void;
  ignore?(node: Node): boolean;
}
export type DeepScan = (node: Node, hooks: ScanHooks) => void;

export interface PageReader {
  /** Reads now (first read, or after a write the panel asked for). */
  readNow(): void;
  /** A change that may alter what is read (image loaded, write done): read after the page settles. */
  schedule(): void;
  /** The address changed (SPA navigation): read as soon as the content shows the new record. */
  locationChanged(): void;
  disconnect(): void;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Keeps the snapshot of one page current without a fixed debounce: changes are noticed by one
 * MutationObserver on the document, on every (open, or closed where the browser lets the content
 * script in) shadow root and on every same-origin iframe document (rich-text editors), and read
 * after SETTLE_MS of quiet (MAX_WAIT_MS at most). After an SPA navigation the page is read the
 * moment its content shows the record of the new address (`pageIdentity`); until then nothing is
 * published, so the old record's content never goes out under the new address.
 */
export function createPageReader(o: ReaderOptions): PageReader {
  const deep = o.deep;
  const hooks: ScanHooks = { watch, schedule, ignore: o.ignore };
  let reads = 0;
  // Plain timers: `disconnect` (on the content script's invalidation) clears them.
  const setT = setTimeout;
  const clearT = clearTimeout as (id: unknown) => void;
  // The last published snapshot as JSON (capture time left out): string equality is cheaper than hashing it.
  let lastJson = '';
  // The address at the last read: another one is a navigation.
  let lastHref = o.href();
  let timer: unknown;
  let firstChangeAt: number | null = null;
  let staleTimer: unknown;
  let navigating = false;
  // The address changed and the content has not matched it since (see `afterNavigationOnly`).
  let moved = false;
  const watched = new WeakSet<Node>();
  const pendingScan: Node[] = [];
  let closed = false;

  const observer = new MutationObserver((records) => {
    let relevant = false;
    for (const r of records) {
      if (o.ignore?.(r.target)) continue;
      relevant = true;
      if (deep) for (const n of r.addedNodes) if (n.nodeType === 1) pendingScan.push(n);
    }
    if (!relevant) return;
    // An address changed by the app (pushState) is noticed with the DOM change that follows it.
    if (o.href() !== lastHref) {
      navigating = true;
      moved = true;
    }
    // After a navigation the content is checked on each change: published the moment it shows the
    // new record (its id in the content matches the address), not after a quiet time.
    if (navigating && !isStale()) {
      readNow();
      return;
    }
    schedule();
  });

  /** Starts watching a root (document, shadow root, iframe document) and what it already holds. */
  function watch(root: Document | ShadowRoot) {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, OBSERVE);
    deep?.(root, hooks);
  }

  const checks = () => o.identity !== undefined && (moved || !o.identity.afterNavigationOnly);
  const isStale = () => checks() && o.identity?.check(o.doc, new URL(o.href())).stale === true;

  function readNow() {
    if (closed) return;
    if (timer !== undefined) clearT(timer);
    timer = undefined;
    firstChangeAt = null;
    while (pendingScan.length) {
      const n = pendingScan.pop() as Node;
      if (n.isConnected) deep?.(n, hooks);
    }
    lastHref = o.href();
    const url = new URL(lastHref);
    const identity = o.identity;
    if (identity && checks() && identity.check(o.doc, url).stale) {
      // The address names another record than the content shows: wait for the content (observer).
      navigating = true;
      // The app is fetching the new record: the structured read for it starts now, not after the render.
      if (staleTimer === undefined) o.adapter.prefetch?.(o.doc, url);
      if (staleTimer === undefined)
        staleTimer = setT(() => {
          staleTimer = undefined;
          const id = identity.check(o.doc, new URL(o.href()));
          if (!id.stale) return;
          navigating = false;
          publish(identity.staleSnapshot(o.adapter.app, o.adapter.label, id, url, o.doc.title));
        }, STALE_MS);
      return;
    }
    navigating = false;
    moved = false;
    if (staleTimer !== undefined) clearT(staleTimer);
    staleTimer = undefined;
    if (!o.read) {
      publish(safeExtract(o.adapter, o.doc, url));
      return;
    }
    // An asynchronous read publishes only if no later read started and the address is the same.
    const mine = ++reads;
    void Promise.resolve(o.read(o.adapter, o.doc, url)).then((snapshot) => {
      if (!closed && mine === reads && o.href() === url.href) publish(snapshot);
    });
  }

  function publish(snapshot: SnapshotEnvelope) {
    const json = JSON.stringify({ ...snapshot, capturedAt: '' });
    if (json === lastJson) return;
    lastJson = json;
    void o.send(snapshot);
  }

  function schedule() {
    if (closed) return;
    const t = clock.monotonicMs();
    if (firstChangeAt === null) firstChangeAt = t;
    if (timer !== undefined) clearT(timer);
    const wait = Math.max(0, Math.min(SETTLE_MS, firstChangeAt + MAX_WAIT_MS - t));
    timer = setT(() => {
      timer = undefined;
      readNow();
    }, wait);
  }

  watch(o.doc);
  return {
    readNow,
    schedule,
    locationChanged() {
      navigating = true;
      moved = true;
      readNow();
    },
    disconnect() {
      closed = true;
      observer.disconnect();
      if (timer !== undefined) clearT(timer);
      if (staleTimer !== undefined) clearT(staleTimer);
    },
  };
}
