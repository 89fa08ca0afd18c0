import { z } from 'zod';
import { AiSettingsSchema } from '../../ai/settings';
import { APP_IDS } from '../../sites/hosts';
import { snapshotEnvelopeSchema } from '../../sites/snapshot-schema';
import { defineMessage } from '../define';
import { PANEL_FIRST_SLOTS, PANEL_FIRST_TYPES } from '../panel-first';
import { ERROR_CODES } from '../result';

/** What the page-side write actions accept; carried out by the content script of the panel's tab. */
export const writeActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('insertReplyText'), text: z.string().min(1).max(20_000) }),
  z.object({ action: z.literal('fillField'), field: z.string().min(1).max(200), value: z.string().max(20_000) }),
  z.object({
    action: z.literal('markFields'),
    marks: z
      .array(z.object({ field: z.string().max(200), severity: z.string().max(40), note: z.string().max(500) }))
      .max(200),
  }),
  z.object({ action: z.literal('clearMarks') }),
  z.object({ action: z.literal('readField'), field: z.string().min(1).max(200) }),
  /** Scrolls a field into view and outlines it (a violation card was clicked). */
  z.object({ action: z.literal('focusField'), field: z.string().min(1).max(200) }),
]);
export type WriteAction = z.infer<typeof writeActionSchema>;

export const writeResultSchema = z.object({
  done: z.boolean(),
  /** How it was done (e.g. `paste`, `execCommand`, `native-setter`) or why not. */
  method: z.string().max(60).optional(),
  message: z.string().max(500),
  value: z.string().max(20_000).optional(),
});
export type WriteResult = z.infer<typeof writeResultSchema>;

export const aiStatusSchema = z.object({
  settings: AiSettingsSchema,
  /** A key is saved for the configured endpoint's origin (and only then is one sent). */
  hasKey: z.boolean(),
  /** The origin a saved key is bound to (null: none saved, or saved before keys were bound). Never the key. */
  keyOrigin: z.string().nullable(),
});
export type AiStatus = z.infer<typeof aiStatusSchema>;

export const manualInputSchema = z.object({ text: z.string().min(1).max(50_000), at: z.string() });

/** What the panel's tab shows and the panel needs around it. */
const panelContextSchema = z.object({
  app: z.enum(APP_IDS).nullable(),
  snapshot: snapshotEnvelopeSchema.nullable(),
  manual: manualInputSchema.nullable(),
  ai: aiStatusSchema,
  version: z.string(),
});

export const coreMessages = {
  ping: defineMessage({
    request: z.object({}).strict(),
    response: z.object({ version: z.string() }),
    senders: ['content', 'panel', 'page'],
  }),
  'snapshot.publish': defineMessage({
    request: snapshotEnvelopeSchema,
    response: z.object({ accepted: z.boolean(), changed: z.boolean() }),
    senders: ['content'],
  }),
  /**
   * Corner colours and product fill of a picture on the page, measured in the background from its
   * URL (decoded off the host page's main thread). `https:` or an inline `data:image/…` only.
   */
  'image.measure': defineMessage({
    request: z
      .object({
        src: z
          .string()
          .max(20_000_000)
          .refine((s) => /^(https:\/\/|data:image\/)/i.test(s), 'Only https: or data:image/ pictures are measured.'),
        width: z.number().int().min(1).max(64),
        height: z.number().int().min(1).max(64),
      })
      .strict(),
    response: z.object({
      corner_rgb: z
        .array(z.tuple([z.number(), z.number(), z.number()]))
        .length(4)
        .optional(),
      product_fill: z.number().min(0).max(1).optional(),
    }),
    senders: ['content'],
  }),
  'panel.getContext': defineMessage({
    request: z.object({}).strict(),
    response: panelContextSchema,
    senders: ['panel'],
  }),
  /**
   * The panel's boot and its context refetches ask, beside `panel.getContext`, for the answers to
   * the first questions the sections of its tab's page ask (`PANEL_FIRST_TYPES`): slot `index` of the
   * background's list for that page, or null. The background computes them together (the draft after
   * the triage) while the panel's code loads; each answer went through its own message's sender
   * policy and schemas.
   */
  'panel.firstAnswer': defineMessage({
    request: z
      .object({
        index: z
          .number()
          .int()
          .min(0)
          .max(PANEL_FIRST_SLOTS - 1),
      })
      .strict(),
    response: z
      .object({
        type: z.enum(PANEL_FIRST_TYPES),
        payload: z.record(z.string(), z.unknown()),
        answer: z.union([
          z.object({ ok: z.literal(true), data: z.unknown() }),
          z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
        ]),
      })
      .nullable(),
    senders: ['panel'],
  }),
  'panel.submitManual': defineMessage({
    request: z.object({ text: z.string().trim().min(1, 'Paste some text first.').max(50_000) }).strict(),
    response: z.object({ stored: z.boolean() }),
    senders: ['panel'],
  }),
  'page.write': defineMessage({
    request: writeActionSchema,
    response: writeResultSchema,
    senders: ['panel'],
  }),
  'ai.getStatus': defineMessage({
    request: z.object({}).strict(),
    response: aiStatusSchema,
    senders: ['panel', 'page'],
  }),
  /** Options page only. `apiKey` undefined keeps the saved key, `''` removes it; no answer ever carries it. */
  'ai.saveProvider': defineMessage({
    request: z.object({ settings: AiSettingsSchema, apiKey: z.string().max(500).optional() }).strict(),
    response: aiStatusSchema,
    senders: ['page'],
  }),
  /**
   * Options page: lists the server's models with the given (possibly unsaved) settings, using the
   * key typed in the form, else the saved key only when the URL is on the origin it was saved for.
   */
  'ai.testConnection': defineMessage({
    request: z.object({ settings: AiSettingsSchema, apiKey: z.string().max(500).optional() }).strict(),
    response: z.object({
      ok: z.boolean(),
      message: z.string(),
      models: z.array(z.string()),
      latencyMs: z.number(),
    }),
    senders: ['page'],
  }),
  'ai.usageSummary': defineMessage({
    request: z.object({ sinceMs: z.number().optional() }).strict(),
    response: z.object({
      summary: z.unknown(),
      cacheRows: z.number(),
    }),
    senders: ['page'],
  }),
} as const;
