import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';

/** Planning data the panel gets from the background (keys under ['panel'] refetch on data.changed). */
export const planningQueries = {
  /** The page's SKUs from the tab snapshot: velocity, cover, stockout and reorder line; records the page counts. */
  skuSummary: (snapshotAt: string | null) =>
    queryOptions({
      queryKey: queryKeys.planning.skuSummary(snapshotAt),
      queryFn: () => callOrThrow('planning.skuSummary', {}),
      staleTime: 30_000,
      retry: 1,
      networkMode: 'always',
    }),
};
