import { browser } from 'wxt/browser';
import { isAbort } from '../../lib/ai/errors';
import { throttleText } from '../../lib/ai/throttle';
import * as clock from '../../lib/clock';
import { DRAFT_PORT, type DraftPortOut, draftPortIn } from '../../lib/messaging/contract/draft-port';
import { classifySender, type Sender } from '../../lib/messaging/trust';
import { draftForPanel } from './cs';
import { trustEnv } from './trust-env';

/** At most one delta message per this many ms (the last text always goes out with `done`). */
const DELTA_INTERVAL_MS = 50;

/**
 * The `ai.draft` Port: a panel asks for a streamed draft of its own tab's ticket (read from the
 * tab's snapshot, never from the message), gets the text as it is written, then the checked
 * result. `cancel` or a disconnect (the panel moved to another ticket or closed) aborts the model call.
 */
export function setupDraftPort(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DRAFT_PORT) return;
    const sender = classifySender(port.sender ?? {}, trustEnv());
    if (sender?.kind !== 'panel') return port.disconnect();
    const running = new Map<string, AbortController>();
    let open = true;
    const post = (message: DraftPortOut): void => {
      if (!open) return;
      try {
        port.postMessage(message);
      } catch {
        // The panel went away mid-send; its disconnect aborts the work.
      }
    };

    port.onDisconnect.addListener(() => {
      open = false;
      for (const controller of running.values()) controller.abort();
      running.clear();
    });

    port.onMessage.addListener((raw: unknown) => {
      const parsed = draftPortIn.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'cancel') {
        running.get(message.requestId)?.abort();
        running.delete(message.requestId);
        return;
      }
      const { requestId, regenerate } = message;
      running.get(requestId)?.abort();
      const controller = new AbortController();
      running.set(requestId, controller);
      void run(sender, requestId, regenerate, controller, post).finally(() => {
        if (running.get(requestId) === controller) running.delete(requestId);
      });
    });
  });

  async function run(
    sender: Sender,
    requestId: string,
    regenerate: boolean,
    controller: AbortController,
    post: (message: DraftPortOut) => void,
  ): Promise<void> {
    const onText = throttleText(
      (text) => post({ type: 'delta', requestId, text: text.slice(0, 20_000) }),
      DELTA_INTERVAL_MS,
      clock.nowMs,
    );
    try {
      const result = await draftForPanel(sender, regenerate, { signal: controller.signal, onText });
      if (!controller.signal.aborted) post({ type: 'done', requestId, result });
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
