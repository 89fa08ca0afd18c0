import type { AiCache, CachedEntry } from '../../lib/ai/cache';
import { createLocalEngine, type LocalEngine } from '../../lib/ai/local/engine';
import {
  type AiSettings,
  AiSettingsSchema,
  createAiProvider,
  DEFAULT_AI_SETTINGS,
  testConnection,
} from '../../lib/ai/settings';
import type { AiProvider, AiResult } from '../../lib/ai/types';
import { aggregateUsage, usageRecord } from '../../lib/ai/usage';
import * as clock from '../../lib/clock';
import { db } from '../../lib/db/schema';
import { getSecret, setSecret } from '../../lib/db/secrets';
import type { AiStatus } from '../../lib/messaging/contract/core';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { aiSettings } from '../../lib/settings/items';
import { registerLocalTasks } from './local-tasks';

/** Saved AI settings; a damaged value falls back to the defaults (local engine) rather than failing. */
export async function loadAiSettings(): Promise<AiSettings> {
  const parsed = AiSettingsSchema.safeParse(await aiSettings.getValue());
  return parsed.success ? parsed.data : DEFAULT_AI_SETTINGS;
}

/** Provider status without the key: whether one is saved is all any page learns. */
export async function aiStatus(): Promise<AiStatus> {
  return { settings: await loadAiSettings(), hasKey: Boolean(await getSecret('apiKey')) };
}

/** The AI cache in IndexedDB (the background's own database). */
const dexieCache: AiCache = {
  async get(key) {
    const row = await db().aiCache.get(key);
    return row ? ({ value: row.value, meta: row.meta, storedAt: row.storedAt } as CachedEntry) : undefined;
  },
  async put(key, entry) {
    await db().aiCache.put({
      key,
      value: entry.value,
      meta: entry.meta,
      storedAt: entry.storedAt,
      createdAt: new Date(entry.storedAt).toISOString(),
    });
  },
};

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
  const settings = await loadAiSettings();
  const provider = createAiProvider({
    settings,
    apiKey: (await getSecret('apiKey')) ?? '',
    local: localEngine(),
    cache: dexieCache,
  });
  return withUsageLog(provider);
}

function withUsageLog(provider: AiProvider): AiProvider {
  const log = async <T>(result: Promise<AiResult<T>>): Promise<AiResult<T>> => {
    const value = await result;
    await db()
      .aiUsage.add(usageRecord(value, clock.nowMs()))
      .catch((error: unknown) => console.warn('[counterpart] usage log failed', error));
    return value;
  };
  return {
    id: provider.id,
    model: provider.model,
    classify: (request) => log(provider.classify(request)),
    extract: (request) => log(provider.extract(request)),
    draft: (request) => log(provider.draft(request)),
  };
}

export const aiHandlers: Handlers = {
  'ai.getStatus': async () => aiStatus(),

  'ai.saveProvider': async ({ settings, apiKey }, sender) => {
    if (sender.kind !== 'page' || sender.path !== '/options.html') {
      throw new MessageError('forbidden', 'Only the options page changes the AI provider.');
    }
    await aiSettings.setValue(settings);
    if (apiKey !== undefined) await setSecret('apiKey', apiKey.trim() || null);
    return aiStatus();
  },

  'ai.testConnection': async ({ settings }) => {
    const started = clock.nowMs();
    const result = await testConnection({ settings, apiKey: (await getSecret('apiKey')) ?? '' });
    const latencyMs = clock.nowMs() - started;
    if (!result.ok) return { ok: false, message: result.error.message, models: [], latencyMs };
    const message = result.modelListed
      ? `Connected to ${new URL(settings.baseURL).host}; model ${settings.model} is available (${latencyMs} ms).`
      : `Connected to ${new URL(settings.baseURL).host}, but it does not list the model “${settings.model}”. Available: ${result.models.slice(0, 8).join(', ') || 'none'}.`;
    return { ok: result.modelListed, message, models: result.models.slice(0, 100), latencyMs };
  },

  'ai.usageSummary': async ({ sinceMs }) => {
    const rows = await db()
      .aiUsage.where('at')
      .aboveOrEqual(sinceMs ?? 0)
      .toArray();
    return {
      summary: aggregateUsage(rows.map(({ id: _id, ...r }) => ({ ...r, operation: r.operation as 'draft' }))),
      cacheRows: await db().aiCache.count(),
    };
  },
};
