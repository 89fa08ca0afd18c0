import { queryOptions } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';
import type { Catalogue } from '../../lib/messaging/contract/listings';
import { queryKeys } from '../../lib/messaging/query-keys';

/**
 * Listings data over typed messages. Panel keys start with `panel` so the background's
 * "page changed" signal refetches them; the catalogue has its own key.
 */
export const listingsQueries = {
  product: (entityId: string | null) =>
    queryOptions({
      queryKey: queryKeys.listings.product(entityId),
      queryFn: () => callOrThrow('listings.product', {}),
      staleTime: 0,
      retry: 1,
      networkMode: 'always',
    }),
  editor: (entityId: string | null) =>
    queryOptions({
      queryKey: queryKeys.listings.editor(entityId),
      queryFn: () => callOrThrow('listings.editor', {}),
      staleTime: 0,
      retry: 1,
      networkMode: 'always',
    }),
  inventory: () =>
    queryOptions({
      queryKey: queryKeys.listings.inventory(),
      queryFn: () => callOrThrow('listings.inventory', {}),
      staleTime: 0,
      retry: 1,
      networkMode: 'always',
    }),
  cell: (c: { productId: string; sku: string; channel: Catalogue['channels'][number] }) =>
    queryOptions({
      queryKey: queryKeys.listings.cell(c.productId, c.sku, c.channel),
      queryFn: () => callOrThrow('listings.cellFindings', c),
      staleTime: 10_000,
      retry: 1,
      networkMode: 'always',
    }),
  catalogue: () =>
    queryOptions({
      queryKey: queryKeys.listings.catalogue(),
      queryFn: () => callOrThrow('listings.catalogue', {}),
      staleTime: 10_000,
      retry: 1,
      networkMode: 'always',
    }),
};
