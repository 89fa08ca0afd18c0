import type { z } from 'zod';
import { amazonInventoryDataSchema, amazonListingEditDataSchema } from './amazon/schema';
import { gorgiasTicketSchema } from './gorgias/schema';
import { loopReturnDataSchema } from './loop/schema';
import { shopifyInventoryDataSchema, shopifyProductDataSchema } from './shopify/schema';
import type { SnapshotEnvelope } from './snapshot';

/** The schema of `data` for every recognised page kind, keyed `app:page`. */
export const PAGE_DATA_SCHEMAS: Record<string, z.ZodType> = {
  'gorgias:ticket': gorgiasTicketSchema,
  'loop:return': loopReturnDataSchema,
  'shopify:product': shopifyProductDataSchema,
  'shopify:inventory': shopifyInventoryDataSchema,
  'amazon:listing-edit': amazonListingEditDataSchema,
  'amazon:inventory': amazonInventoryDataSchema,
};

declare const checked: unique symbol;
/**
 * A snapshot whose `data` passed its page schema (or was marked unrecognised): the only kind the
 * background stores per tab, so readers (`lib/sites/<app>/to-*.ts`) do not check it again.
 */
export type CheckedSnapshot = SnapshotEnvelope & { readonly [checked]: true };

/**
 * Checks a recognised snapshot's `data` against its page schema (host pages are untrusted input).
 * Data that fails is not used: the snapshot becomes unrecognised and says why, so the panel
 * offers the manual path.
 */
export function checkPageData(snapshot: SnapshotEnvelope): CheckedSnapshot {
  return checkData(snapshot) as CheckedSnapshot;
}

function checkData(snapshot: SnapshotEnvelope): SnapshotEnvelope {
  if (!snapshot.recognised) return snapshot;
  const schema = PAGE_DATA_SCHEMAS[`${snapshot.app}:${snapshot.page}`];
  if (!schema) return snapshot;
  const parsed = schema.safeParse(snapshot.data);
  if (parsed.success) return { ...snapshot, data: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ...snapshot,
    recognised: false,
    data: null,
    missing: [
      ...snapshot.missing,
      `The page's ${snapshot.page} data did not pass validation (${issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'invalid'})`,
    ].slice(0, 50),
  };
}
