import { z } from 'zod';
import { driftEntrySchema } from '../../listings/drift';
import { AMAZON_POLICIES, CHANNELS, SEVERITIES, VERDICTS } from '../../listings/types';
import { defineMessage, type MessageDef } from '../define';

const channel = z.enum(CHANNELS);
const severity = z.enum(SEVERITIES);
const verdict = z.enum(VERDICTS);
const policy = z.enum(AMAZON_POLICIES);
const catalogueStatus = z.enum(['draft', 'ready', 'submitted', 'live', 'suppressed']);
const marketplaceStatus = z.enum(['active', 'inactive', 'suppressed', 'incomplete', 'unknown']);

const fieldFinding = z.object({ rule: z.string(), field: z.string(), severity, message: z.string() });
const policyInfo = z.object({ policy, auto: z.boolean() });

export const channelReadinessSchema = z.object({
  channel,
  ready: z.boolean(),
  verdict,
  violations: z.number().int(),
  blocking: z.number().int(),
  mustFix: z.number().int(),
  advice: z.number().int(),
  /** Top findings of the derived variant (what still stops it). */
  top: z.array(fieldFinding.extend({ plain: z.string() })).max(5),
  /** How many of the product's SKUs pass this channel's check. */
  skus: z.object({ ready: z.number().int(), total: z.number().int() }),
});

export const productPanelSchema = z.object({
  productId: z.string(),
  title: z.string(),
  version: z.number().int(),
  capturedAt: z.string(),
  updatedAt: z.string(),
  /** This read stored a new version. */
  changedNow: z.boolean(),
  lastChange: z.object({ at: z.string(), version: z.number().int(), fields: z.array(z.string()) }).nullable(),
  history: z.array(z.object({ at: z.string(), version: z.number().int(), fields: z.array(z.string()) })).max(10),
  shopify: z.object({
    verdict,
    findings: z.array(fieldFinding.extend({ label: z.string(), plain: z.string(), review: z.boolean() })),
  }),
  channels: z.array(channelReadinessSchema),
  gtin: z.array(
    z.object({ sku: z.string(), code: z.string(), rule: z.string(), severity, message: z.string(), plain: z.string() }),
  ),
  missingBarcodes: z.array(z.string()),
  specialistOwned: z.boolean(),
  policy: policyInfo,
});
export type ProductPanel = z.infer<typeof productPanelSchema>;

export const editorPanelSchema = z.object({
  sku: z.string().nullable(),
  asin: z.string().nullable(),
  marketplace: z.string(),
  policy: policyInfo,
  verdict,
  counts: z.object({ mustFix: z.number().int(), advice: z.number().int() }),
  findings: z.array(fieldFinding.extend({ plain: z.string(), review: z.boolean() })),
  marks: z.array(z.object({ field: z.string(), severity: z.string(), note: z.string() })).max(200),
  canonical: z
    .object({
      productId: z.string(),
      title: z.string(),
      version: z.number().int(),
      updatedAt: z.string(),
      matchedBy: z.enum(['sku', 'gtin']),
      variantSku: z.string(),
    })
    .nullable(),
  drift: z.array(driftEntrySchema),
  suggestions: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      current: z.string(),
      proposed: z.string(),
      fixes: z.array(z.string()),
      source: z.enum(['canonical', 'rule-fix']),
      clean: z.boolean(),
      kind: z.enum(['fix', 'sync']),
      mustFix: z.boolean(),
      changes: z.array(z.string()),
      note: z.string().nullable(),
      adds: z.array(z.string()),
    }),
  ),
  specialistOwned: z.boolean(),
  priceFlags: z.array(z.object({ sku: z.string(), message: z.string() })),
  derivedReady: z.boolean().nullable(),
  status: z.object({ status: marketplaceStatus, reason: z.string().nullable() }).nullable(),
  labels: z.record(z.string(), z.string()),
});
export type EditorPanel = z.infer<typeof editorPanelSchema>;

