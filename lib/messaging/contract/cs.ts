import { z } from 'zod';
import { TIERS } from '../../cs/gate';
import { POLICY_KINDS } from '../../cs/policy';
import { ROLLOUT_MODES } from '../../cs/rollout';
import { LANGUAGES, SENTIMENTS, URGENCIES } from '../../cs/signals';
import { INTENT_IDS } from '../../cs/taxonomy';
import { AUDIT_KINDS } from '../../db/audit';
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
  /** The reasons in the agent's words; an analysis stored before they existed has none. */
  why: z.array(z.string().max(300)).max(20).default([]),
  mode: z.enum(ROLLOUT_MODES),
  plan: planSchema,
  order: z.union([z.object({ number: z.string(), present: z.literal(true) }), z.object({ present: z.literal(false) })]),
  meta: providerMetaSchema,
  /** The engine is unsure: the intents to ask the agent about (issue 15). */
  doubt: z
    .object({ candidates: z.array(z.enum(INTENT_IDS)).min(1).max(4), question: z.string().max(200) })
    .nullable()
    .optional(),
  /** The local engine's own answer beside a model's (shadow comparison). */
  local: z.object({ intent: z.enum(INTENT_IDS), doubt: z.boolean() }).optional(),
});

/** The analysis the background keeps per tab (storage.session), with the key of its inputs. */
export const storedAnalysisSchema = z.object({ key: z.string().max(16), analysis: csTicketAnalysisSchema });

/** The tab's kept draft (`KeptDraft` in lib/cs/ticket-flow.ts): its `shown` entry until the panel logs it. */
export const keptDraftSchema = z.object({
  ticketHash: z.string().max(16),
  id: z.string().max(40).nullable(),
  entry: z.object({
    kind: z.literal(AUDIT_KINDS.csDraft),
    app: z.literal('gorgias'),
    entityId: z.string().nullable(),
    intent: z.string().optional(),
    provider: z.string(),
    model: z.string(),
    action: z.literal('shown'),
    suggestion: z.string().optional(),
    details: z.record(z.string(), z.unknown()),
  }),
});

/** The panel's view of an analysis: which ticket, and the hash of its content (the draft's cache key). */
export const csAnalysisSchema = csTicketAnalysisSchema.extend({
  ticketId: z.string().max(40),
  ticketHash: z.string().max(16),
});
export type CsAnalysisView = z.infer<typeof csAnalysisSchema>;

export const csDraftSchema = z.object({
  /** Audit id of the draft's `shown` row: outcomes refer to it. Null until the panel logs the draft (`cs.draftShown`). */
  id: z.string().max(40).nullable(),
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
  /** Policies the reply would quote that the brand has not written (the panel asks the agent to add them). */
  missingPolicies: z.array(z.enum(POLICY_KINDS)).max(POLICY_KINDS.length).default([]),
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
  /**
   * Makes a draft (in shadow mode it is not returned). The draft query (`regenerate: false`) writes
   * nothing to the log: the panel then logs it with `cs.draftShown`. Regenerate, a mutation, logs at once.
   */
  'cs.draftReply': defineMessage({
    request: z.object({ regenerate: z.boolean().default(false) }).strict(),
    response: z.object({
      ticketId: z.string().max(40),
      ticketHash: z.string().max(16),
      mode: z.enum(ROLLOUT_MODES),
      draft: csDraftSchema.nullable(),
      /** Autonomous mode, tier autonomous, not yet placed for this ticket. */
      autoPlace: z.boolean(),
      /** The draft's `shown` row is in the audit log (then `draft.id` is set). */
      logged: z.boolean(),
    }),
    senders: ['panel'],
  }),
  /** The panel got the draft of `ticketHash` from its query: log it as `shown` (once) and answer its id. */
  'cs.draftShown': defineMessage({
    request: z.object({ ticketHash: z.string().min(1).max(16) }).strict(),
    response: z.object({ draftId: z.string().max(40).nullable() }),
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
