import { z } from 'zod';
import { APP_IDS } from './hosts';
import { READ_SOURCES, type SnapshotEnvelope } from './snapshot';

/** The background's check of every snapshot a content script publishes (see `SnapshotEnvelope`). */
export const snapshotEnvelopeSchema = z.object({
  app: z.enum(APP_IDS),
  page: z.string().min(1).max(40),
  entityId: z.string().max(200).nullable(),
  url: z.string().url().max(4000),
  title: z.string().max(500),
  capturedAt: z.string().datetime(),
  recognised: z.boolean(),
  missing: z.array(z.string().max(300)).max(50),
  data: z.unknown(),
  source: z.enum(READ_SOURCES).optional(),
  uncertain: z.array(z.string().max(300)).max(50).optional(),
});

// Compile-time proof that the schema and the plain interface describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: Same<z.infer<typeof snapshotEnvelopeSchema>, SnapshotEnvelope> = true;
void _same;
