import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from './client';

/** Query keys and functions over typed messages, one factory per piece of data. */
export const panelQueries = {
  /** What the panel's tab shows; refetched when the background says the page changed. */
  context: () =>
    queryOptions({
      queryKey: ['panel', 'context'] as const,
      queryFn: () => callOrThrow('panel.getContext', {}),
      staleTime: Number.POSITIVE_INFINITY,
      retry: 1,
      networkMode: 'always',
    }),
};

export const aiQueries = {
  status: () =>
    queryOptions({
      queryKey: ['ai', 'status'] as const,
      queryFn: () => callOrThrow('ai.getStatus', {}),
      staleTime: 30_000,
      networkMode: 'always',
    }),
};
