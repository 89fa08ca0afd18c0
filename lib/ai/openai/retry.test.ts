import { describe, expect, it } from 'vitest';
import { AiError } from '../errors';
import { parseRetryAfter } from './errors';
import { abortableSleep, backoffDelay, withRetry } from './retry';

const opts = { baseDelayMs: 500, maxDelayMs: 8000, random: () => 1 };

describe('retry', () => {
  it('parses Retry-After as seconds, as an HTTP date, and retry-after-ms first', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '7' }))).toBe(7000);
    const now = () => Date.parse('Fri, 27 Nov 2026 04:00:00 GMT');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Fri, 27 Nov 2026 04:00:30 GMT' }), now)).toBe(30_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '7', 'retry-after-ms': '1500' }))).toBe(1500);
    expect(parseRetryAfter(new Headers({}))).toBeUndefined();
  });

  it('doubles the step and caps it at maxDelayMs (random 1 = full step)', () => {
    const error = new AiError('server', 'x', { retryable: true });
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, error, opts))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelay(2, error, { ...opts, random: () => 0 })).toBe(1000);
  });

  it('gives up at once when the server asks for a longer wait than allowed', async () => {
    let calls = 0;
    const slept: number[] = [];
    const run = withRetry(
      async () => {
        calls += 1;
        throw new AiError('rate_limit', 'slow down', { retryable: true, retryAfterMs: 120_000 });
      },
      (e) => e as AiError,
      { ...opts, maxRetries: 3, maxRetryAfterMs: 60_000, sleep: async (ms) => void slept.push(ms) },
    );
    await expect(run).rejects.toMatchObject({ kind: 'rate_limit' });
    expect(calls).toBe(1);
    expect(slept).toEqual([]);
  });

  it('rejects a pending sleep when the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ kind: 'aborted' });
  });
});
