/** Error codes a caller can act on; `message` is always a sentence a person can read. */
export const ERROR_CODES = [
  'invalid_request',
  'forbidden',
  'unknown_message',
  'not_found',
  'unavailable',
  'ai_error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface MessageErrorValue {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: MessageErrorValue };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** A failed message as a real error, for callers (TanStack Query) that want exceptions. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Returns the data of a result or throws its error as a `MessageError`. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new MessageError(result.error.code, result.error.message);
}