export const inventoryPanelSchema = z.object({
  marketplace: z.string(),
  recorded: z.number().int(),
  matched: z.number().int(),
  counts: z.record(marketplaceStatus, z.number().int()),
  suppressed: z.array(z.object({ sku: z.string(), title: z.string(), reason: z.string().nullable() })),
  reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type InventoryPanel = z.infer<typeof inventoryPanelSchema>;

export const catalogueSchema = z.object({
  channels: z.array(channel),
  policy: policyInfo,
  rows: z.array(
    z.object({
      productId: z.string(),
      title: z.string(),
      skus: z.array(z.string()),
      version: z.number().int(),
      updatedAt: z.string(),
      specialistOwned: z.boolean(),
      cells: z.array(
        z.object({
          channel,
          status: catalogueStatus,
          violations: z.number().int().nullable(),
          blocking: z.number().int().nullable(),
          mustFix: z.number().int().nullable(),
          advice: z.number().int().nullable(),
          /** Must-fix findings of the live listing at the last Seller Central editor read. */
          liveMustFix: z.number().int().nullable(),
          checkedAt: z.string().nullable(),
          stale: z.boolean(),
          drift: z.number().int().nullable(),
          reason: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Messages of the listings process (rules in lib/listings, wired in entrypoints/background/listings.ts). */
export const listingsMessages = {
  /** Shopify product page: the tab's product as captured canonical (by the snapshot hook), summarised. Reads only. */
  'listings.product': defineMessage({
    request: z.object({}).strict(),
    response: productPanelSchema,
    senders: ['panel'],
  }),
  /** The panel showed a product's version as changed: later reads of it say "up to date" (a mutation, not a read). */
  'listings.productShown': defineMessage({
    request: z.object({ productId: z.string().min(1).max(500), version: z.number().int().min(1) }).strict(),
    response: z.object({ recorded: z.boolean() }),
    senders: ['panel'],
  }),
  /** Seller Central listing editor: violations, drift from canonical, suggestions (the hook records the status alert). */
  'listings.editor': defineMessage({
    request: z.object({}).strict(),
    response: editorPanelSchema,
    senders: ['panel'],
  }),
  /** Manage All Inventory: every row's status summarised (the hook records the rows). */
  'listings.inventory': defineMessage({
    request: z.object({}).strict(),
    response: inventoryPanelSchema,
    senders: ['panel'],
  }),
  /** Model rewrite of the editor's title for search, re-checked by the Amazon rules. */
  'listings.rewrite': defineMessage({
    request: z.object({ field: z.literal('title') }).strict(),
    response: z.object({
      field: z.string(),
      text: z.string(),
      findings: z.array(fieldFinding),
      ready: z.boolean(),
      provider: z.string(),
      model: z.string(),
      notice: z.string().nullable(),
    }),
    senders: ['panel'],
  }),
  /** What the person did with a suggestion (audit log). */
  'listings.logApply': defineMessage({
    request: z
      .object({ field: z.string().max(200), value: z.string().max(20_000), source: z.string().max(40) })
      .strict(),
    response: z.object({ logged: z.boolean() }),
    senders: ['panel'],
  }),
  /** Catalogue page: every canonical product × channel. */
  'listings.catalogue': defineMessage({
    request: z.object({}).strict(),
    response: catalogueSchema,
    senders: ['page', 'panel'],
  }),
  /** Catalogue page: the findings behind one cell (a SKU on a channel), in page order and plain words. */
  'listings.cellFindings': defineMessage({
    request: z.object({ productId: z.string().min(1).max(300), sku: z.string().max(200), channel }).strict(),
    response: z.object({
      productId: z.string(),
      title: z.string(),
      sku: z.string(),
      channel,
      ready: z.boolean(),
      mustFix: z.number().int(),
      advice: z.number().int(),
      findings: z.array(fieldFinding.extend({ label: z.string(), plain: z.string(), review: z.boolean() })),
      live: z
        .object({ mustFix: z.number().int().nullable(), seenAt: z.string(), status: marketplaceStatus })
        .nullable(),
    }),
    senders: ['page'],
  }),
  /** Catalogue page: derive and re-check a batch of products on every channel (the page drives the progress). */
  'listings.checkProducts': defineMessage({
    request: z.object({ ids: z.array(z.string().max(300)).max(100) }).strict(),
    response: z.object({ checked: z.number().int(), ready: z.number().int() }),
    senders: ['page'],
  }),
  /** Catalogue page: feed file of one channel's ready variants, in the channel's column names. */
  'listings.exportFeed': defineMessage({
    request: z.object({ channel, format: z.enum(['csv', 'tsv']) }).strict(),
    response: z.object({
      filename: z.string(),
      content: z.string(),
      rows: z.number().int(),
      skipped: z.number().int(),
    }),
    senders: ['page'],
  }),
} as const satisfies Record<string, MessageDef>;
