import { browser } from 'wxt/browser';
import { writeResultSchema } from '../../lib/messaging/contract/core';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';

/** Relays the panel's write actions to the content script of the panel's own tab (top frame only). */
export const pageWriteHandlers: Handlers = {
  'page.write': async (action, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks for page writes.');
    let answer: unknown;
    try {
      answer = await browser.tabs.sendMessage(sender.tabId, { type: 'content.write', payload: action }, { frameId: 0 });
    } catch {
      throw new MessageError('unavailable', 'The page is not reachable. Reload it and try again.');
    }
    const parsed = writeResultSchema.safeParse(answer);
    if (!parsed.success)
      throw new MessageError('unavailable', 'The page did not confirm the change. Reload it and try again.');
    return parsed.data;
  },
};
