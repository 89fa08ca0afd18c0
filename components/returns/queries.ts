import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';

/** Query factories of the returns process (typed messages to the background). */
export const returnsQueries = {
  /**
   * The analysis of the return the panel's tab shows, keyed by return id and capture time (a new
   * capture of the page is a new key). Under `['panel', …]` so a data change refetches it.
   */
  analysis: (returnId: string | null, capturedAt: string) =>
    queryOptions({
      queryKey: queryKeys.returns.analysis(returnId, capturedAt),
      queryFn: () => callOrThrow('returns.analyse', { draft: 'local' }),
      staleTime: Number.POSITIVE_INFINITY,
      retry: 0,
      networkMode: 'always',
    }),
  insights: (by: 'sku' | 'product', period: 'week' | 'month') =>
    queryOptions({
      queryKey: queryKeys.returns.insights(by, period),
      queryFn: () => callOrThrow('returns.insights', { by, period }),
      staleTime: 60_000,
      retry: 1,
      networkMode: 'always',
    }),
  config: () =>
    queryOptions({
      queryKey: queryKeys.returns.config(),
      queryFn: () => callOrThrow('returns.getConfig', {}),
      staleTime: 30_000,
      networkMode: 'always',
    }),
};
