import { z } from 'zod';
import { APP_IDS } from './hosts';

/**
 * What a content script reads off a host page. The envelope is shared by the four apps; `data`
 * is app- and page-specific and is checked against the adapter's own schema in the background
 * (see `lib/sites/<app>/schema.ts`). `missing` names every required part the adapter could not
 * find ("Gorgias: order widget not found on ticket view") so the panel can say so and offer the
 * manual path.
 */
// Pure annotation: content scripts import only types and `missingPart` from here, and must not
// carry zod in their bundle (they stay under 30 kB).
export const snapshotEnvelopeSchema = /* @__PURE__ */ z.object({
  app: z.enum(APP_IDS),
  /** Page kind from the URL detector, e.g. `ticket`, `return`, `product`, `listing-edit`; `unknown` when not recognised. */
  page: z.string().min(1).max(40),
  /** The record the page shows (ticket id, return id, product id, SKU); null on list pages. */
  entityId: z.string().max(200).nullable(),
  url: z.string().url().max(4000),
  title: z.string().max(500),
  capturedAt: z.string().datetime(),
  /** True when the adapter recognised the page structure well enough to build `data`. */
  recognised: z.boolean(),
  missing: z.array(z.string().max(300)).max(50),
  data: z.unknown(),
});

export type SnapshotEnvelope = z.infer<typeof snapshotEnvelopeSchema>;

/** Builds the "X not found on Y" message every adapter uses for a named miss. */
export function missingPart(appLabel: string, part: string, page: string): string {
  return `${appLabel}: ${part} not found on ${page}`;
}
