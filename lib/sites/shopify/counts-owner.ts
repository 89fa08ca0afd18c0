import type { ShopifyProductData } from './schema';

/**
 * The SKU a product page's per-location counts belong to: the Inventory card's SKU when the page
 * shows one; else the product's only SKU; else null — with several variants and no SKU on the card,
 * the counts cannot be tied to one of them (the variant's own page can).
 */
export function locationCountsSku(data: Pick<ShopifyProductData, 'product' | 'inventorySku'>): string | null {
  const card = data.inventorySku?.trim();
  if (card) return card;
  const skus = [...new Set(data.product.variants.map((v) => v.sku.trim()).filter(Boolean))];
  return skus.length === 1 ? skus[0]! : null;
}
