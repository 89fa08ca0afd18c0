import type { z } from 'zod';
import { type CheckedSnapshot, PAGE_DATA_SCHEMAS } from './data-schemas';
import type { AppId } from './hosts';

/**
 * The `data` of a recognised snapshot of one page kind, typed by that page's schema; null for any
 * other snapshot. Not parsed again: `checkPageData` held the data to this very schema when the
 * snapshot was published, and a `CheckedSnapshot` comes from nowhere else.
 */
export function pageData<S extends z.ZodType>(
  snapshot: CheckedSnapshot | null,
  app: AppId,
  page: string,
  schema: S,
): z.output<S> | null {
  if (snapshot?.app !== app || snapshot.page !== page || !snapshot.recognised) return null;
  if (PAGE_DATA_SCHEMAS[`${app}:${page}`] !== schema)
    throw new Error(`${app}:${page} data is checked by another schema`);
  return snapshot.data as z.output<S>;
}
