import * as clock from '../clock';
import type { WriteAction, WriteResult } from '../messaging/contract/core';
import type { AppId } from './hosts';
import type { SnapshotEnvelope } from './snapshot';

/** What one host app's content script needs: read the page, and carry out the panel's write actions. */
export interface SiteAdapter {
  app: AppId;
  /** Shown in messages: "Gorgias", "Shopify admin", "Seller Central", "Loop". */
  label: string;
  /** Document → snapshot; must not throw on a malformed page (misses go into `missing`). */
  extract(doc: Document, url: URL): SnapshotEnvelope;
  /**
   * Optional structured read after the DOM read: the app's own data for the same record (Gorgias'
   * REST answers, Loop's API through the background). Resolves to the DOM snapshot unchanged when
   * the data cannot be had or does not match the URL's record; must not throw.
   */
  refine?(snapshot: SnapshotEnvelope, doc: Document, url: URL): Promise<SnapshotEnvelope>;
  /** Optional set-up awaited before each read; the adapter does its work once (e.g. fetching the label table from the background). */
  prepare?(): Promise<void>;
  /**
   * Optional: the address moved to another record the content does not show yet (SPA navigation,
   * the app still fetching it). Starts fetching what `refine` will need for it, so the read after
   * the render finds it cached instead of waiting for it. Never throws; returns nothing.
   */
  prefetch?(doc: Document, url: URL): void;
  /** Carries out a write action; absent actions answer "not supported here". */
  write?(doc: Document, action: WriteAction): WriteResult | Promise<WriteResult>;
}

/** Runs an adapter's extract, turning an unexpected exception into an unrecognised snapshot. */
export function safeExtract(adapter: SiteAdapter, doc: Document, url: URL, now = clock.now()): SnapshotEnvelope {
  try {
    return adapter.extract(doc, url);
  } catch (error) {
    return {
      app: adapter.app,
      page: 'unknown',
      entityId: null,
      url: url.href,
      title: doc.title.slice(0, 500),
      capturedAt: now.toISOString(),
      recognised: false,
      missing: [
        `${adapter.label}: this page could not be read (${error instanceof Error ? error.message : String(error)})`,
      ],
      data: null,
    };
  }
}

/** The answer for a write action an adapter does not implement. */
export function unsupportedWrite(adapter: SiteAdapter, action: WriteAction): WriteResult {
  return {
    done: false,
    method: 'unsupported',
    message: `${adapter.label}: “${action.action}” is not available on this page.`,
  };
}

/** The page's snapshot: the DOM read, then the adapter's structured read when it has one (its failure keeps the DOM read). */
export async function readPage(adapter: SiteAdapter, doc: Document, url: URL): Promise<SnapshotEnvelope> {
  await adapter.prepare?.().catch(() => undefined);
  const snapshot = safeExtract(adapter, doc, url);
  if (!adapter.refine || !snapshot.entityId) return snapshot;
  try {
    return await adapter.refine(snapshot, doc, url);
  } catch {
    return snapshot;
  }
}
