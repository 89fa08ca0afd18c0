/**
 * OpenAI-compatible provider on the official `openai` client: OpenAI, Azure OpenAI's v1
 * endpoint, Ollama, LM Studio, vLLM. Structured outputs from zod via JSON schema, streamed
 * drafts, vision input, timeout, our own retry loop, cancellation, PII redaction.
 */
import OpenAI from 'openai';
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { askChecked, finishDraft, type RawAnswer } from '../check';
import { AiError } from '../errors';
import { type PiiKind, type RedactionMap, redact, restore, restoreDeep } from '../guards/redact';
import { normaliseLabels } from '../local/engine';
import {
  type ChatMessage,
  classifyPrompt,
  draftPrompt,
  extractPrompt,
  type NonceSource,
  randomNonce,
  repairPrompt,
} from '../prompts';
import type {
  AiMeta,
  AiOperation,
  AiProvider,
  AiResult,
  AiSource,
  AiUsage,
  ClassifyOutput,
  ClassifyRequest,
  Clock,
  DraftOutput,
  DraftRequest,
  ExtractRequest,
} from '../types';
import { systemClock } from '../types';
import { toAiError } from './errors';
import { DEFAULT_RETRY, type RetryOptions, withRetry } from './retry';

export interface OpenAiProviderConfig {
  /** Provider id in results and usage records; default "openai". */
  id?: string;
  /** e.g. https://api.openai.com/v1, https://<resource>.openai.azure.com/openai/v1/, http://localhost:11434/v1 */
  baseURL: string;
  /** May be empty for local servers (Ollama, LM Studio, vLLM). */
  apiKey: string;
  model: string;
  /** Per request; default 60 s. */
  timeoutMs?: number;
  /** The model accepts image inputs. */
  vision?: boolean;
  /** PII kinds to redact before sending (all on by default); false turns redaction off. */
  redaction?: Partial<Record<PiiKind, boolean>> | false;
  /** "json_schema" (default) sends the zod schema as JSON schema; "json_object" only asks for JSON (older local servers). */
  structuredOutputs?: 'json_schema' | 'json_object';
  /** Ask for token usage in streamed drafts (stream_options.include_usage); default true. */
  streamUsage?: boolean;
  temperature?: number;
  retry?: Partial<Omit<RetryOptions, 'signal'>>;
  clock?: Clock;
  nonce?: NonceSource;
  /** For tests or a custom transport. */
  fetch?: typeof fetch;
}

/** Settings → the shape the options page stores (without the key, which stays in the background). */
export const OpenAiSettingsSchema = z.object({
  baseURL: z.url(),
  model: z.string().min(1),
  timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
  vision: z.boolean().default(false),
  structuredOutputs: z.enum(['json_schema', 'json_object']).default('json_schema'),
  redaction: z
    .object({ email: z.boolean(), phone: z.boolean(), address: z.boolean(), card: z.boolean() })
    .default({ email: true, phone: true, address: true, card: true }),
});
export type OpenAiSettings = z.infer<typeof OpenAiSettingsSchema>;

export interface OpenAiProvider extends AiProvider {
  /** Model ids the server offers (for "Test connection" on the options page). */
  listModels(signal?: AbortSignal): Promise<string[]>;
}

type Message = ChatMessage | { role: 'assistant'; content: string };

/** OpenAI requires ^[a-zA-Z0-9_-]{1,64}$ for schema names. */
function schemaNameFor(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'answer';
}

/** Strict mode needs every property required and no extra properties, recursively. */
function strictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(strictCompatible);
  if (schema === null || typeof schema !== 'object') return true;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' || node.properties !== undefined) {
    const props = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false || props.some((p) => !required.has(p))) return false;
  }
  return Object.values(node).every(strictCompatible);
}

/** JSON schema for a zod schema, or undefined when zod cannot express it (transforms, dates). */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> | undefined {
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
    return rest;
  } catch {
    return undefined;
  }
}

/** Holds back a possibly split "[EMAIL_1" at the end of streamed text so placeholders restore whole. */
function streamRestorer(map: RedactionMap, emit: (text: string) => void): { push(delta: string): void; flush(): void } {
  let pending = '';
  return {
    push(delta) {
      pending += delta;
      const open = pending.lastIndexOf('[');
      const cut = open >= 0 && !pending.includes(']', open) && pending.length - open < 24 ? open : pending.length;
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      if (ready) emit(restore(ready, map));
    },
    flush() {
      if (pending) emit(restore(pending, map));
      pending = '';
    },
  };
}

