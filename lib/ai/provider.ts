/**
 * The provider the background composes from the settings: the OpenAI-compatible client (the only
 * importer of `openai`, so only the background's bundle carries it), local fallback, cache and
 * usage log; and the options page's "Test connection". Imported by the background only.
 */
import { type AiCache, withCache } from './cache';
import { withLocalFallback } from './check';
import { AiError } from './errors';
import { createOpenAiProvider, type OpenAiProviderConfig } from './openai/provider';
import { AI_PRESETS, type AiSettings } from './settings';
import type { AiProvider, AiResult } from './types';
import { type UsageRecord, usageRecord } from './usage';

/**
 * The provider the background uses: the local engine alone in local mode; otherwise the
 * remote provider with local fallback, behind the cache when enabled.
 */
export function createAiProvider(args: {
  settings: AiSettings;
  apiKey: string;
  local: AiProvider;
  cache?: AiCache;
  onFallback?: (error: AiError) => void;
  /** Test hooks (retry sleep/random, clock, fetch). */
  overrides?: Partial<OpenAiProviderConfig>;
}): AiProvider {
  const { settings } = args;
  if (settings.mode === 'local') return args.local;
  const remote = createOpenAiProvider({
    id: AI_PRESETS[settings.preset].id,
    baseURL: settings.baseURL,
    apiKey: args.apiKey,
    model: settings.model,
    timeoutMs: settings.timeoutMs,
    vision: settings.vision,
    structuredOutputs: settings.structuredOutputs,
    redaction: settings.redaction,
    ...args.overrides,
    retry: { maxRetries: settings.maxRetries, ...args.overrides?.retry },
  });
  const checked = withLocalFallback(remote, args.local, {
    onProviderError: settings.fallbackOnError,
    onFallback: args.onFallback,
  });
  // Keyed by the endpoint too: after switching servers a seen ticket is asked of the new one.
  return settings.cache && args.cache ? withCache(checked, args.cache, { endpoint: settings.baseURL }) : checked;
}

export type TestConnectionResult =
  | { ok: true; models: string[]; modelListed: boolean }
  | { ok: false; error: { kind: AiError['kind']; message: string } };

/** "Test connection" on the options page: lists the server's models and says whether the configured one is among them. */
export async function testConnection(args: {
  settings: AiSettings;
  apiKey: string;
  signal?: AbortSignal;
  overrides?: Partial<OpenAiProviderConfig>;
}): Promise<TestConnectionResult> {
  const { settings } = args;
  const provider = createOpenAiProvider({
    baseURL: settings.baseURL,
    apiKey: args.apiKey,
    model: settings.model,
    timeoutMs: Math.min(settings.timeoutMs, 15_000),
    ...args.overrides,
    retry: { maxRetries: 0, ...args.overrides?.retry },
  });
  try {
    const models = await provider.listModels(args.signal);
    return { ok: true, models, modelListed: models.includes(settings.model) };
  } catch (error) {
    const e = error instanceof AiError ? error : new AiError('network', String(error));
    return { ok: false, error: { kind: e.kind, message: e.message } };
  }
}

/** The answer of "Test connection" as the options page shows it. */
export function connectionReport(
  settings: Pick<AiSettings, 'baseURL' | 'model'>,
  result: TestConnectionResult,
  latencyMs: number,
): { ok: boolean; message: string; models: string[]; latencyMs: number } {
  if (!result.ok) return { ok: false, message: result.error.message, models: [], latencyMs };
  const host = new URL(settings.baseURL).host;
  const message = result.modelListed
    ? `Connected to ${host}; model ${settings.model} is available (${latencyMs} ms).`
    : `Connected to ${host}, but it does not list the model “${settings.model}”. Available: ${result.models.slice(0, 8).join(', ') || 'none'}.`;
  return { ok: result.modelListed, message, models: result.models.slice(0, 100), latencyMs };
}

/** Wraps a provider so every result is handed to `log` (the usage view); a failing log never fails the call. */
export function withUsageLog(
  provider: AiProvider,
  log: (record: UsageRecord) => Promise<unknown>,
  now: () => number,
): AiProvider {
  const logged = async <T>(result: Promise<AiResult<T>>): Promise<AiResult<T>> => {
    const value = await result;
    await log(usageRecord(value, now())).catch((error: unknown) =>
      console.warn('[counterpart] usage log failed', error),
    );
    return value;
  };
  return {
    id: provider.id,
    model: provider.model,
    classify: (request) => logged(provider.classify(request)),
    extract: (request) => logged(provider.extract(request)),
    draft: (request) => logged(provider.draft(request)),
  };
}
