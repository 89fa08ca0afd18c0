/** Shopify admin page detectors (host-pages §3.1): pure functions of the URL. */

export const SHOPIFY_PAGES = ['product', 'inventory', 'order', 'unknown'] as const;
export type ShopifyPage = (typeof SHOPIFY_PAGES)[number];

export interface ShopifyRoute {
  page: ShopifyPage;
  /** Store handle (`/store/{h}/`) or the shop subdomain of `{shop}.myshopify.com`. */
  store: string | null;
  /** Numeric product or order id. */
  id: string | null;
}

function adminPath(url: URL): { store: string; rest: string } | null {
  if (url.protocol !== 'https:') return null;
  if (url.hostname === 'admin.shopify.com') {
    const m = url.pathname.match(/^\/store\/([a-z0-9][a-z0-9-]*)(\/.*)?$/i);
    return m ? { store: m[1] ?? '', rest: m[2] ?? '/' } : null;
  }
  const legacy = url.hostname.match(/^([a-z0-9][a-z0-9-]*)\.myshopify\.com$/i);
  if (legacy) {
    const m = url.pathname.match(/^\/admin(\/.*)?$/);
    return m ? { store: legacy[1] ?? '', rest: m[1] ?? '/' } : null;
  }
  return null;
}

/** Route of a Shopify admin URL; `unknown` for other admin pages and null store for other hosts. */
export function shopifyRoute(url: URL): ShopifyRoute {
  const a = adminPath(url);
  if (!a) return { page: 'unknown', store: null, id: null };
  const rest = a.rest.replace(/\/+$/, '');
  const product = rest.match(/^\/products\/(\d+)$/);
  if (product) return { page: 'product', store: a.store, id: product[1] ?? null };
  if (rest === '/products/inventory') return { page: 'inventory', store: a.store, id: null };
  const order = rest.match(/^\/orders\/(\d+)$/);
  if (order) return { page: 'order', store: a.store, id: order[1] ?? null };
  return { page: 'unknown', store: a.store, id: null };
}

/** Product detail/edit page: `/store/{h}/products/{id}` or legacy `{shop}.myshopify.com/admin/products/{id}`. */
export function isProductPage(url: URL): boolean {
  return shopifyRoute(url).page === 'product';
}

/** Inventory list: `/store/{h}/products/inventory` ("inventory" is not a product id). */
export function isInventoryPage(url: URL): boolean {
  return shopifyRoute(url).page === 'inventory';
}

/** Order detail: `/store/{h}/orders/{id}`. */
export function isOrderPage(url: URL): boolean {
  return shopifyRoute(url).page === 'order';
}
