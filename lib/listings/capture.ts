/**
 * Canonical capture: a product read from Shopify becomes the stored canonical version, with a
 * history entry when anything changed, and is re-checked per channel when its checks are stale.
 */
import { type CanonicalChange, type CanonicalProduct, diffCanonical } from './canonical';
import { type ChannelCheck, type CheckSettings, channelChecks, deriveAllSkus, type SkuVariant } from './readiness';
import { CHANNELS, type Channel } from './types';

/** A stored canonical version (Dexie `products`). */
export interface ProductRecord {
  id: string;
  product: CanonicalProduct;
  version: number;
  capturedAt: string;
  updatedAt: string;
  source: string;
  /** Shopify's product status as read ("Active", "Draft"), or null. */
  shopifyStatus: string | null;
  checks: Partial<Record<Channel, ChannelCheck>>;
}

/** A history entry (Dexie `productHistory`). */
export interface HistoryRecord {
  id: string;
  productId: string;
  version: number;
  at: string;
  changes: CanonicalChange[];
}

/** A product as a Shopify product page showed it (see `lib/sites/shopify/to-product.ts`). */
export interface ProductRead {
  product: CanonicalProduct;
  /** Shopify's status badge ("Active", "Draft"), or null. */
  shopifyStatus: string | null;
  /** The page it was read from. */
  source: string;
}

/** The id a product is stored under: Shopify's id, else its handle, else its title. */
export function productIdOf(p: CanonicalProduct): string {
  return p.id || p.handle || p.title;
}

function shortValue(v: unknown): unknown {
  if (typeof v === 'string') return v.length > 300 ? `${v.slice(0, 297)}…` : v;
  if (v === null || typeof v !== 'object') return v;
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 297)}…` : v;
}

/**
 * Captures a product read from Shopify: a new version (with its history entry) when anything
 * changed since the stored one, else the stored record untouched.
 */
export function captureCanonical(
  prev: ProductRecord | null,
  product: CanonicalProduct,
  meta: { at: string; source: string; shopifyStatus: string | null },
): { record: ProductRecord; history: HistoryRecord | null; changed: boolean } {
  const id = productIdOf(product);
  const changes = diffCanonical(prev?.product ?? null, product);
  if (prev && changes.length === 0) {
    const statusChanged = prev.shopifyStatus !== meta.shopifyStatus;
    return {
      record: statusChanged ? { ...prev, shopifyStatus: meta.shopifyStatus } : prev,
      history: null,
      changed: statusChanged,
    };
  }
  const version = (prev?.version ?? 0) + 1;
  const record: ProductRecord = {
    id,
    product: { ...product, id },
    version,
    capturedAt: prev?.capturedAt ?? meta.at,
    updatedAt: meta.at,
    source: meta.source,
    shopifyStatus: meta.shopifyStatus,
    checks: prev?.checks ?? {},
  };
  const history: HistoryRecord = {
    id: `${id}:${version}`,
    productId: id,
    version,
    at: meta.at,
    changes: changes
      .slice(0, 200)
      .map((c) => ({ field: c.field, before: shortValue(c.before), after: shortValue(c.after) })),
  };
  return { record, history, changed: true };
}

/** A capture with its per-SKU variants, and what to store. */
export interface ProductCapture {
  record: ProductRecord;
  history: HistoryRecord | null;
  derived: Record<Channel, SkuVariant[]>;
  /** The record changed or its checks were stale (older version, or from before per-SKU checks): store it. */
  write: boolean;
}

/** Captures a read product against the stored one and re-checks every channel when anything changed or the checks are stale. */
export function captureAndCheck(
  prev: ProductRecord | null,
  read: ProductRead,
  s: CheckSettings,
  at: string,
): ProductCapture {
  const { record, history, changed } = captureCanonical(prev, read.product, {
    at,
    source: read.source,
    shopifyStatus: read.shopifyStatus,
  });
  const derived = deriveAllSkus(record.product, s);
  const stale = CHANNELS.some((c) => record.checks[c]?.version !== record.version || !record.checks[c]?.skus);
  if (!changed && !stale) return { record, history, derived, write: false };
  const checks = { ...record.checks, ...channelChecks(derived, record.version, at) };
  return { record: { ...record, checks }, history, derived, write: true };
}
