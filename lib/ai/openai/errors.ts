/** Maps errors of the `openai` client to {@link AiError}s with a specific, actionable message. */
import OpenAI from 'openai';
import { nowMs } from '../../clock';
import { AiError } from '../errors';

export interface ErrorContext {
  baseURL: string;
  model: string;
  /** For HTTP-date Retry-After values; injectable for tests. */
  now?: () => number;
}

/** Parses `retry-after-ms` / `Retry-After` (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers | undefined, now: () => number = nowMs): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

function bodyMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : '';
}

/** Converts anything thrown by the client into an AiError (AiErrors pass through). */
export function toAiError(error: unknown, ctx: ErrorContext): AiError {
  if (error instanceof AiError) return error;
  const host = hostOf(ctx.baseURL);
  if (error instanceof OpenAI.APIUserAbortError) return new AiError('aborted', 'Cancelled.', { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new AiError('timeout', `The AI server at ${host} did not answer in time.`, {
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause;
    const causeText = cause instanceof Error ? `${cause.message} ${String(cause.cause ?? '')}` : String(cause ?? '');
    // In an extension, fetch rejects with exactly "Failed to fetch" when the host permission for
    // the endpoint is missing or the server refuses CORS; Node's undici says "fetch failed".
    if (/Failed to fetch|NetworkError when attempting to fetch|Load failed/i.test(causeText)) {
      return new AiError(
        'host_permission',
        `The browser blocked the request to ${host}. Grant Counterpart access to ${host} on the options page (host permission); for a local server also allow the extension's origin (Ollama: set OLLAMA_ORIGINS=chrome-extension://*). If it still fails, check that the server is running.`,
        { retryable: false, cause: error },
      );
    }
    return new AiError(
      'network',
      `Cannot reach the AI server at ${host}: the network is down or the server is not running (${causeText.trim() || 'connection failed'}).`,
      { retryable: true, cause: error },
    );
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    const message = bodyMessage(error);
    const code = `${error.code ?? ''} ${error.type ?? ''}`;
    const retryAfterMs = parseRetryAfter(error.headers, ctx.now);
    if (status === 401) {
      return new AiError('auth', `The API key was rejected by ${host} (401). Check the key on the options page.`, {
        status,
        cause: error,
      });
    }
    if (status === 403) {
      return new AiError(
        'auth',
        `Access denied by ${host} (403): the key has no access to model "${ctx.model}" or this endpoint.`,
        {
          status,
          cause: error,
        },
      );
    }
    if (status === 404) {
      if (/model/i.test(`${code} ${message}`)) {
        return new AiError(
          'model_not_found',
          `Model "${ctx.model}" was not found on ${host}. Check the model name (for Ollama: pull it first; for Azure: use the deployment name).`,
          { status, cause: error },
        );
      }
      return new AiError(
        'bad_request',
        `${host} has no chat completions endpoint here (404). Check that the base URL ends with /v1.`,
        {
          status,
          cause: error,
        },
      );
    }
    if (status === 429) {
      if (/insufficient_quota/i.test(code) || /quota|billing/i.test(message)) {
        return new AiError(
          'quota',
          `The account behind this API key has run out of quota at ${host}. Add credit or raise the limit; retrying will not help.`,
          {
            status,
            cause: error,
          },
        );
      }
      const wait = retryAfterMs === undefined ? '' : ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.`;
      return new AiError('rate_limit', `Rate limit reached at ${host}.${wait}`, {
        status,
        retryAfterMs,
        retryable: true,
        cause: error,
      });
    }
    if (status === 408 || status >= 500) {
      return new AiError('server', `The AI server at ${host} failed (${status})${message ? `: ${message}` : ''}.`, {
        status,
        retryAfterMs,
        retryable: true,
        cause: error,
      });
    }
    return new AiError(
      'bad_request',
      `The AI server at ${host} rejected the request (${status})${message ? `: ${message}` : ''}.`,
      {
        status,
        cause: error,
      },
    );
  }
  if (error instanceof Error && error.name === 'AbortError')
    return new AiError('aborted', 'Cancelled.', { cause: error });
  return new AiError('network', `AI call failed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}
