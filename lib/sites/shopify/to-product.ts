import type { ProductRead } from '../../listings/capture';
import type { CheckedSnapshot } from '../data-schemas';
import { pageData } from '../page-data';
import { shopifyProductDataSchema } from './schema';

/**
 * A Shopify product-page snapshot as the canonical product it shows; null for any other snapshot,
 * and for a partial read without a title or any variant (too little to stand as the canonical product).
 */
export function toProductRead(snapshot: CheckedSnapshot | null): ProductRead | null {
  const d = pageData(snapshot, 'shopify', 'product', shopifyProductDataSchema);
  if (!d || !snapshot) return null;
  if (!d.product.title || d.product.variants.length === 0) return null;
  return { product: d.product, shopifyStatus: d.status, source: snapshot.url };
}
