import { browser } from 'wxt/browser';
import * as clock from '../../lib/clock';
import type { ResponseOf } from '../../lib/messaging/contract';
import { DRAFT_PORT, type DraftPortIn, draftPortOut } from '../../lib/messaging/contract/draft-port';

export type DraftAnswer = ResponseOf<'cs.draftReply'>;

let counter = 0;

/**
 * Asks the background for a draft of this tab's ticket over the `ai.draft` Port: `onText` gets
 * the (unchecked) text as the model writes it; the promise resolves with the checked result.
 * Aborting `signal` sends `cancel` and disconnects, which aborts the model call.
 */
export function streamDraft(args: {
  regenerate: boolean;
  onText: (text: string) => void;
  signal: AbortSignal;
}): Promise<DraftAnswer> {
  return new Promise<DraftAnswer>((resolve, reject) => {
    const abortError = () => new DOMException('The draft was cancelled.', 'AbortError');
    if (args.signal.aborted) return reject(abortError());
    counter += 1;
    const requestId = `draft-${clock.nowMs()}-${counter}`;
    const port = browser.runtime.connect({ name: DRAFT_PORT });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      args.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const send = (message: DraftPortIn): void => port.postMessage(message);
    const onAbort = (): void => {
      try {
        send({ type: 'cancel', requestId });
        port.disconnect();
      } catch {
        // Already disconnected.
      }
      finish(() => reject(abortError()));
    };
    args.signal.addEventListener('abort', onAbort);
    port.onMessage.addListener((raw: unknown) => {
      const parsed = draftPortOut.safeParse(raw);
      if (!parsed.success || parsed.data.requestId !== requestId) return;
      const message = parsed.data;
      if (message.type === 'delta') {
        if (!settled) args.onText(message.text);
        return;
      }
      port.disconnect();
      if (message.type === 'done') finish(() => resolve(message.result));
      else finish(() => reject(new Error(message.message)));
    });
    port.onDisconnect.addListener(() =>
      finish(() => reject(new Error('The connection to the extension closed; try again.'))),
    );
    send({ type: 'start', requestId, regenerate: args.regenerate });
  });
}
