import { inventoryPageStock, NO_PAGE_STOCK, type PageStock, productPageStock } from '../../planning/page-counts';
import type { CheckedSnapshot } from '../data-schemas';
import { pageData } from '../page-data';
import { locationCountsSku } from './counts-owner';
import { shopifyInventoryDataSchema, shopifyProductDataSchema } from './schema';

/** A Shopify product or inventory-list snapshot as the SKUs and location counts it shows; nothing for any other page. */
export function toPageStock(snapshot: CheckedSnapshot | null): PageStock {
  const product = pageData(snapshot, 'shopify', 'product', shopifyProductDataSchema);
  if (product) return productPageStock(product.product.variants, product.inventory, locationCountsSku(product));
  const list = pageData(snapshot, 'shopify', 'inventory', shopifyInventoryDataSchema);
  if (list) return inventoryPageStock(list.rows);
  return NO_PAGE_STOCK;
}
