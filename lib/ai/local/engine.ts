/**
 * The local engine: deterministic, offline, no key. It owns no rules itself; each process
 * (cs, returns, …) registers its task functions (rules, small models, templates) by task name.
 */
import { z } from 'zod';
import { finishDraft, parseJsonAgainst } from '../check';
import { AiError } from '../errors';
import type {
  AiMeta,
  AiOperation,
  AiProvider,
  ClassifyOutput,
  ClassifyRequest,
  Clock,
  DraftRequest,
  ExtractRequest,
} from '../types';
import { systemClock } from '../types';

export type LocalClassifier = (request: ClassifyRequest) => ClassifyOutput | Promise<ClassifyOutput>;
/** Returns a value that must pass `request.schema`. */
export type LocalExtractor = (request: ExtractRequest<unknown>) => unknown;
export type LocalDrafter = (request: DraftRequest) => string | Promise<string>;

export interface LocalTasks {
  classify?: Record<string, LocalClassifier>;
  extract?: Record<string, LocalExtractor>;
  draft?: Record<string, LocalDrafter>;
}

export interface LocalEngine extends AiProvider {
  /** Adds or replaces the functions for some tasks (process issues call this at setup). */
  register(tasks: LocalTasks): void;
}

export const LOCAL_PROVIDER_ID = 'local';

/** Sorts by confidence (ties by label) and keeps only labels from the request's set, once each. */
export function normaliseLabels(output: ClassifyOutput, allowed: readonly string[]): ClassifyOutput {
  const seen = new Set<string>();
  const labels = output.labels
    .filter((l) => allowed.includes(l.label) && !seen.has(l.label) && seen.add(l.label))
    .map((l) => ({ label: l.label, confidence: Math.min(1, Math.max(0, l.confidence)) }))
    .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
  return { labels };
}

/** Creates the local engine over the given task functions. */
export function createLocalEngine(
  tasks: LocalTasks = {},
  options: { model?: string; clock?: Clock } = {},
): LocalEngine {
  const registry: Required<LocalTasks> = { classify: {}, extract: {}, draft: {} };
  const clock = options.clock ?? systemClock;
  const model = options.model ?? 'rules-v1';
  const register = (more: LocalTasks): void => {
    Object.assign(registry.classify, more.classify);
    Object.assign(registry.extract, more.extract);
    Object.assign(registry.draft, more.draft);
  };
  register(tasks);

  const missing = (operation: AiOperation, task: string): AiError =>
    new AiError('no_local_engine', `No local ${operation} function is registered for task "${task}".`);
  const meta = (operation: AiOperation, started: number): AiMeta => ({
    provider: LOCAL_PROVIDER_ID,
    model,
    operation,
    durationMs: Math.max(0, clock() - started),
  });

  return {
    id: LOCAL_PROVIDER_ID,
    model,
    register,
    async classify(request) {
      const fn = registry.classify[request.task];
      if (!fn) throw missing('classify', request.task);
      const started = clock();
      const value = normaliseLabels(await fn(request), request.labels);
      return { value, meta: meta('classify', started), sources: request.sources };
    },
    async extract<T>(request: ExtractRequest<T>) {
      const fn = registry.extract[request.task];
      if (!fn) throw missing('extract', request.task);
      const started = clock();
      const raw = await fn(request as ExtractRequest<unknown>);
      // Local rules are held to the same schema as the model.
      const parsed = parseJsonAgainst(request.schema, JSON.stringify(raw ?? null));
      if (!parsed.ok)
        throw new AiError('output_invalid', `Local extractor for "${request.task}" broke its schema: ${parsed.error}`);
      return { value: parsed.value, meta: meta('extract', started), sources: request.sources };
    },
    async draft(request) {
      const fn = registry.draft[request.task];
      if (!fn) throw missing('draft', request.task);
      const started = clock();
      const text = z.string().parse(await fn(request));
      request.onDelta?.(text);
      return { value: finishDraft(text, request.sources), meta: meta('draft', started), sources: request.sources };
    },
  };
}
