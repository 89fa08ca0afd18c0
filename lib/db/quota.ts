/**
 * Full storage: IndexedDB refuses a write with a `QuotaExceededError` (a `DOMException`, which
 * Dexie passes on as `Dexie.QuotaExceededError`, or as the `inner` error of the transaction's
 * `AbortError`). Writes that span tables run in one transaction, so a refused write leaves none of
 * them half-done; this module turns the error into a sentence a person can act on.
 */

/** The one message a person sees when storage is full. */
export const QUOTA_MESSAGE =
  'The browser’s storage for Counterpart is full, so nothing was saved. Shorten “Keep data for” under Data retention in the options (older snapshots, AI cache, usage and audit rows are then removed), or free disk space, and try again.';

/** Whether `error` (or an error it wraps) is the browser refusing a write for lack of space. */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = inner ?? cause;
  }
  return false;
}

/** The message to show for a failed write: the quota sentence for full storage, else the error's own message. */
export function storageErrorMessage(error: unknown): string {
  if (isQuotaError(error)) return QUOTA_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}
