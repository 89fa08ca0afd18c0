import { z } from 'zod';
import { gorgiasTicketSchema } from '../sites/gorgias/schema';
import { CITATION_KINDS } from './draft';
import { ROLLOUT_MODES } from './rollout';
import { LANGUAGES, URGENCIES } from './signals';
import { INTENT_IDS } from './taxonomy';
import { triageResultSchema } from './triage';

/**
 * Proposed request/response schemas for the CS messages (the integrator moves them into
 * lib/messaging). Names follow the contract style: verb-first, namespaced.
 */

const citationSchema = z.object({
  kind: z.enum(CITATION_KINDS),
  label: z.string().max(200),
  value: z.string().max(5000),
});
const flaggedSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string().max(500),
  kind: z.string().max(40),
});

/** `cs.triage`: the panel sends the Gorgias snapshot data; the background classifies, gates and drafts. */
export const csTriageRequest = z.object({ ticket: gorgiasTicketSchema, regenerate: z.boolean().default(false) });
export const csTriageResponse = z.object({
  ticketId: z.string(),
  classification: triageResultSchema.extend({
    urgency: z.enum(URGENCIES),
    language: z.enum(LANGUAGES),
    angry: z.boolean(),
  }),
  mode: z.enum(ROLLOUT_MODES),
  plan: z.object({
    showDraft: z.boolean(),
    badge: z.enum(['shadow', 'escalate']).nullable(),
    autoPlaceDraft: z.boolean(),
    actions: z.array(z.enum(['insert', 'copy', 'regenerate', 'edit', 'feedback'])),
  }),
  /** Null in shadow mode (the draft is logged, not sent to the panel). */
  draft: z
    .object({
      id: z.string(),
      text: z.string().max(20_000),
      language: z.enum(['en', 'de']),
      citations: z.array(citationSchema),
      flagged: z.array(flaggedSchema),
      engine: z.enum(['local', 'model']),
    })
    .nullable(),
  missing: z.array(z.string()),
});

/** `cs.recordOutcome`: after Send, the content script's `lastAgentMessage` text is compared with the draft. */
export const csRecordOutcomeRequest = z.object({ draftId: z.string(), finalText: z.string().max(50_000).nullable() });
export const csRecordOutcomeResponse = z.object({
  outcome: z.enum(['accepted', 'edited', 'discarded']),
  distance: z.number().nullable(),
});

/** `cs.feedback`: good / bad with a reason. */
export const csFeedbackRequest = z.object({
  draftId: z.string(),
  rating: z.enum(['good', 'bad']),
  reason: z.string().max(500).optional(),
});

/** `cs.importReplies`: options page uploads a Gorgias CSV/JSON export. */
export const csImportRepliesRequest = z.object({
  content: z.string().max(20_000_000),
  format: z.enum(['csv', 'json']).optional(),
});
export const csImportRepliesResponse = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});

/** `cs.draftStats`: options page table, per intent. */
export const csDraftStatsResponse = z.array(
  z.object({
    intent: z.enum(INTENT_IDS),
    total: z.number().int(),
    accepted: z.number().int(),
    edited: z.number().int(),
    discarded: z.number().int(),
    avgEditDistance: z.number().nullable(),
    acceptedRate: z.number(),
  }),
);
