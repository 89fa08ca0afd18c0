import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { queryKeys } from '../../lib/messaging/query-keys';

/**
 * Keeps a port open to the background so it can say "your page changed"; refetches what the panel
 * shows once the port is open and whenever it reconnects (the worker restarted: every port drops).
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
      port.onMessage.addListener(() => invalidate(queryClient));
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
    // The context query went out before this port existed: a snapshot written in between (the
    // background writes it only after its hooks) was announced to no one, so ask again once the
    // port is open (the background handles the connect before this refetch's message).
    connect();
    invalidate(queryClient);
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
    };
  }, [queryClient]);
}

function invalidate(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.panel.all });
}
