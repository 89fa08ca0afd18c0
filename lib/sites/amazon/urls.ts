/** Seller Central page detectors (host-pages §4.1): pure functions of the URL. */
import { AMAZON_TLDS as TLDS } from '../hosts';

const HOSTS = new Set<string>([
  ...TLDS.map((t) => `sellercentral.amazon.${t}`),
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
]);

export const AMAZON_PAGES = ['listing-edit', 'inventory', 'unknown'] as const;
export type AmazonPage = (typeof AMAZON_PAGES)[number];

export interface AmazonRoute {
  page: AmazonPage;
  sku: string | null;
  asin: string | null;
  marketplaceId: string | null;
  productType: string | null;
  /** Editor tab from the sub-path (`product_details`, `offer`, `images`…), when present. */
  tab: string | null;
}

/** True for every Seller Central host, including the -europe and -japan hosts. */
export function isSellerCentralHost(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname.toLowerCase());
}

/** Route of a Seller Central URL. */
export function amazonRoute(url: URL): AmazonRoute {
  const none: AmazonRoute = {
    page: 'unknown',
    sku: null,
    asin: null,
    marketplaceId: null,
    productType: null,
    tab: null,
  };
  if (!isSellerCentralHost(url)) return none;
  const q = url.searchParams;
  const edit = url.pathname.match(/^\/abis\/listing\/edit(?:\/([a-z_]+))?\/?$/);
  if (edit) {
    return {
      page: 'listing-edit',
      sku: q.get('sku'),
      asin: q.get('asin'),
      marketplaceId: q.get('marketplaceID') ?? q.get('marketplaceId'),
      productType: q.get('productType'),
      tab: edit[1] ?? (url.hash.replace(/^#/, '') || null),
    };
  }
  if (/^\/myinventory\/inventory\/?$/.test(url.pathname))
    return { ...none, page: 'inventory', sku: q.get('searchTerm') };
  return none;
}

/** "Edit product details": `/abis/listing/edit[/tab]?marketplaceID=…&sku=…&asin=…&productType=…`. */
export function isListingEdit(url: URL): boolean {
  return amazonRoute(url).page === 'listing-edit';
}

/** Manage All Inventory (new): `/myinventory/inventory?…`. */
export function isInventoryList(url: URL): boolean {
  return amazonRoute(url).page === 'inventory';
}
