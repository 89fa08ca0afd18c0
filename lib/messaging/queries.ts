import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from './client';
import { queryKeys } from './query-keys';

/** Query keys and functions over typed messages, one factory per piece of data. */
export const panelQueries = {
  /** What the panel's tab shows; refetched when the background says the page changed. */
  context: () =>
    queryOptions({
      queryKey: queryKeys.panel.context(),
      queryFn: () => callOrThrow('panel.getContext', {}),
      staleTime: Number.POSITIVE_INFINITY,
      retry: 1,
      networkMode: 'always',
    }),
};

export const aiQueries = {
  status: () =>
    queryOptions({
      queryKey: queryKeys.ai.status(),
      queryFn: () => callOrThrow('ai.getStatus', {}),
      staleTime: 30_000,
      networkMode: 'always',
    }),
  /** Calls, tokens, cache hit rate and cost per provider (the options page's usage view). */
  usage: () =>
    queryOptions({
      queryKey: queryKeys.ai.usage(),
      queryFn: () => callOrThrow('ai.usageSummary', {}),
      staleTime: 10_000,
    }),
};
