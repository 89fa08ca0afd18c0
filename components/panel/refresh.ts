import type { QueryClient } from '@tanstack/react-query';
import { dropAnswersAhead } from '../../lib/messaging/ahead';
import { queryKeys } from '../../lib/messaging/query-keys';

/**
 * "Your page changed" for the panel's queries (`queryKeys.panel.all`). TanStack's invalidation does
 * not restart a query's first fetch (it has no data yet, so the running fetch is reused), and that
 * fetch may have read the page as it was before the change: the panel would then show the old page
 * until the next change (a Seller Central count without its measured pictures, for ever). Such a
 * query is asked again as soon as its running fetch ends. A fetch is never cancelled, so a page that
 * keeps changing still gets answers. Answers given ahead with the context (`panel.open`) are of the
 * page before the change: dropped first, so the questions asked again go to the background.
 */
export function createPanelRefresher(queryClient: QueryClient): { refresh(): void; dispose(): void } {
  const again = new Set<string>();
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    const { query } = event;
    // Any invalidation (a page change, or a value the user saved from the panel) makes the answers
    // still unused from the first load out of date: a question asked again goes to the background.
    if (event.type === 'updated' && event.action.type === 'invalidate') dropAnswersAhead();
    if (event.type !== 'updated' || query.state.fetchStatus !== 'idle' || !again.delete(query.queryHash)) return;
    void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  });
  return {
    refresh() {
      dropAnswersAhead();
      for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.panel.all }))
        if (query.state.fetchStatus === 'fetching' && query.state.data === undefined) again.add(query.queryHash);
      void queryClient.invalidateQueries({ queryKey: queryKeys.panel.all });
    },
    dispose() {
      unsubscribe();
      again.clear();
    },
  };
}
