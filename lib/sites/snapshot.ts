import type { AppId } from './hosts';

/**
 * What a content script reads off a host page. The envelope is shared by the four apps; `data`
 * is app- and page-specific and is checked against the adapter's own schema in the background
 * (see `lib/sites/<app>/schema.ts`). `missing` names every required part the adapter could not
 * find ("Gorgias: order widget not found on ticket view") so the panel can say so and offer the
 * manual path. This module is imported by content scripts, so it holds no zod: the schema is in
 * `snapshot-schema.ts`.
 */
export interface SnapshotEnvelope {
  app: AppId;
  /** Page kind from the URL detector, e.g. `ticket`, `return`, `product`, `listing-edit`; `unknown` when not recognised. */
  page: string;
  /** The record the page shows (ticket id, return id, product id, SKU); null on list pages. */
  entityId: string | null;
  url: string;
  title: string;
  capturedAt: string;
  /** True when the adapter recognised the page structure well enough to build `data`. */
  recognised: boolean;
  missing: string[];
  data: unknown;
  /** Where `data` came from: the app's own data (`api`), the page markup (`dom`), or text the user gave (`user`). Absent = `dom`. */
  source?: ReadSource;
  /** Fields read with low certainty, by name ("Gorgias: message 2 is shown translated; the original was not on the page"). */
  uncertain?: string[];
}

export const READ_SOURCES = ['api', 'dom', 'user'] as const;
export type ReadSource = (typeof READ_SOURCES)[number];

/** Builds the "X not found on Y" message every adapter uses for a named miss. */
export function missingPart(appLabel: string, part: string, page: string): string {
  return `${appLabel}: ${part} not found on ${page}`;
}
