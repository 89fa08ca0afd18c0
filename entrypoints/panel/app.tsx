import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../components/panel/PanelApp';
import type { PanelContext } from '../../components/panel/types';
import { panelQueries } from '../../lib/messaging/queries';
import { type Result, unwrap } from '../../lib/messaging/result';
import '../../components/ui/theme.css';
import '../../components/panel/panel.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, networkMode: 'always' },
    mutations: { networkMode: 'always' },
  },
});

/** Renders the panel; `early` is the context the boot asked for before this code had loaded. */
export function start(appHint: string | null, early: Promise<Result<PanelContext>>): void {
  void queryClient.prefetchQuery({ ...panelQueries.context(), queryFn: () => early.then(unwrap) });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <PanelApp appHint={appHint} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
