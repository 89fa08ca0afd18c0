import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { queryKeys } from '../../lib/messaging/query-keys';
import type { PanelContext } from './types';

/**
 * Keeps a port open to the background so it can say "your page changed" (it says so once as soon as
 * the port is registered); reconnects when the worker restarts (every port drops) and refetches.
 */
export function usePanelPort(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const connect = () => {
      if (closed) return;
      let port: ReturnType<typeof browser.runtime.connect>;
      try {
        port = browser.runtime.connect({ name: 'panel' });
      } catch {
        return; // The extension context is gone; the dock shows the reload notice.
      }
      port.onMessage.addListener((message: { snapshot?: PanelContext['snapshot'] }) => {
        // The new snapshot comes with the notice: shown at once, the rest of the context refetched.
        const snapshot = message?.snapshot;
        if (snapshot)
          queryClient.setQueryData<PanelContext>(queryKeys.panel.context(), (old) =>
            old ? { ...old, snapshot } : old,
          );
        invalidate(queryClient);
      });
      port.onDisconnect.addListener(() => {
        if (closed) return;
        attempts += 1;
        retry = setTimeout(
          () => {
            connect();
            invalidate(queryClient);
          },
          Math.min(5000, 250 * attempts),
        );
      });
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
    };
  }, [queryClient]);
}

function invalidate(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.panel.all });
}
