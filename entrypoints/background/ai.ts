import { createLocalEngine, type LocalEngine } from '../../lib/ai/local/engine';
import { connectionReport, createAiProvider, testConnection, withUsageLog } from '../../lib/ai/provider';
import { type AiSettings, parseAiSettings } from '../../lib/ai/settings';
import type { AiProvider } from '../../lib/ai/types';
import { aggregateUsage } from '../../lib/ai/usage';
import * as clock from '../../lib/clock';
import { aiUsageSince, dexieAiCache, logAiUsage } from '../../lib/db/ai';
import { db } from '../../lib/db/schema';
import { getSecret, setSecret } from '../../lib/db/secrets';
import type { AiStatus } from '../../lib/messaging/contract/core';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { aiSettings } from '../../lib/settings/items';
import { registerLocalTasks } from './local-tasks';

/** Saved AI settings; a damaged value falls back to the defaults (local engine) rather than failing. */
export async function loadAiSettings(): Promise<AiSettings> {
  return parseAiSettings(await aiSettings.getValue());
}

/** Provider status without the key: whether one is saved is all any page learns. */
export async function aiStatus(): Promise<AiStatus> {
  return { settings: await loadAiSettings(), hasKey: Boolean(await getSecret('apiKey')) };
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
  const provider = createAiProvider({
    settings: await loadAiSettings(),
    apiKey: (await getSecret('apiKey')) ?? '',
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
    await aiSettings.setValue(settings);
    if (apiKey !== undefined) await setSecret('apiKey', apiKey.trim() || null);
    return aiStatus();
  },

  'ai.testConnection': async ({ settings }) => {
    const started = clock.nowMs();
    const result = await testConnection({ settings, apiKey: (await getSecret('apiKey')) ?? '' });
    return connectionReport(settings, result, clock.nowMs() - started);
  },

  'ai.usageSummary': async ({ sinceMs }) => ({
    summary: aggregateUsage(await aiUsageSince(db(), sinceMs ?? 0)),
    cacheRows: await db().aiCache.count(),
  }),
};
