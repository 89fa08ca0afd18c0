/**
 * AI settings as the options page stores them (versioned; the API key is NOT part of them and
 * stays in the background), endpoint presets, and the composed provider the background uses.
 */
import { z } from 'zod';
import { type AiCache, withCache } from './cache';
import { withLocalFallback } from './check';
import { AiError } from './errors';
import { createOpenAiProvider, type OpenAiProviderConfig } from './openai/provider';
import type { AiProvider } from './types';

export const AI_PRESETS = {
  openai: { id: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true },
  azure: {
    id: 'azure',
    baseURL: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1/',
    model: 'YOUR-DEPLOYMENT',
    needsKey: true,
  },
  ollama: { id: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'llama3.2', needsKey: false },
  lmstudio: { id: 'lmstudio', baseURL: 'http://localhost:1234/v1', model: 'local-model', needsKey: false },
  vllm: { id: 'vllm', baseURL: 'http://localhost:8000/v1', model: 'YOUR-MODEL', needsKey: false },
  custom: { id: 'custom', baseURL: 'http://localhost:8787/v1', model: 'gpt-4o-mini', needsKey: false },
} as const;
export type AiPreset = keyof typeof AI_PRESETS;

const presetIds = Object.keys(AI_PRESETS) as [AiPreset, ...AiPreset[]];

export const AiSettingsSchema = z.object({
  version: z.literal(1).default(1),
  /** "local" = no remote calls at all (the default: works offline, no key). */
  mode: z.enum(['local', 'remote']).default('local'),
  preset: z.enum(presetIds).default('openai'),
  baseURL: z.url().default(AI_PRESETS.openai.baseURL),
  model: z.string().min(1).default(AI_PRESETS.openai.model),
  timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
  maxRetries: z.number().int().min(0).max(6).default(3),
  vision: z.boolean().default(false),
  structuredOutputs: z.enum(['json_schema', 'json_object']).default('json_schema'),
  redaction: z
    .object({ email: z.boolean(), phone: z.boolean(), address: z.boolean(), card: z.boolean() })
    .default({ email: true, phone: true, address: true, card: true }),
  cache: z.boolean().default(true),
  /** Fall back to the local engine when the remote call fails (not only when its answer is unusable). */
  fallbackOnError: z.boolean().default(true),
});
export type AiSettings = z.infer<typeof AiSettingsSchema>;

/** Defaults: local engine only, redaction on, cache on. */
export const DEFAULT_AI_SETTINGS: AiSettings = AiSettingsSchema.parse({});

/** The optional host permission the options page must request before using `baseURL` (e.g. "http://localhost:11434/*"). */
export function hostPermissionFor(baseURL: string): string {
  const url = new URL(baseURL);
  // Match patterns take no port: "http://localhost/*" covers every port on localhost.
  return `${url.protocol}//${url.hostname}/*`;
}

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
  return settings.cache && args.cache ? withCache(checked, args.cache) : checked;
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
