/** Sales channels the planner splits demand by. Shopify `Source` = `pos` is the retail store; every other Shopify source is the web shop. */
export const CHANNELS = { shopify: 'shopify', pos: 'pos', amazon: 'amazon' } as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Why a sold line does not count as demand. Kept (not rejected) so the report can count them. */
export const EXCLUSIONS = { cancelled: 'cancelled', refunded: 'refunded' } as const;
export type Exclusion = (typeof EXCLUSIONS)[keyof typeof EXCLUSIONS];

/** One order line from any sales channel. */
export interface OrderLine {
  id: string;
  source: 'shopify-orders' | 'amazon-orders';
  channel: Channel;
  orderId: string;
  /** Order day as the export wrote it (store-local), YYYY-MM-DD. */
  day: string;
  sku: string;
  qty: number;
  unitPrice: number | null;
  currency: string | null;
  country: string | null;
  excluded: Exclusion | null;
}

/** Where a stock count came from. `shopify-page` is a snapshot the content script read off the admin page. */
export type InventorySource = 'shopify-inventory' | 'fba-inventory' | '3pl-onhand' | 'shopify-page';

/** A stock count of one SKU at one location on one day. */
export interface InventoryCount {
  id: string;
  source: InventorySource;
  sku: string;
  location: string;
  onHand: number;
  available: number | null;
  committed: number;
  incoming: number;
  asOf: string;
}

/** A supplier's terms for one SKU. Missing numbers stay null so the data gate can flag them. */
export interface SupplierTerm {
  id: string;
  sku: string;
  supplier: string;
  leadTimeDays: number | null;
  leadTimeSdDays: number | null;
  moq: number | null;
  casePack: number | null;
  unitCost: number | null;
  currency: string | null;
}

/** A marketing event that lifts demand for some SKUs (listed, or by collection or tag, or `all`). */
export interface Promo {
  id: string;
  name: string;
  start: string;
  end: string;
  skus: string[];
  collection: string | null;
  tag: string | null;
  upliftPct: number;
}

/** Cash available for purchase orders in a period. */
export interface BudgetPeriod {
  id: string;
  start: string;
  end: string;
  amount: number;
  currency: string | null;
}

/** One component of a bundle SKU: selling the bundle sells `qty` of the component. */
export interface BundleComponent {
  id: string;
  bundleSku: string;
  componentSku: string;
  qty: number;
}

/** One SKU of the product catalogue (Shopify products export): what a promo can aim at besides the SKU itself. */
export interface CatalogEntry {
  id: string;
  sku: string;
  handle: string;
  title: string;
  productType: string;
  vendor: string;
  tags: string[];
  collections: string[];
}
