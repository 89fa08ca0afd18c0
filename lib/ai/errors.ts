/** Typed errors of the AI layer with a sentence a user can act on. */

export const AI_ERROR_KINDS = [
  'auth',
  'model_not_found',
  'rate_limit',
  'quota',
  'server',
  'network',
  'host_permission',
  'timeout',
  'aborted',
  'bad_request',
  'output_invalid',
  'no_local_engine',
] as const;
export type AiErrorKind = (typeof AI_ERROR_KINDS)[number];

export class AiError extends Error {
  readonly kind: AiErrorKind;
  readonly status: number | undefined;
  /** Server-requested wait before retrying (Retry-After), in ms. */
  readonly retryAfterMs: number | undefined;
  /** Worth retrying with backoff (429 rate limit, 5xx, timeouts, dropped connections). */
  readonly retryable: boolean;

  constructor(
    kind: AiErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AiError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? false;
  }
}

/** True for errors caused by the caller cancelling. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof AiError && error.kind === 'aborted') ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError'))
  );
}
