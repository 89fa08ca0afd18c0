/**
 * PROPOSED message shapes for the integrator to move into lib/messaging/ (zod, verb-first,
 * namespaced). The API key only ever travels options page → background (`ai.setKey`); no
 * response carries it.
 */
import { z } from 'zod';
import { AI_ERROR_KINDS } from './errors';
import { FACT_KINDS } from './guards/factcheck';
import { AiSettingsSchema } from './settings';
import { AI_OPERATIONS } from './types';

export const AiSourceSchema = z.object({ id: z.string(), label: z.string(), text: z.string() });

export const AiMetaSchema = z.object({
  provider: z.string(),
  model: z.string(),
  operation: z.enum(AI_OPERATIONS),
  usage: z
    .object({
      inputTokens: z.number().optional(),
      outputTokens: z.number().optional(),
      totalTokens: z.number().optional(),
    })
    .optional(),
  durationMs: z.number(),
  cached: z.boolean().optional(),
  fallback: z.boolean().optional(),
  notice: z.string().optional(),
  repaired: z.boolean().optional(),
  errorKind: z.string().optional(),
});

export const AiErrorValueSchema = z.object({ kind: z.enum(AI_ERROR_KINDS), message: z.string() });

export const FlaggedFactSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  kind: z.enum(FACT_KINDS),
});
export const DraftOutputSchema = z.object({
  text: z.string(),
  facts: z.object({ flagged: z.array(FlaggedFactSchema) }),
});

/** Request/response pairs for one-shot messages. */
export const AI_MESSAGES = {
  /** options page → background: settings without the key, and whether a key is stored. */
  'ai.getSettings': { request: z.object({}), response: z.object({ settings: AiSettingsSchema, hasKey: z.boolean() }) },
  'ai.saveSettings': { request: z.object({ settings: AiSettingsSchema }), response: z.object({ ok: z.literal(true) }) },
  /** options page only (sender.url must be the options page). Empty string clears the key. */
  'ai.setKey': { request: z.object({ apiKey: z.string().max(500) }), response: z.object({ ok: z.literal(true) }) },
  /** options page "Test connection": lists models with the given (unsaved) settings and the stored key. */
  'ai.testConnection': {
    request: z.object({ settings: AiSettingsSchema }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), models: z.array(z.string()), modelListed: z.boolean() }),
      z.object({ ok: z.literal(false), error: AiErrorValueSchema }),
    ]),
  },
  /** insights/options: usage since a time (ms epoch). Response is lib/ai/usage.ts UsageSummary. */
  'ai.usageSummary': { request: z.object({ sinceMs: z.number().optional() }), response: z.unknown() },
} as const;

/** Streaming drafts go over a runtime Port named "ai.draft"; panel → background messages: */
export const DraftPortInSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    requestId: z.string(),
    task: z.string(),
    instructions: z.string(),
    text: z.string().optional(),
    sources: z.array(AiSourceSchema),
  }),
  z.object({ type: z.literal('cancel'), requestId: z.string() }),
]);

/** background → panel on the "ai.draft" port. After `done`, replace the streamed text by `result.value.text` (a fallback restarts the text). */
export const DraftPortOutSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delta'), requestId: z.string(), text: z.string() }),
  z.object({
    type: z.literal('done'),
    requestId: z.string(),
    result: z.object({ value: DraftOutputSchema, meta: AiMetaSchema, sources: z.array(AiSourceSchema) }),
  }),
  z.object({ type: z.literal('error'), requestId: z.string(), error: AiErrorValueSchema }),
]);
