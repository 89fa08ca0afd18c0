import type { ProductRead } from '../../listings/capture';
import type { CheckedSnapshot } from '../data-schemas';
import { pageData } from '../page-data';
import { shopifyProductDataSchema } from './schema';

/** A Shopify product-page snapshot as the canonical product it shows; null for any other snapshot. */
export function toProductRead(snapshot: CheckedSnapshot | null): ProductRead | null {
  const d = pageData(snapshot, 'shopify', 'product', shopifyProductDataSchema);
  if (!d || !snapshot) return null;
  return { product: d.product, shopifyStatus: d.status, source: snapshot.url };
}
