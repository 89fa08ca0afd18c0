import { z } from 'zod';
import { TIERS } from '../../cs/gate';
import { ROLLOUT_MODES } from '../../cs/rollout';
import { LANGUAGES, SENTIMENTS, URGENCIES } from '../../cs/signals';
import { INTENT_IDS } from '../../cs/taxonomy';
import type { MessageDef } from '../define';
import { defineMessage } from '../define';

const providerMetaSchema = z.object({
  provider: z.string().max(80),
  model: z.string().max(200),
  fallback: z.boolean().optional(),
  notice: z.string().max(500).optional(),
  cached: z.boolean().optional(),
  durationMs: z.number(),
});

const planSchema = z.object({
  showDraft: z.boolean(),
  badge: z.enum(['shadow', 'escalate']).nullable(),
  autoPlaceDraft: z.boolean(),
  actions: z.array(z.enum(['insert', 'copy', 'regenerate', 'edit', 'feedback'])),
});

/** An analysis as the pipeline makes it (kept per tab so the draft reuses it). */
export const csTicketAnalysisSchema = z.object({
  intent: z.enum(INTENT_IDS),
  intents: z.array(z.object({ id: z.enum(INTENT_IDS), label: z.string(), confidence: z.number().min(0).max(1) })),
  sentiment: z.enum(SENTIMENTS),
  angry: z.boolean(),
  urgency: z.enum(URGENCIES),
  language: z.enum(LANGUAGES),
  involvesMoney: z.boolean(),
  moneyReasons: z.array(z.string().max(300)),
  injection: z.boolean(),
  injectionReasons: z.array(z.string().max(300)),
  tier: z.enum(TIERS),
  reasons: z.array(z.string().max(500)),
  mode: z.enum(ROLLOUT_MODES),
  plan: planSchema,
  order: z.union([z.object({ number: z.string(), present: z.literal(true) }), z.object({ present: z.literal(false) })]),
  meta: providerMetaSchema,
});

/** The analysis the background keeps per tab (storage.session), with the key of its inputs. */
export const storedAnalysisSchema = z.object({ key: z.string().max(16), analysis: csTicketAnalysisSchema });

/** The panel's view of an analysis: which ticket, and the hash of its content (the draft's cache key). */
export const csAnalysisSchema = csTicketAnalysisSchema.extend({
  ticketId: z.string().max(40),
  ticketHash: z.string().max(16),
});
export type CsAnalysisView = z.infer<typeof csAnalysisSchema>;

export const csDraftSchema = z.object({
  /** Audit id of the draft: outcomes refer to it. */
  id: z.string().max(40),
  text: z.string().max(20_000),
  language: z.enum(LANGUAGES),
  citations: z.array(
    z.object({
      kind: z.enum(['order_field', 'policy_clause', 'past_reply', 'rule']),
      label: z.string().max(300),
      value: z.string().max(5000),
    }),
  ),
  flagged: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), kind: z.string() })),
  meta: providerMetaSchema,
});
export type CsDraftView = z.infer<typeof csDraftSchema>;

export const CS_OUTCOMES = ['inserted', 'copied', 'edited', 'discarded', 'feedback'] as const;

/** Messages of the cs process (see lib/cs/). Ticket data is read from the panel tab's snapshot, never from the payload. */
export const csMessages = {
  'cs.analyseTicket': defineMessage({
    request: z.object({}).strict(),
    response: csAnalysisSchema,
    senders: ['panel'],
  }),
  /** Makes (and logs) a draft; in shadow mode the draft is logged but not returned. */
  'cs.draftReply': defineMessage({
    request: z.object({ regenerate: z.boolean().default(false) }).strict(),
    response: z.object({
      ticketId: z.string().max(40),
      ticketHash: z.string().max(16),
      mode: z.enum(ROLLOUT_MODES),
      draft: csDraftSchema.nullable(),
      /** Autonomous mode, tier autonomous, not yet placed for this ticket. */
      autoPlace: z.boolean(),
    }),
    senders: ['panel'],
  }),
  'cs.recordOutcome': defineMessage({
    request: z
      .object({
        draftId: z.string().min(1).max(40),
        action: z.enum(CS_OUTCOMES),
        text: z.string().max(20_000).optional(),
        rating: z.enum(['good', 'bad']).optional(),
        reason: z.string().max(500).optional(),
        auto: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ recorded: z.boolean(), editDistance: z.number().nullable() }),
    senders: ['panel'],
  }),
  'cs.stats': defineMessage({
    request: z.object({}).strict(),
    response: z.object({
      rows: z.array(
        z.object({
          intent: z.enum(INTENT_IDS),
          total: z.number().int(),
          accepted: z.number().int(),
          edited: z.number().int(),
          discarded: z.number().int(),
          avgEditDistance: z.number().nullable(),
          acceptedRate: z.number(),
        }),
      ),
      pastReplies: z.number().int(),
    }),
    senders: ['page'],
  }),
  'cs.importPastReplies': defineMessage({
    request: z
      .object({
        content: z.string().min(1).max(20_000_000),
        format: z.enum(['csv', 'json']).optional(),
        fileName: z.string().max(300).optional(),
      })
      .strict(),
    response: z.object({
      imported: z.number().int(),
      total: z.number().int(),
      rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    }),
    senders: ['page'],
  }),
} as const satisfies Record<string, MessageDef>;
