import { browser } from 'wxt/browser';
import { createLocalEngine, type LocalEngine } from '../../lib/ai/local/engine';
import { connectionReport, createAiProvider, testConnection, withUsageLog } from '../../lib/ai/provider';
import {
  type AiSettings,
  endpointOrigin,
  endpointProblem,
  keyForEndpoint,
  parseAiSettings,
  REMOTE_PROVIDER_DATA,
} from '../../lib/ai/settings';
import type { AiProvider } from '../../lib/ai/types';
import { aggregateUsage } from '../../lib/ai/usage';
import * as clock from '../../lib/clock';
import { aiUsageSince, dexieAiCache, logAiUsage } from '../../lib/db/ai';
import { db } from '../../lib/db/schema';
import { getProviderSettings, getSavedKey, setApiKey, setProviderSettings } from '../../lib/db/secrets';
import type { AiStatus } from '../../lib/messaging/contract/core';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { LEGACY_AI_SETTINGS_KEY } from '../../lib/settings/items';
import { registerLocalTasks } from './local-tasks';

/**
 * Saved AI settings; a damaged value falls back to the defaults (local engine) rather than failing.
 * They live in the background's own database (content scripts can write `storage.local`). Settings
 * an older version kept in `storage.local` are moved there once, switched to the local engine: that
 * value may have been written by a content script, and the key saved with it has no origin and must
 * be entered again anyway, so the person reviews the endpoint in the options page before anything
 * is sent. After the first read `storage.local` is never consulted again.
 */
export async function loadAiSettings(): Promise<AiSettings> {
  const saved = await getProviderSettings();
  if (saved !== null) return parseAiSettings(saved);
  const legacy = (await browser.storage.local.get(LEGACY_AI_SETTINGS_KEY))[LEGACY_AI_SETTINGS_KEY];
  const settings: AiSettings = { ...parseAiSettings(legacy), mode: 'local' };
  await setProviderSettings(settings);
  if (legacy !== undefined) await browser.storage.local.remove(LEGACY_AI_SETTINGS_KEY);
  return settings;
}

/**
 * Provider status without the key: whether a key is saved for the configured endpoint's origin
 * (`hasKey`) and which origin a saved key belongs to is all any page learns.
 */
export async function aiStatus(): Promise<AiStatus> {
  const settings = await loadAiSettings();
  const saved = await getSavedKey();
  return { settings, hasKey: keyForEndpoint(saved, settings.baseURL) !== '', keyOrigin: saved?.origin ?? null };
}

/**
 * Whether the brand's data may go to a remote provider: in Firefox, once the person has granted
 * the optional data-collection categories (REMOTE_PROVIDER_DATA); in Chrome, which has no such
 * consent, saving the provider is the consent.
 */
export async function mayTransmit(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return true;
  const consent = { data_collection: [...REMOTE_PROVIDER_DATA] } as Parameters<typeof browser.permissions.contains>[0];
  return browser.permissions.contains(consent).catch(() => false);
}

/** The local engine with every process's tasks registered. */
export function localEngine(): LocalEngine {
  const engine = createLocalEngine();
  registerLocalTasks(engine);
  return engine;
}

/**
 * The provider for one piece of work, built from the saved settings each time (no state in worker
 * globals): the local engine alone, or the configured model with local fallback behind the cache.
 * Every result is logged for the usage view.
 */
export async function aiProvider(): Promise<AiProvider> {
  const saved = await loadAiSettings();
  // Firefox: without the person's consent to send the page's data (the manifest's optional
  // data_collection_permissions, asked on Save) the work stays on the local engine.
  const settings = saved.mode === 'remote' && !(await mayTransmit()) ? { ...saved, mode: 'local' as const } : saved;
  const provider = createAiProvider({
    settings,
    apiKey: keyForEndpoint(await getSavedKey(), settings.baseURL),
    local: localEngine(),
    cache: dexieAiCache(db()),
  });
  return withUsageLog(provider, (record) => logAiUsage(db(), record), clock.nowMs);
}

export const aiHandlers: Handlers = {
  'ai.getStatus': async () => aiStatus(),

  'ai.saveProvider': async ({ settings, apiKey }, sender) => {
    if (sender.kind !== 'page' || sender.path !== '/options.html') {
      throw new MessageError('forbidden', 'Only the options page changes the AI provider.');
    }
    const problem = endpointProblem(settings.baseURL);
    if (settings.mode === 'remote' && problem) throw new MessageError('invalid_request', problem);
    await setProviderSettings(settings);
    // A new key is bound to the origin it is saved for; without one, the saved key stays bound to
    // its own origin and is not sent to a different one (the page asks for the key again).
    const origin = endpointOrigin(settings.baseURL);
    if (apiKey !== undefined && origin) await setApiKey(apiKey.trim() || null, origin);
    return aiStatus();
  },

  'ai.testConnection': async ({ settings, apiKey }) => {
    const started = clock.nowMs();
    // The key typed in the form, else the saved key only for the origin it was saved for: an
    // unsaved URL on another origin is tested without a key.
    const key = apiKey?.trim() || keyForEndpoint(await getSavedKey(), settings.baseURL);
    const result = await testConnection({ settings, apiKey: key });
    return connectionReport(settings, result, clock.nowMs() - started);
  },

  'ai.usageSummary': async ({ sinceMs }) => ({
    summary: aggregateUsage(await aiUsageSince(db(), sinceMs ?? 0)),
    cacheRows: await db().aiCache.count(),
  }),
};
