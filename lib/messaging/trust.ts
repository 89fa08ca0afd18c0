import { APP_IDS, type AppId, HOST_MATCHES } from '../sites/hosts';
import { matchesPattern } from './match-pattern';

/** The kinds of context that may talk to the background. */
export const SENDER_KINDS = ['content', 'panel', 'page'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** Extension pages that count as top-level `page` senders (popup, options, planner, insights, catalogue). */
export const TOP_LEVEL_PAGES = [
  '/popup.html',
  '/options.html',
  '/planner.html',
  '/insights.html',
  '/catalogue.html',
] as const;

/** The browser-set fields of `runtime.MessageSender` the decision is made from; never the payload. */
export interface SenderFields {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type Sender =
  | { kind: 'content'; app: AppId; tabId: number; url: string }
  | { kind: 'panel'; tabId: number; app: AppId | null }
  | { kind: 'page'; path: string; tabId: number | null };

export interface TrustEnv {
  runtimeId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  extensionOrigin: string;
}

/** Which host app a page URL belongs to, by the manifest's own match patterns. */
export function appForUrl(url: string): AppId | null {
  for (const app of APP_IDS) {
    if (HOST_MATCHES[app].some((p) => matchesPattern(p, url))) return app;
  }
  return null;
}

/**
 * Classifies a message sender from what the browser stamped on it. A framed panel has a tab too,
 * so "has a tab" never means "is a content script": content scripts are recognised by a host-app
 * URL in the top frame, extension pages by our own origin and path.
 */
export function classifySender(sender: SenderFields, env: TrustEnv): Sender | null {
  if (sender.id !== env.runtimeId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.origin === env.extensionOrigin || sender.url.startsWith(`${env.extensionOrigin}/`)) {
    if (sender.origin && sender.origin !== env.extensionOrigin && sender.origin !== 'null') return null;
    if (url.pathname === '/panel.html') {
      const tabId = sender.tab?.id;
      if (typeof tabId !== 'number' || tabId < 0) return null;
      const app = sender.tab?.url ? appForUrl(sender.tab.url) : null;
      return { kind: 'panel', tabId, app };
    }
    if ((TOP_LEVEL_PAGES as readonly string[]).includes(url.pathname)) {
      const tabId = sender.tab?.id;
      return { kind: 'page', path: url.pathname, tabId: typeof tabId === 'number' && tabId >= 0 ? tabId : null };
    }
    return null;
  }
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  if (sender.origin && sender.origin !== url.origin) return null;
  const app = appForUrl(sender.url);
  if (!app) return null;
  return { kind: 'content', app, tabId, url: sender.url };
}
