/**
 * Output checking: every model answer is parsed against its schema; one repair round; then
 * the local engine answers with a visible notice. Nothing unvalidated is returned.
 */
import type { z } from 'zod';
import { AiError, isAbort } from './errors';
import { factCheck } from './guards/factcheck';
import type { AiProvider, AiResult, AiSource, AiUsage, DraftOutput } from './types';

export const UNUSABLE_NOTICE = 'model answer unusable — local result shown';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Strips a ```json fence some models add around JSON answers. */
function unfence(content: string): string {
  const m = /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?```\s*$/i.exec(content);
  return (m?.[1] ?? content).trim();
}

/** Parses `content` as JSON (fences tolerated) and validates it with `schema`; the error says what to fix. */
export function parseJsonAgainst<T>(
  schema: z.ZodType<T>,
  content: string,
  transform?: (raw: unknown) => unknown,
): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(unfence(content));
  } catch (error) {
    return {
      ok: false,
      error: `The answer is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  const result = schema.safeParse(transform ? transform(raw) : raw);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, error: `The JSON does not match the schema: ${issues}.` };
}

export interface RawAnswer {
  content: string;
  usage?: AiUsage;
}

/** Adds token counts; unknown stays unknown only if both are unknown. */
export function addUsage(a: AiUsage | undefined, b: AiUsage | undefined): AiUsage | undefined {
  if (!a) return b;
  if (!b) return a;
  const sum = (x?: number, y?: number): number | undefined =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  return {
    inputTokens: sum(a.inputTokens, b.inputTokens),
    outputTokens: sum(a.outputTokens, b.outputTokens),
    totalTokens: sum(a.totalTokens, b.totalTokens),
  };
}

/**
 * Asks once, validates, and on failure asks once more with the validation error (the repair
 * round). Throws an `output_invalid` AiError when the second answer fails too.
 */
export async function askChecked<T>(args: {
  schema: z.ZodType<T>;
  ask: () => Promise<RawAnswer>;
  repair: (badAnswer: string, error: string) => Promise<RawAnswer>;
  /** Applied to the parsed JSON before validation (e.g. restoring redacted PII). */
  transform?: (raw: unknown) => unknown;
}): Promise<{ value: T; usage?: AiUsage; repaired: boolean }> {
  const first = await args.ask();
  const firstParsed = parseJsonAgainst(args.schema, first.content, args.transform);
  if (firstParsed.ok) return { value: firstParsed.value, usage: first.usage, repaired: false };
  const second = await args.repair(first.content, firstParsed.error);
  const usage = addUsage(first.usage, second.usage);
  const secondParsed = parseJsonAgainst(args.schema, second.content, args.transform);
  if (secondParsed.ok) return { value: secondParsed.value, usage, repaired: true };
  throw new AiError(
    'output_invalid',
    `The model answer did not match its schema after one repair: ${secondParsed.error}`,
  );
}

/** A draft's text plus the fact check against its sources. */
export function finishDraft(text: string, sources: AiSource[]): DraftOutput {
  return {
    text,
    facts: factCheck(
      text,
      sources.map((s) => s.text),
    ),
  };
}

export interface FallbackOptions {
  /** Also fall back when the remote call fails (auth, network, quota…), not only on unusable answers. Default true (offline first). */
  onProviderError?: boolean;
  /** Told about every fallback, e.g. to log it. */
  onFallback?: (error: AiError) => void;
}

/**
 * A provider that asks `remote` and, when its answer is unusable (or, by default, when the
 * call fails), answers with `local` and says so in `meta.notice`. Cancellation is never
 * turned into a fallback.
 */
export function withLocalFallback(remote: AiProvider, local: AiProvider, options: FallbackOptions = {}): AiProvider {
  const onProviderError = options.onProviderError ?? true;
  async function guarded<T>(
    call: () => Promise<AiResult<T>>,
    fallback: () => Promise<AiResult<T>>,
  ): Promise<AiResult<T>> {
    try {
      return await call();
    } catch (raw) {
      if (isAbort(raw)) throw raw;
      const error =
        raw instanceof AiError
          ? raw
          : new AiError('network', raw instanceof Error ? raw.message : String(raw), { cause: raw });
      if (error.kind !== 'output_invalid' && !onProviderError) throw error;
      options.onFallback?.(error);
      const result = await fallback();
      const notice = error.kind === 'output_invalid' ? UNUSABLE_NOTICE : `${error.message} — local result shown`;
      return { ...result, meta: { ...result.meta, fallback: true, notice, errorKind: error.kind } };
    }
  }
  return {
    id: remote.id,
    model: remote.model,
    classify: (request) =>
      guarded(
        () => remote.classify(request),
        () => local.classify(request),
      ),
    extract: (request) =>
      guarded(
        () => remote.extract(request),
        () => local.extract(request),
      ),
    draft: (request) =>
      guarded(
        () => remote.draft(request),
        () => local.draft(request),
      ),
  };
}
