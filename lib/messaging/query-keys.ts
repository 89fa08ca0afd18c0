/**
 * Every TanStack Query key of the extension's React roots, from one factory per area (the
 * query-key factory pattern of the TanStack docs): queries and invalidations both take their keys
 * from here, so a key is spelled once. Keys under `panel` are the framed panel's view of its tab:
 * the background's "page changed" signal invalidates `queryKeys.panel.all`.
 */
export const queryKeys = {
  panel: {
    all: ['panel'] as const,
    context: () => [...queryKeys.panel.all, 'context'] as const,
  },
  ai: {
    all: ['ai'] as const,
    status: () => [...queryKeys.ai.all, 'status'] as const,
    usage: () => [...queryKeys.ai.all, 'usage'] as const,
  },
  settings: {
    all: ['settings'] as const,
    brand: () => [...queryKeys.settings.all, 'brand'] as const,
    planning: () => [...queryKeys.settings.all, 'planning'] as const,
    listings: () => [...queryKeys.settings.all, 'listings'] as const,
    retention: () => [...queryKeys.settings.all, 'retention'] as const,
    loopApiKey: () => [...queryKeys.settings.all, 'loopApiKey'] as const,
  },
  cs: {
    all: ['cs'] as const,
    settings: () => [...queryKeys.cs.all, 'settings'] as const,
    stats: () => [...queryKeys.cs.all, 'stats'] as const,
    /** Classification of the panel tab's ticket (refetched when the page changes). */
    analysis: (ticketKey: string) => [...queryKeys.panel.all, 'cs', 'analysis', ticketKey] as const,
    /** The draft of one ticket content: not under `panel`, so a page signal never redrafts it. */
    draft: (ticketHash: string) => [...queryKeys.cs.all, 'draft', ticketHash] as const,
    regenerate: () => [...queryKeys.cs.all, 'regenerate'] as const,
  },
  learning: {
    all: ['learning'] as const,
    stats: () => [...queryKeys.learning.all, 'stats'] as const,
    /** The running (or last) import of past tickets from Gorgias. */
    gorgiasImport: () => [...queryKeys.learning.all, 'gorgiasImport'] as const,
    /** The reason read from text pasted on an unreadable Loop page. */
    pastedReturn: (text: string) => [...queryKeys.panel.all, 'loop-pasted', text] as const,
  },
  returns: {
    all: ['returns'] as const,
    analysis: (returnId: string | null, capturedAt: string) =>
      [...queryKeys.panel.all, 'returns', 'analysis', returnId, capturedAt] as const,
    insights: (by: 'sku' | 'product', period: 'week' | 'month') =>
      [...queryKeys.returns.all, 'insights', by, period] as const,
    config: () => [...queryKeys.returns.all, 'config'] as const,
  },
  listings: {
    all: ['listings'] as const,
    product: (entityId: string | null) => [...queryKeys.panel.all, 'listings', 'product', entityId] as const,
    editorAll: () => [...queryKeys.panel.all, 'listings', 'editor'] as const,
    editor: (entityId: string | null) => [...queryKeys.listings.editorAll(), entityId] as const,
    inventory: () => [...queryKeys.panel.all, 'listings', 'inventory'] as const,
    catalogue: () => [...queryKeys.listings.all, 'catalogue'] as const,
    /** The findings behind one catalogue cell (refetched with the catalogue). */
    cell: (productId: string, sku: string, channel: string) =>
      [...queryKeys.listings.catalogue(), 'cell', productId, sku, channel] as const,
  },
  planning: {
    skuSummary: (snapshotAt: string | null) => [...queryKeys.panel.all, 'planning', 'skuSummary', snapshotAt] as const,
  },
} as const;
