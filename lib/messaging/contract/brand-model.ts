import { z } from 'zod';
import { INTENT_IDS } from '../../cs/taxonomy';
import { REASON_IDS } from '../../returns/taxonomy';
import type { MessageDef } from '../define';
import { defineMessage } from '../define';

const accuracyRow = z.object({
  label: z.string().max(100),
  support: z.number().int(),
  before: z.number(),
  after: z.number(),
});

const importResult = z.object({
  imported: z.number().int(),
  total: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});

const fileRequest = z
  .object({
    content: z.string().min(1).max(20_000_000),
    format: z.enum(['csv', 'json']).optional(),
    fileName: z.string().max(300).optional(),
  })
  .strict();

const gorgiasImportProgress = z.object({
  phase: z.enum(['idle', 'listing', 'reading', 'waiting', 'done', 'cancelled', 'failed']),
  account: z.string().max(100),
  listed: z.number().int(),
  read: z.number().int(),
  toRead: z.number().int(),
  found: z.number().int(),
  /** Examples kept (new ones; a ticket imported before is not added again). */
  imported: z.number().int(),
  /** Seconds left while waiting out Gorgias' rate limit. */
  waitSeconds: z.number().int().nullable(),
  error: z.string().max(300).nullable(),
});

/**
 * The brand's own language model (issue 15): the agent's pick when the engine is unsure (read with
 * the ticket or return from the panel tab's snapshot, never from the payload), imports of tagged
 * tickets and Loop exports, and the options page's before/after figures. Nothing leaves the browser.
 */
export const brandModelMessages = {
  /** Panel → background: the agent picked the intent of the ticket on screen; kept as a correction. */
  'learning.pickIntent': defineMessage({
    request: z.object({ intent: z.enum(INTENT_IDS) }).strict(),
    response: z.object({ recorded: z.boolean(), corrections: z.number().int() }),
    senders: ['panel'],
  }),
  /** Panel → background: the agent picked the reason of the return on screen; kept as a correction. */
  'learning.pickReason': defineMessage({
    request: z.object({ reason: z.enum(REASON_IDS) }).strict(),
    response: z.object({ recorded: z.boolean(), corrections: z.number().int() }),
    senders: ['panel'],
  }),
  /** Options page: per-intent and per-reason accuracy before/after, corrections, shadow agreement. */
  'learning.stats': defineMessage({
    request: z.object({}).strict(),
    response: z.object({
      examples: z.object({ import: z.number().int(), loop: z.number().int(), correction: z.number().int() }),
      intents: z.object({
        rows: z.array(accuracyRow),
        heldOut: z.number().int(),
        trainedOn: z.number().int(),
        corrections: z.number().int(),
        overall: z.object({ before: z.number(), after: z.number() }),
      }),
      reasons: z.object({ rows: z.array(accuracyRow), heldOut: z.number().int(), corrections: z.number().int() }),
      shadow: z.array(z.object({ intent: z.string().max(100), total: z.number().int(), agree: z.number().int() })),
    }),
    senders: ['page'],
  }),
  /** Options page: past tickets with the brand's tags or Gorgias intents (CSV or JSON). */
  'learning.importTickets': defineMessage({ request: fileRequest, response: importResult, senders: ['page'] }),
  /**
   * Options page: import past tickets through Gorgias' REST API (GET only). The key is used for
   * this run only, in the background, and sent only to `https://{account}.gorgias.com/api/`.
   */
  'learning.gorgiasImportStart': defineMessage({
    request: z
      .object({
        account: z
          .string()
          .trim()
          .toLowerCase()
          .regex(
            /^[a-z0-9][a-z0-9-]{0,62}$/,
            'The account is the first part of your Gorgias address (acme in acme.gorgias.com).',
          ),
        email: z.string().trim().email().max(320),
        apiKey: z.string().trim().min(8).max(200),
        max: z.number().int().min(1).max(5000),
      })
      .strict(),
    response: gorgiasImportProgress,
    senders: ['page'],
  }),
  /** Options page: how the running (or last) Gorgias import is doing. */
  'learning.gorgiasImportStatus': defineMessage({
    request: z.object({}).strict(),
    response: gorgiasImportProgress,
    senders: ['page'],
  }),
  /** Options page: stop the running Gorgias import (what was read is kept). */
  'learning.gorgiasImportCancel': defineMessage({
    request: z.object({}).strict(),
    response: gorgiasImportProgress,
    senders: ['page'],
  }),
  /** Options page: a Loop returns export (reasons and comments). */
  'learning.importLoop': defineMessage({ request: fileRequest, response: importResult, senders: ['page'] }),
} as const satisfies Record<string, MessageDef>;
