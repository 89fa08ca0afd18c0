import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { queryKeys } from '../../lib/messaging/query-keys';
import { createPanelRefresher } from './refresh';
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
    const refresher = createPanelRefresher(queryClient);
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
        refresher.refresh();
      });
      port.onDisconnect.addListener(() => {
        if (closed) return;
        attempts += 1;
        retry = setTimeout(
          () => {
            connect();
            refresher.refresh();
          },
          Math.min(5000, 250 * attempts),
        );
      });
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      refresher.dispose();
    };
  }, [queryClient]);
}
