import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from './contract';
import { fail, type Result, unwrap } from './result';

/** Answers a call without asking the background (the panel's answers given ahead, `./ahead.ts`); none elsewhere. */
let answerFirst: ((type: string, payload: unknown) => Promise<Result<unknown> | undefined>) | null = null;
export function setAnswerFirst(fn: typeof answerFirst): void {
  answerFirst = fn;
}

/**
 * Calls the background with one typed message. Never rejects: a closed channel (extension
 * updated or reloaded, worker gone) comes back as an `unavailable` error value.
 */
export async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  const early = answerFirst ? await answerFirst(type, payload) : undefined;
  if (early) return early as Result<ResponseOf<K>>;
  try {
    const answer = (await browser.runtime.sendMessage({ type, payload })) as Result<ResponseOf<K>> | undefined;
    if (!answer || typeof answer !== 'object' || !('ok' in answer)) {
      return fail('unavailable', 'Counterpart’s background did not answer. Reload the page.');
    }
    return answer;
  } catch (error) {
    return fail('unavailable', describeChannelError(error));
  }
}

/** Same as `call`, but throws a `MessageError`: for TanStack Query functions. */
export async function callOrThrow<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return unwrap(await call(type, payload));
}

/** What a content script says once the extension was updated or reloaded under it. */
export const RELOAD_NOTICE = 'Counterpart was updated or reloaded. Reload this page to continue.';

/** Turns the browser's channel errors into a sentence for a person. */
export function describeChannelError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/context invalidated|Extension context/i.test(text)) {
    return RELOAD_NOTICE;
  }
  if (/Receiving end does not exist|Could not establish connection/i.test(text)) {
    return 'Counterpart’s background is not reachable. Reload the page.';
  }
  return `Could not reach Counterpart’s background: ${text}`;
}
