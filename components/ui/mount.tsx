import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Mounts one top-level extension page with its own QueryClient, inside the page's one `main`
 * landmark (axe `landmark-one-main`): a page component must not render another `main`.
 */
export function mountPage(node: ReactNode): void {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: false, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <main className="cp-page-main">{node}</main>
      </QueryClientProvider>
    </StrictMode>,
  );
}
