import { queryOptions } from '@tanstack/react-query';
import { openPanel } from './ahead';
import { callOrThrow } from './client';
import { queryKeys } from './query-keys';
import { unwrap } from './result';

/** How often a panel still waiting for its page's first snapshot asks again. */
export const WAITING_RECHECK_MS = 1000;

/** Query keys and functions over typed messages, one factory per piece of data. */
export const panelQueries = {
  /**
   * What the panel's tab shows; refetched when the background says the page changed. While the tab
   * has no snapshot yet ("Waiting for the page to load…"), it is also asked again every second, so a
   * "page changed" signal lost between the panel's first read and its port never leaves it waiting.
   * Each read brings the answers to the page's first questions with it (`panel.open`).
   */
  context: () =>
    queryOptions({
      queryKey: queryKeys.panel.context(),
      queryFn: () => openPanel().then(unwrap),
      staleTime: Number.POSITIVE_INFINITY,
      refetchInterval: (query) => (query.state.data && !query.state.data.snapshot ? WAITING_RECHECK_MS : false),
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
