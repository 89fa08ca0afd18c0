/**
 * The one reader of the wall clock (and of the monotonic timer) in Counterpart.
 *
 * Engines (`lib/cs`, `lib/returns`, `lib/planning`, `lib/listings`) never read the clock: they take
 * the dates they judge by as inputs, and judge a record by its own dates where it has them (a return
 * by when the customer asked, a plan by its plan day, insights by the newest stored line). The
 * entrypoints, the page runtime, the CLI and storage code ask this module for "now" and pass it on.
 * `lib/conventions.test.ts` fails when any other source file reads the clock.
 *
 * Tests never depend on the day they run: they pass fixed dates, and CI runs the unit suite again
 * with the clock moved forward three years (`faketime -f +3y`, see README).
 */

/** Now, as a Date. */
export function now(): Date {
  return new Date();
}

/** Now, in milliseconds since the epoch. */
export function nowMs(): number {
  return Date.now();
}

/** Now, as an ISO-8601 UTC timestamp (what records store in `at`, `importedAt`, `capturedAt`…). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A monotonic timestamp in milliseconds, for durations only (never a date). */
export function monotonicMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** The calendar day of `at` in the browser's time zone, as YYYY-MM-DD (what a person calls "today"). */
export function localDay(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

/** The UTC calendar day of `at`, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
