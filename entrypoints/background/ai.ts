import { getSecret, setSecret } from '../../lib/db/secrets';
import type { AiStatus } from '../../lib/messaging/contract/core';
import type { Handlers } from '../../lib/messaging/router';
import { aiSettings } from '../../lib/settings/items';

/** Provider status without the key: whether one is saved is all any page learns. */
export async function aiStatus(): Promise<AiStatus> {
  const settings = await aiSettings.getValue();
  return {
    mode: settings.mode,
    baseUrl: settings.baseUrl,
    model: settings.model,
    hasKey: Boolean(await getSecret('apiKey')),
  };
}

export const aiHandlers: Handlers = {
  'ai.getStatus': async () => aiStatus(),
  'ai.saveProvider': async ({ mode, baseUrl, model, apiKey }) => {
    const current = await aiSettings.getValue();
    await aiSettings.setValue({ ...current, mode, baseUrl: baseUrl.trim(), model: model.trim() });
    if (apiKey !== undefined) await setSecret('apiKey', apiKey.trim() || null);
    return aiStatus();
  },
};