/** Creates the OpenAI-compatible provider. The client runs with maxRetries 0; retries are ours. */
export function createOpenAiProvider(config: OpenAiProviderConfig): OpenAiProvider {
  const id = config.id ?? 'openai';
  const clock = config.clock ?? systemClock;
  const nonce = config.nonce ?? randomNonce;
  const retry = { ...DEFAULT_RETRY, ...config.retry };
  const isAzure = /\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$/i.test(safeHost(config.baseURL));
  const client = new OpenAI({
    baseURL: config.baseURL,
    // The client refuses an empty key; local servers ignore it.
    apiKey: config.apiKey || 'no-key',
    maxRetries: 0,
    timeout: config.timeoutMs ?? 60_000,
    // Azure's v1 endpoint takes the key in `api-key`; Bearer works too but this is the documented form.
    defaultHeaders: isAzure && config.apiKey ? { 'api-key': config.apiKey } : undefined,
    fetch: config.fetch,
    // The client refuses to run where `window` and `document` exist, to keep keys out of web pages.
    // Firefox's MV2 background is such a page, but an extension's own one: this module is imported by
    // the background only (lib/conventions.test.ts checks the built bundles), the key is read there
    // from lib/db/secrets.ts and never reaches a web page, a content script or a message.
    dangerouslyAllowBrowser: true,
  });
  const ctx = { baseURL: config.baseURL, model: config.model };
  const toError = (error: unknown): AiError => toAiError(error, ctx);

  function redactAll(
    text: string | undefined,
    sources: AiSource[],
  ): { text: string | undefined; sources: AiSource[]; map: RedactionMap } {
    if (config.redaction === false) return { text, sources, map: {} };
    const kinds = config.redaction ?? {};
    let map: RedactionMap = {};
    const red = (s: string): string => {
      const r = redact(s, { ...kinds, map });
      map = r.map;
      return r.text;
    };
    const redText = text === undefined ? undefined : red(text);
    const redSources = sources.map((s) => ({ ...s, text: red(s.text) }));
    return { text: redText, sources: redSources, map };
  }

  function toParams(messages: Message[], images: string[] | undefined): ChatCompletionMessageParam[] {
    const withImages = config.vision && images && images.length > 0;
    return messages.map((m, i): ChatCompletionMessageParam => {
      if (withImages && m.role === 'user' && i === 1) {
        const parts: ChatCompletionContentPart[] = [
          { type: 'text', text: m.content },
          ...images.map((url): ChatCompletionContentPart => ({ type: 'image_url', image_url: { url } })),
        ];
        return { role: 'user', content: parts };
      }
      return { role: m.role, content: m.content };
    });
  }

  function usageOf(u: OpenAI.CompletionUsage | null | undefined): AiUsage | undefined {
    if (!u) return undefined;
    return { inputTokens: u.prompt_tokens, outputTokens: u.completion_tokens, totalTokens: u.total_tokens };
  }

  async function complete(
    messages: Message[],
    images: string[] | undefined,
    format: OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject,
    signal: AbortSignal | undefined,
    onPartial?: (content: string) => void,
  ): Promise<RawAnswer> {
    if (onPartial) return completeStreamed(messages, images, format, signal, onPartial);
    const response = await withRetry(
      () =>
        client.chat.completions.create(
          {
            model: config.model,
            messages: toParams(messages, images),
            response_format: format,
            ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
          },
          { signal },
        ),
      toError,
      { ...retry, signal },
    );
    const choice = response.choices[0];
    const content = choice?.message.content ?? '';
    // A refusal is an unusable answer, handled like invalid JSON.
    return {
      content: content || (choice?.message.refusal ? `REFUSAL: ${choice.message.refusal}` : ''),
      usage: usageOf(response.usage),
    };
  }

  /** The same structured call, streamed: the JSON text so far goes to `onPartial` (display only). */
  async function completeStreamed(
    messages: Message[],
    images: string[] | undefined,
    format: OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject,
    signal: AbortSignal | undefined,
    onPartial: (content: string) => void,
  ): Promise<RawAnswer> {
    const stream = await withRetry(
      () =>
        client.chat.completions.create(
          {
            model: config.model,
            messages: toParams(messages, images),
            response_format: format,
            stream: true,
            ...(config.streamUsage === false ? {} : { stream_options: { include_usage: true } }),
            ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
          },
          { signal },
        ),
      toError,
      { ...retry, signal },
    );
    let content = '';
    let refusal = '';
    let usage: AiUsage | undefined;
    onPartial('');
    try {
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta;
        if (delta?.content) {
          content += delta.content;
          onPartial(content);
        }
        if (delta?.refusal) refusal += delta.refusal;
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
    } catch (error) {
      throw toError(error);
    }
    return { content: content || (refusal ? `REFUSAL: ${refusal}` : ''), usage };
  }

  function formatFor(
    name: string,
    jsonSchema: Record<string, unknown> | undefined,
  ): OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject {
    if (config.structuredOutputs === 'json_object' || !jsonSchema) return { type: 'json_object' };
    return {
      type: 'json_schema',
      json_schema: { name: schemaNameFor(name), schema: jsonSchema, strict: strictCompatible(jsonSchema) },
    };
  }

  async function structured<T>(
    operation: AiOperation,
    schema: z.ZodType<T>,
    name: string,
    messages: Message[],
    images: string[] | undefined,
    map: RedactionMap,
    signal: AbortSignal | undefined,
    onPartial?: (content: string) => void,
  ): Promise<{ value: T; usage?: AiUsage; repaired: boolean }> {
    const format = formatFor(name, jsonSchemaOf(schema));
    // Naive restore of placeholders in the partial text (display only; the checked value is restored properly).
    const partial = onPartial ? (content: string) => onPartial(restore(content, map)) : undefined;
    return askChecked({
      schema,
      transform: (raw) => restoreDeep(raw, map),
      ask: () => complete(messages, images, format, signal, partial),
      repair: (bad, error) =>
        complete(
          [...messages, { role: 'assistant', content: bad }, { role: 'user', content: repairPrompt(bad, error) }],
          images,
          format,
          signal,
          partial,
        ),
    }).catch((error: unknown) => {
      throw error instanceof AiError && error.kind === 'output_invalid'
        ? new AiError('output_invalid', `${operation}: ${error.message}`, { cause: error })
        : error;
    });
  }

  function meta(operation: AiOperation, started: number, usage: AiUsage | undefined, repaired: boolean): AiMeta {
    return {
      provider: id,
      model: config.model,
      operation,
      usage,
      durationMs: Math.max(0, clock() - started),
      ...(repaired ? { repaired } : {}),
    };
  }

  return {
    id,
    model: config.model,

    async classify(request: ClassifyRequest): Promise<AiResult<ClassifyOutput>> {
      const started = clock();
      if (request.labels.length === 0) throw new AiError('bad_request', 'classify needs at least one label.');
      const red = redactAll(request.text, request.sources);
      const messages = classifyPrompt({ ...request, text: red.text ?? '', sources: red.sources }, nonce());
      const schema = z.object({
        labels: z
          .array(
            z.object({ label: z.enum(request.labels as [string, ...string[]]), confidence: z.number().min(0).max(1) }),
          )
          .min(1),
      });
      const out = await structured(
        'classify',
        schema,
        `${request.task}_labels`,
        messages,
        request.images,
        red.map,
        request.signal,
      );
      return {
        value: normaliseLabels(out.value, request.labels),
        meta: meta('classify', started, out.usage, out.repaired),
        sources: request.sources,
      };
    },

    async extract<T>(request: ExtractRequest<T>): Promise<AiResult<T>> {
      const started = clock();
      const red = redactAll(request.text, request.sources);
      const messages = extractPrompt(
        { ...request, text: red.text ?? '', sources: red.sources, jsonSchema: jsonSchemaOf(request.schema) ?? {} },
        nonce(),
      );
      const out = await structured(
        'extract',
        request.schema,
        request.schemaName,
        messages,
        request.images,
        red.map,
        request.signal,
        request.onPartial,
      );
      return { value: out.value, meta: meta('extract', started, out.usage, out.repaired), sources: request.sources };
    },

    async draft(request: DraftRequest): Promise<AiResult<DraftOutput>> {
      const started = clock();
      const red = redactAll(request.text, request.sources);
      const messages = draftPrompt(
        { instructions: request.instructions, text: red.text, sources: red.sources },
        nonce(),
      );
      const stream = await withRetry(
        () =>
          client.chat.completions.create(
            {
              model: config.model,
              messages: toParams(messages, request.images),
              stream: true,
              ...(config.streamUsage === false ? {} : { stream_options: { include_usage: true } }),
              ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
            },
            { signal: request.signal },
          ),
        toError,
        { ...retry, signal: request.signal },
      );
      let text = '';
      let usage: AiUsage | undefined;
      const restorer = streamRestorer(red.map, (piece) => {
        text += piece;
        request.onDelta?.(piece);
      });
      try {
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta?.content;
          if (delta) restorer.push(delta);
          if (chunk.usage) usage = usageOf(chunk.usage);
        }
      } catch (error) {
        throw toError(error);
      }
      restorer.flush();
      if (text.trim() === '') throw new AiError('output_invalid', 'draft: the model returned an empty draft.');
      return {
        value: finishDraft(text, request.sources),
        meta: meta('draft', started, usage, false),
        sources: request.sources,
      };
    },

    async listModels(signal?: AbortSignal): Promise<string[]> {
      const page = await withRetry(() => client.models.list({ signal }), toError, { ...retry, signal });
      return page.data.map((m) => m.id);
    },
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
