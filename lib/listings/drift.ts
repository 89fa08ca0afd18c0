import { z } from 'zod';
import { cleanGtin } from './gtin';
import { htmlToText, norm, words } from './text';
import type { ChannelListing } from './types';

export const DRIFT_STATUSES = ['same', 'changed', 'missing_live', 'missing_canonical'] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export interface DriftEntry {
  field: string;
  canonical: string | number | null;
  live: string | number | null;
  status: DriftStatus;
}

/** A drift entry as the panel receives it (the messaging contract's shape of {@link DriftEntry}). */
export const driftEntrySchema = z.object({
  field: z.string(),
  canonical: z.union([z.string(), z.number()]).nullable(),
  live: z.union([z.string(), z.number()]).nullable(),
  status: z.enum(DRIFT_STATUSES),
});

function text(v: string | undefined): string {
  return htmlToText(norm(v)).replace(/\s+/g, ' ').trim();
}

function compare(
  field: string,
  a: string | number | null,
  b: string | number | null,
  eq: (x: string, y: string) => boolean,
): DriftEntry {
  const empty = (v: string | number | null) => v === null || v === '';
  let status: DriftStatus;
  if (empty(a) && empty(b)) status = 'same';
  else if (empty(b)) status = 'missing_live';
  else if (empty(a)) status = 'missing_canonical';
  else status = eq(String(a), String(b)) ? 'same' : 'changed';
  return { field, canonical: a, live: b, status };
}

const exact = (x: string, y: string) => x === y;
/** Search terms are a bag of words: order and case do not matter. */
const sameWords = (x: string, y: string) =>
  [...new Set(words(x))].sort().join(' ') === [...new Set(words(y))].sort().join(' ');

/**
 * Field-by-field drift between the variant derived from the canonical product and what the
 * channel shows live (whitespace and HTML markup are ignored; prices compared to the cent).
 */
export function listingDrift(canonical: ChannelListing, live: ChannelListing): DriftEntry[] {
  const out: DriftEntry[] = [
    compare('title', text(canonical.title), text(live.title), exact),
    compare('brand', text(canonical.brand), text(live.brand), (x, y) => x.toLowerCase() === y.toLowerCase()),
  ];
  const n = Math.max(canonical.bullets?.length ?? 0, live.bullets?.length ?? 0);
  for (let i = 0; i < n; i++)
    out.push(compare(`bullets[${i}]`, text(canonical.bullets?.[i]), text(live.bullets?.[i]), exact));
  out.push(compare('description', text(canonical.description), text(live.description), exact));
  out.push(compare('search_terms', norm(canonical.search_terms), norm(live.search_terms), sameWords));
  out.push(
    compare(
      'price',
      canonical.price ?? null,
      live.price ?? null,
      (x, y) => Math.round(Number(x) * 100) === Math.round(Number(y) * 100),
    ),
  );
  out.push(
    compare(
      'list_price',
      canonical.list_price ?? null,
      live.list_price ?? null,
      (x, y) => Math.round(Number(x) * 100) === Math.round(Number(y) * 100),
    ),
  );
  out.push(
    compare(
      'gtin',
      norm(canonical.gtin),
      norm(live.gtin),
      (x, y) => cleanGtin(x).padStart(14, '0') === cleanGtin(y).padStart(14, '0'),
    ),
  );
  if (canonical.highlights !== undefined || live.highlights !== undefined)
    out.push(compare('highlights', text(canonical.highlights), text(live.highlights), exact));
  return out;
}

/** Only the fields that differ. */
export function driftedFields(entries: readonly DriftEntry[]): DriftEntry[] {
  return entries.filter((e) => e.status !== 'same');
}
