import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import type { DraftAnswer } from './draft-stream';

/** CS data over typed messages (keys from `queryKeys.cs`). */
export const csQueries = {
  /** Classification + gate of the panel tab's ticket; keyed by ticket and thread length, refetched on a page change. */
  analysis: (ticketKey: string) =>
    queryOptions({
      queryKey: queryKeys.cs.analysis(ticketKey),
      queryFn: () => callOrThrow('cs.analyseTicket', {}),
      staleTime: Number.POSITIVE_INFINITY,
      retry: 0,
      networkMode: 'always',
    }),
  /**
   * The draft of one ticket content, keyed by its hash (from the analysis, which the background
   * reuses: no second classification). Made once per content: never stale, never retried (each
   * attempt is logged), not refetched on focus. With a model it streams (`onText`); leaving the
   * ticket cancels the query, which aborts the model call.
   */
  draft: (ticketHash: string, stream: { remote: boolean; onText: (text: string) => void }) =>
    queryOptions({
      queryKey: queryKeys.cs.draft(ticketHash),
      queryFn: ({ signal }): Promise<DraftAnswer> =>
        stream.remote
          ? // The stream's port schemas are loaded only with a model configured (no schema library otherwise).
            import('./draft-stream').then((m) => m.streamDraft({ regenerate: false, signal, onText: stream.onText }))
          : callOrThrow('cs.draftReply', { regenerate: false }),
      staleTime: Number.POSITIVE_INFINITY,
      retry: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      networkMode: 'always',
    }),
  stats: () =>
    queryOptions({
      queryKey: queryKeys.cs.stats(),
      queryFn: () => callOrThrow('cs.stats', {}),
      staleTime: 10_000,
      networkMode: 'always',
    }),
};
