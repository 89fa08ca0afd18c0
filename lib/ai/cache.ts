/**
 * Result cache keyed by a SHA-256 of everything that shapes an answer (provider, model,
 * operation, prompt, sources, schema). The storage is an interface the background backs with
 * Dexie; `memoryCache` serves tests and the CLI.
 */

import { nowMs } from '../clock';
import type { AiMeta, AiProvider, AiResult, AiSource, ClassifyOutput, DraftOutput } from './types';

export interface CacheKeyInput {
  provider: string;
  model: string;
  /**
   * The server asked (origin and path of its base URL), so switching servers never answers a seen
   * request from the other server's entries; absent for providers without one (the local engine).
   */
  endpoint?: string | null;
  operation: string;
  /** Everything else that shapes the answer (text, labels, instructions, image URLs), any JSON. */
  prompt: unknown;
  sources: ReadonlyArray<AiSource | string>;
  schemaName?: string;
}

export interface CachedEntry {
  value: unknown;
  meta: AiMeta;
  /** ms since epoch */
  storedAt: number;
}

export interface AiCache {
  get(key: string): Promise<CachedEntry | undefined>;
  put(key: string, entry: CachedEntry): Promise<void>;
}

/** JSON with object keys sorted, so equal inputs hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 hex (WebCrypto, so it runs in the service worker and in Node 20) of the canonical key input. */
export async function cacheKey(input: CacheKeyInput): Promise<string> {
  const bytes = new TextEncoder().encode(
    canonicalJson({ ...input, endpoint: input.endpoint ?? undefined, schemaName: input.schemaName ?? null }),
  );
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An in-memory AiCache (tests, CLI). */
export function memoryCache(): AiCache & { size(): number } {
  const store = new Map<string, CachedEntry>();
  return {
    get: async (key) => store.get(key),
    put: async (key, entry) => {
      store.set(key, entry);
    },
    size: () => store.size,
  };
}

export interface WithCacheOptions {
  /** Entries older than this are ignored; default 30 days. */
  ttlMs?: number;
  /** Drafts are not cached by default: asking again should give a fresh draft. */
  drafts?: boolean;
  now?: () => number;
  /** The base URL of the server behind `provider`; part of every key (see `endpointKey`). */
  endpoint?: string;
}

/**
 * The server part of a cache key: origin and path of the base URL, without a trailing slash, so
 * two spellings of one endpoint share entries and two servers (or two APIs behind one gateway)
 * never do. A value that is not a URL is kept as it is.
 */
export function endpointKey(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseURL;
  }
}

/**
 * Wraps a provider with a cache. Fallback results are never stored (a passing outage must not
 * stick), and cached extractions are re-validated against the current schema.
 */
export function withCache(provider: AiProvider, cache: AiCache, options: WithCacheOptions = {}): AiProvider {
  const ttl = options.ttlMs ?? 30 * 24 * 3600 * 1000;
  const now = options.now ?? nowMs;
  const endpoint = options.endpoint === undefined ? undefined : endpointKey(options.endpoint);

  async function cached<T>(
    key: string,
    sources: AiSource[],
    revive: (value: unknown) => T | undefined,
    call: () => Promise<AiResult<T>>,
  ): Promise<AiResult<T>> {
    const hit = await cache.get(key);
    if (hit && now() - hit.storedAt <= ttl) {
      const value = revive(hit.value);
      if (value !== undefined) return { value, meta: { ...hit.meta, cached: true, durationMs: 0 }, sources };
    }
    const result = await call();
    if (!result.meta.fallback) await cache.put(key, { value: result.value, meta: result.meta, storedAt: now() });
    return result;
  }

  const base = (operation: string, sources: AiSource[], prompt: unknown, schemaName?: string) =>
    cacheKey({ provider: provider.id, model: provider.model, endpoint, operation, prompt, sources, schemaName });

  return {
    id: provider.id,
    model: provider.model,
    async classify(request) {
      const { task, text, labels, multiLabel, instructions, images, sources } = request;
      const key = await base('classify', sources, { task, text, labels, multiLabel, instructions, images }, task);
      return cached(
        key,
        sources,
        (v) => v as ClassifyOutput,
        () => provider.classify(request),
      );
    },
    async extract(request) {
      const { task, text, instructions, images, sources, schemaName } = request;
      const key = await base('extract', sources, { task, text, instructions, images }, schemaName);
      const revive = (v: unknown) => {
        const parsed = request.schema.safeParse(v);
        return parsed.success ? parsed.data : undefined;
      };
      return cached(key, sources, revive, () => provider.extract(request));
    },
    async draft(request) {
      if (!options.drafts) return provider.draft(request);
      const { task, text, instructions, images, sources } = request;
      const key = await base('draft', sources, { task, text, instructions, images });
      return cached(
        key,
        sources,
        (v) => {
          const draft = v as DraftOutput;
          request.onDelta?.(draft.text);
          return draft;
        },
        () => provider.draft(request),
      );
    },
  };
}
