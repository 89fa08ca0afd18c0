import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';

/**
 * Listings data over typed messages. Panel keys start with `panel` so the background's
 * "page changed" signal refetches them; the catalogue has its own key.
 */
export const listingsQueries = {
  product: (entityId: string | null) =>
    queryOptions({
      queryKey: ['panel', 'listings', 'product', entityId] as const,
      queryFn: () => callOrThrow('listings.product', {}),
      staleTime: 0,
      retry: 1,
      networkMode: 'always',
    }),
  editor: (entityId: string | null) =>
    queryOptions({
      queryKey: ['panel', 'listings', 'editor', entityId] as const,
      queryFn: () => callOrThrow('listings.editor', {}),
      staleTime: 0,
      retry: 1,
      networkMode: 'always',
    }),
  inventory: () =>
    queryOptions({
      queryKey: ['panel', 'listings', 'inventory'] as const,
      queryFn: () => callOrThrow('listings.inventory', {}),
      staleTime: 0,
      retry: 1,
      networkMode: 'always',
    }),
  catalogue: () =>
    queryOptions({
      queryKey: ['listings', 'catalogue'] as const,
      queryFn: () => callOrThrow('listings.catalogue', {}),
      staleTime: 10_000,
      retry: 1,
      networkMode: 'always',
    }),
};
