import { browser } from 'wxt/browser';
import { getLoopApiKey, setLoopApiKey } from '../../lib/db/secrets';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { ticketFromApi } from '../../lib/sites/gorgias/api-schema';
import { flatLabels, LOOP_LABELS } from '../../lib/sites/labels';
import { returnFromApi } from '../../lib/sites/loop/api-schema';

/** Loop's API host, asked for (optional host permission) when the key is saved in the options page. */
export const LOOP_API_ORIGIN = 'https://api.loopreturns.com/*';
const LOOP_DETAILS = 'https://api.loopreturns.com/api/v1/warehouse/return/details';

/** Structured reads of the host apps: checks the Gorgias JSON a content script got; calls Loop's API with the saved key. */
export const siteReadHandlers: Handlers = {
  'sites.labels': async () => ({ labels: flatLabels(LOOP_LABELS) }),

  'gorgias.checkApiRead': async ({ ticketId, ticket, customer }, sender) => {
    if (sender.kind !== 'content' || sender.app !== 'gorgias')
      throw new MessageError('forbidden', 'Only the Gorgias page asks this.');
    // The id must also be the one in the sender's own URL, not only the one the payload names.
    if (!new URL(sender.url).pathname.split('/').includes(ticketId))
      return { ok: false, data: null, reason: 'ticket id is not in the page URL' };
    const read = ticketFromApi(ticketId, ticket, customer);
    return read.ok
      ? { ok: true, data: read.data, reason: '' }
      : { ok: false, data: null, reason: read.reason.slice(0, 300) };
  },

  'loop.readReturn': async ({ returnId }, sender) => {
    if (sender.kind !== 'content' || sender.app !== 'loop')
      throw new MessageError('forbidden', 'Only the Loop page asks this.');
    if (!new URL(sender.url).pathname.split('/').includes(returnId))
      return { status: 'failed', data: null, reason: 'return id is not in the page URL' };
    const key = await getLoopApiKey();
    if (!key) return { status: 'no-key', data: null, reason: '' };
    if (!(await browser.permissions.contains({ origins: [LOOP_API_ORIGIN] })))
      return {
        status: 'no-permission',
        data: null,
        reason: 'Counterpart may not reach Loop’s API: save the key again in the options.',
      };
    try {
      const res = await fetch(`${LOOP_DETAILS}?return_id=${encodeURIComponent(returnId)}`, {
        headers: { 'X-Authorization': key, Accept: 'application/json' },
        credentials: 'omit',
      });
      if (!res.ok) return { status: 'failed', data: null, reason: `Loop answered ${res.status}` };
      const read = returnFromApi(returnId, (await res.json()) as unknown);
      if (!read.ok) return { status: 'failed', data: null, reason: read.reason.slice(0, 300) };
      return { status: 'ok', data: read.data, reason: '' };
    } catch (error) {
      return {
        status: 'failed',
        data: null,
        reason: (error instanceof Error ? error.message : String(error)).slice(0, 300),
      };
    }
  },

  'loop.apiKeyStatus': async () => ({ hasKey: (await getLoopApiKey()) !== null }),

  'loop.saveApiKey': async ({ apiKey }) => {
    await setLoopApiKey(apiKey);
    return { hasKey: apiKey.length > 0 };
  },
};
