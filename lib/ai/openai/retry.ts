/** Our own retry loop (the client runs with maxRetries: 0) so backoff is testable and deterministic. */
import { AiError } from '../errors';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step in ms; doubles each retry. */
  baseDelayMs: number;
  /** Cap of one backoff step. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for; the error is thrown instead. */
  maxRetryAfterMs: number;
  sleep: Sleep;
  /** 0..1, for jitter. */
  random: () => number;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; error: AiError }) => void;
}

export const DEFAULT_RETRY: Omit<RetryOptions, 'signal' | 'onRetry'> = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  sleep: abortableSleep,
  random: Math.random,
};

/** setTimeout-based sleep that rejects with an 'aborted' AiError when the signal fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AiError('aborted', 'Cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AiError('aborted', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Delay before retry number `attempt` (0-based): the server's Retry-After when given, else
 * "equal jitter" exponential backoff — half the step fixed, half random — so clients that
 * failed together do not retry together.
 */
export function backoffDelay(
  attempt: number,
  error: AiError,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + options.random() * (step / 2));
}

/** Runs `attempt` until it succeeds, a non-retryable error occurs, or retries run out. */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  toError: (error: unknown) => AiError,
  options: RetryOptions,
): Promise<T> {
  for (let n = 0; ; n += 1) {
    if (options.signal?.aborted) throw new AiError('aborted', 'Cancelled.');
    try {
      return await attempt(n);
    } catch (raw) {
      const error = toError(raw);
      if (!error.retryable || n >= options.maxRetries || options.signal?.aborted) throw error;
      const delayMs = backoffDelay(n, error, options);
      if (delayMs > options.maxRetryAfterMs) throw error;
      options.onRetry?.({ attempt: n + 1, delayMs, error });
      await options.sleep(delayMs, options.signal);
    }
  }
}
