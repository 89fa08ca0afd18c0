/**
 * AI settings as the options page stores them (versioned; the API key is NOT part of them and
 * stays in the background) and the endpoint presets. No provider code here: the options page
 * imports this file, and the `openai` client must stay in the background's bundle
 * (the provider is composed in ./provider.ts).
 */
import { z } from 'zod';

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

/**
 * What a configured remote provider receives, in Firefox's data-collection categories
 * (`browser_specific_settings.gecko.data_collection_permissions.optional`): the text of the ticket,
 * return or listing on the page, the customer's messages, the customer's name (e-mail, phone,
 * address and card numbers are replaced before sending unless redaction is turned off) and order
 * amounts. Optional, because with the local engine (the default) nothing leaves the browser;
 * Firefox asks for it, with the endpoint's origin, when a remote provider is saved.
 */
export const REMOTE_PROVIDER_DATA = [
  'websiteContent',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'financialAndPaymentInfo',
] as const;

/** Plain-http hosts an endpoint may use (local servers); every other endpoint must be https. */
export const LOCAL_HTTP_HOSTS = ['localhost', '127.0.0.1'] as const;

/**
 * Why `baseURL` cannot be saved, or null when it can: https anywhere, or http on the two local
 * hosts only, the origins the manifest declares as optional host permissions.
 */
export function endpointProblem(baseURL: string): string | null {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return 'The base URL is not a URL.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (LOCAL_HTTP_HOSTS as readonly string[]).includes(url.hostname)) return null;
  return 'The base URL must use https (plain http only for localhost or 127.0.0.1).';
}

/** The optional host permission the options page must request before using `baseURL` (e.g. "http://localhost:11434/*"). */
export function hostPermissionFor(baseURL: string): string {
  const url = new URL(baseURL);
  // Match patterns take no port: "http://localhost/*" covers every port on localhost.
  return `${url.protocol}//${url.hostname}/*`;
}

/** A saved value as settings; a damaged one falls back to the defaults (local engine) rather than failing. */
export function parseAiSettings(value: unknown): AiSettings {
  const parsed = AiSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_AI_SETTINGS;
}

/** The origin a key is bound to: scheme, host and port of the endpoint (`https://api.openai.com`). */
export function endpointOrigin(baseURL: string): string | null {
  try {
    return new URL(baseURL).origin;
  } catch {
    return null;
  }
}

/**
 * The key to send to `baseURL`: the saved key only when it was saved for that very origin; a key
 * saved for another origin (or before keys were bound, origin null) is never sent, so changing
 * the base URL, by hand or by a crafted file, cannot carry the key to another server.
 */
export function keyForEndpoint(saved: { value: string; origin: string | null } | null, baseURL: string): string {
  if (!saved?.origin) return '';
  return saved.origin === endpointOrigin(baseURL) ? saved.value : '';
}
