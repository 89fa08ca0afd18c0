import { z } from 'zod';
import { fieldFixesSchema, fieldNameSchema } from '../../sites/field-fixes';
import { gorgiasTicketSchema } from '../../sites/gorgias/schema';
import { loopApiPartSchema } from '../../sites/loop/api-schema';
import { defineMessage } from '../define';

const digits = z.string().regex(/^\d{1,20}$/);

/**
 * Structured reads of the host apps (lib/sites/<app>/api-*.ts). A content script hands the app's
 * own JSON to the background, which checks it (zod stays out of content scripts) against its
 * schema and the id in the URL; Loop's API is called by the background alone (cross-origin, key).
 */
export const sitesMessages = {
  /** A content script's label table in every language (kept out of its 30 kB bundle; lib/sites/labels.ts). */
  'sites.labels': defineMessage({
    request: z.object({ app: z.enum(['loop']) }).strict(),
    response: z.object({ labels: z.record(z.string(), z.array(z.string().max(100)).max(60)) }),
    senders: ['content'],
  }),
  /** Gorgias: the ticket and customer JSON the page's session got; answers the checked ticket data or why not. */
  'gorgias.checkApiRead': defineMessage({
    request: z.object({ ticketId: digits, ticket: z.unknown(), customer: z.unknown() }).strict(),
    response: z.object({ ok: z.boolean(), data: gorgiasTicketSchema.nullable(), reason: z.string().max(300) }),
    senders: ['content'],
  }),
  /** Loop: the return's details from Loop's API with the saved key (the content script lays them over the page's reading). */
  'loop.readReturn': defineMessage({
    request: z.object({ returnId: digits }).strict(),
    response: z.object({
      status: z.enum(['ok', 'no-key', 'no-permission', 'failed']),
      data: loopApiPartSchema.nullable(),
      reason: z.string().max(300),
    }),
    senders: ['content'],
  }),
  /** Options page: whether a Loop API key is saved (never the key). */
  'loop.apiKeyStatus': defineMessage({
    request: z.object({}).strict(),
    response: z.object({ hasKey: z.boolean() }),
    senders: ['page'],
  }),
  /** Options page: saves the Loop API key (`''` removes it); the answer never carries it. */
  'loop.saveApiKey': defineMessage({
    request: z.object({ apiKey: z.string().trim().max(500) }).strict(),
    response: z.object({ hasKey: z.boolean() }),
    senders: ['page'],
  }),
  /** Panel: the values the user typed for fields its tab's record is missing (lib/sites/field-fixes.ts). */
  'sites.fieldFixes': defineMessage({
    request: z.object({}).strict(),
    response: z.object({ fixes: fieldFixesSchema, pointed: fieldFixesSchema }),
    senders: ['panel'],
  }),
  /** Panel: lets the user click the field on the page; its text is kept like a typed value and the place remembered for the app. */
  'sites.pointAtField': defineMessage({
    request: z.object({ field: fieldNameSchema }).strict(),
    response: z.object({ fixes: fieldFixesSchema, picked: z.boolean() }),
    senders: ['panel'],
  }),
  /** Panel: keeps (or with `''` forgets) a value the user typed for a missing field of its tab's record. */
  'sites.saveFieldFix': defineMessage({
    request: z.object({ field: fieldNameSchema, value: z.string().trim().max(2000) }).strict(),
    response: z.object({ fixes: fieldFixesSchema }),
    senders: ['panel'],
  }),
} as const;
