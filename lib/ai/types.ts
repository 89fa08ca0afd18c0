/**
 * The AI layer's contract: one provider interface with three operations (classify, extract,
 * draft), each call carrying the sources it may use, each result saying who produced it,
 * with which model, at what cost in tokens and time.
 */
import type { z } from 'zod';
import * as clock from '../clock';
import type { FactCheckResult } from './guards/factcheck';

export const AI_OPERATIONS = ['classify', 'extract', 'draft'] as const;
export type AiOperation = (typeof AI_OPERATIONS)[number];

/** A piece of material the model may use (order fields, policy clause, past reply). */
export interface AiSource {
  /** Stable id shown in citations, e.g. "order", "policy:returns-30-days". */
  id: string;
  /** Human label for the panel, e.g. "Shopify order #1047". */
  label: string;
  text: string;
}

export interface AiUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
}

/** Provenance of every result. */
export interface AiMeta {
  /** "local", "openai", … (the provider id, not the vendor's marketing name). */
  provider: string;
  model: string;
  operation: AiOperation;
  /** Token counts when the provider reports them; absent for the local engine. */
  usage?: AiUsage;
  durationMs: number;
  /** Served from the cache; usage then describes the original call. */
  cached?: boolean;
  /** The remote answer was unusable or the call failed and the local engine answered instead. */
  fallback?: boolean;
  /** A sentence for the panel, e.g. "model answer unusable — local result shown". */
  notice?: string;
  /** The model answer needed one repair round to pass its schema. */
  repaired?: boolean;
  /** With `fallback`: why the remote provider was not used (an AiErrorKind). */
  errorKind?: string;
}

export interface AiResult<T> {
  value: T;
  meta: AiMeta;
  /** The sources the call was given (for citations). */
  sources: AiSource[];
}

interface BaseRequest {
  /** Task name the local engine dispatches on, e.g. "cs.intent", "returns.reason". */
  task: string;
  sources: AiSource[];
  /** Extra task instructions for the model (system side, trusted). */
  instructions?: string;
  /** Image URLs (https: or data:) for vision-capable models; ignored otherwise. */
  images?: string[];
  signal?: AbortSignal;
}

export interface ClassifyRequest extends BaseRequest {
  /** The untrusted text to classify (customer message, page text). */
  text: string;
  labels: readonly string[];
  /** More than one label may apply. */
  multiLabel?: boolean;
}

export interface LabelScore {
  label: string;
  /** 0..1 */
  confidence: number;
}

export interface ClassifyOutput {
  /** Sorted by confidence, highest first; only labels from the request's label set. */
  labels: LabelScore[];
}

export interface ExtractRequest<T> extends BaseRequest {
  text: string;
  schema: z.ZodType<T>;
  /** Name of the schema (JSON-schema name for the model, part of the cache key). */
  schemaName: string;
  /**
   * When set, a remote provider streams the answer and calls this with the raw (unchecked) JSON
   * text so far; each attempt (repair round) starts again from empty. Display only: the result
   * is still the schema-checked value. Not part of the cache key.
   */
  onPartial?: (content: string) => void;
}

export interface DraftRequest extends BaseRequest {
  /** What to write (trusted, from our templates), e.g. "Reply to the customer about the late parcel." */
  instructions: string;
  /** Untrusted text the draft answers (the customer message); wrapped as data in prompts. */
  text?: string;
  /** Called with each streamed piece of text, in order. */
  onDelta?: (delta: string) => void;
}

export interface DraftOutput {
  text: string;
  /** Facts in the draft that are not in its sources. */
  facts: FactCheckResult;
}

/** Anything that can answer the three operations: the local engine, a remote model, wrappers. */
export interface AiProvider {
  readonly id: string;
  readonly model: string;
  classify(request: ClassifyRequest): Promise<AiResult<ClassifyOutput>>;
  extract<T>(request: ExtractRequest<T>): Promise<AiResult<T>>;
  draft(request: DraftRequest): Promise<AiResult<DraftOutput>>;
}

/** Milliseconds since an arbitrary origin; injectable so durations are testable. */
export type Clock = () => number;

export const systemClock: Clock = clock.monotonicMs;
