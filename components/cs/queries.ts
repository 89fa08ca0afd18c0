import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';

/** CS data over typed messages. Panel keys start with 'panel' so a page change refetches them. */
export const csQueries = {
  /** Classification + gate of the panel tab's ticket; keyed by ticket and thread length. */
  analysis: (ticketKey: string) =>
    queryOptions({
      queryKey: ['panel', 'cs', 'analysis', ticketKey] as const,
      queryFn: () => callOrThrow('cs.analyseTicket', {}),
      staleTime: Number.POSITIVE_INFINITY,
      retry: 0,
      networkMode: 'always',
    }),
  stats: () =>
    queryOptions({
      queryKey: ['cs', 'stats'] as const,
      queryFn: () => callOrThrow('cs.stats', {}),
      staleTime: 10_000,
      networkMode: 'always',
    }),
};
