import { z } from 'zod';
import {
  type BuildResult,
  cellAt,
  type ImportOptions,
  parseDay,
  parseNumber,
  type SourceSpec,
  zodReason,
} from '../../import/core';
import { stableId } from '../../import/hash';
import type {
  BudgetPeriod,
  BundleComponent,
  CatalogEntry,
  Channel,
  Exclusion,
  InventoryCount,
  OrderLine,
  Promo,
  SupplierTerm,
} from './types';

// Cell validators: cells arrive as trimmed strings; '' means empty.
const wholeNumber = (min = 0) =>
  z.string().transform((s, ctx) => {
    const n = parseNumber(s);
    if (n === null || !Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: `expected a whole number, got "${s}"` });
      return z.NEVER;
    }
    if (n < min) {
      ctx.addIssue({ code: 'custom', message: `must be at least ${min}, got ${n}` });
      return z.NEVER;
    }
    return n;
  });
const signedWhole = z.string().transform((s, ctx) => {
  const n = parseNumber(s);
  if (n === null || !Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `expected a whole number, got "${s}"` });
    return z.NEVER;
  }
  return n;
});
const optionalNumber = (min = 0) =>
  z.string().transform((s, ctx) => {
    if (s === '') return null;
    const n = parseNumber(s.replace(/%$/, ''));
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: `expected a number, got "${s}"` });
      return z.NEVER;
    }
    if (n < min) {
      ctx.addIssue({ code: 'custom', message: `must be at least ${min}, got ${n}` });
      return z.NEVER;
    }
    return n;
  });
const day = z.string().transform((s, ctx) => {
  const d = parseDay(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: s === '' ? 'date is empty' : `not a date: "${s}"` });
    return z.NEVER;
  }
  return d;
});
const text = z.string();
const nonEmpty = z.string().min(1, 'is empty');
const currency = z.string().transform((s) => (s === '' ? null : s.toUpperCase()));

function withColumns<K extends string>(fields: Record<K, { aliases: readonly string[] }>) {
  // Reasons name the export's own column (first alias) so the planner can find it in the file.
  const names: Record<string, string> = {};
  for (const [key, f] of Object.entries(fields) as [K, { aliases: readonly string[] }][])
    names[key] = f.aliases[0] ?? key;
  return names;
}

function validate<S extends z.ZodType>(
  schema: S,
  cells: unknown,
  columnNames: Record<string, string>,
): Exclude<BuildResult<z.output<S>>, { skip: string }> {
  const parsed = schema.safeParse(cells);
  if (parsed.success) return { record: parsed.data as z.output<S> };
  return { reason: zodReason(parsed.error, columnNames) };
}

// ---------------------------------------------------------------------------------------------
// Shopify orders export: one row per line item; order-level fields only on the order's first row.

const shopifyOrderFields = {
  name: { aliases: ['Name', 'Order', 'Order name'], required: true },
  email: { aliases: ['Email'] },
  financialStatus: { aliases: ['Financial Status'] },
  paidAt: { aliases: ['Paid at'] },
  fulfillmentStatus: { aliases: ['Fulfillment Status'] },
  createdAt: { aliases: ['Created at', 'Order date'], required: true, date: true },
  qty: { aliases: ['Lineitem quantity', 'Quantity'], required: true },
  lineName: { aliases: ['Lineitem name'] },
  price: { aliases: ['Lineitem price'] },
  sku: { aliases: ['Lineitem sku', 'SKU'], required: true },
  cancelledAt: { aliases: ['Cancelled at'] },
  source: { aliases: ['Source'] },
  refundedAmount: { aliases: ['Refunded Amount'] },
  currency: { aliases: ['Currency'] },
  shippingCountry: { aliases: ['Shipping Country'] },
} as const;
type ShopifyOrderKey = keyof typeof shopifyOrderFields;
const ORDER_LEVEL: readonly ShopifyOrderKey[] = [
  'email',
  'financialStatus',
  'paidAt',
  'fulfillmentStatus',
  'createdAt',
  'cancelledAt',
  'source',
  'refundedAmount',
  'currency',
  'shippingCountry',
];
export const shopifyOrderRow = z.object({
  name: nonEmpty,
  createdAt: day,
  qty: wholeNumber(0),
  sku: nonEmpty,
  price: optionalNumber(0),
  financialStatus: text,
  cancelledAt: text,
  source: text,
  currency,
  shippingCountry: text,
});

/** `/^\d+$/.test(s)`, without a regex call per cell. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `/^\d+(\.\d+)?$/.test(s)`: digits, then optionally a dot and digits. */
export function isPlainPrice(s: string): boolean {
  let dot = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && dot < 0 && i > 0) dot = i;
    else if (c < 48 || c > 57) return false;
  }
  return s.length > 0 && dot !== s.length - 1;
}

/**
 * Fast path of `shopifyOrderRow` for the common, clean row: returns exactly what the zod schema
 * would, or null when any cell is unusual (then zod validates and gives the reason). Only accepts
 * a subset of what zod accepts; a test checks both agree on every fixture row.
 */
export function fastShopifyOrderRow(c: Record<ShopifyOrderKey, string>): z.output<typeof shopifyOrderRow> | null {
  if (c.name === '' || c.sku === '' || !isDigits(c.qty)) return null;
  if (c.price !== '' && !isPlainPrice(c.price)) return null;
  const createdAt = parseDay(c.createdAt);
  if (!createdAt) return null;
  return {
    name: c.name,
    createdAt,
    qty: Number(c.qty),
    sku: c.sku,
    price: c.price === '' ? null : Number(c.price),
    financialStatus: c.financialStatus,
    cancelledAt: c.cancelledAt,
    source: c.source,
    currency: c.currency === '' ? null : c.currency.toUpperCase(),
    shippingCountry: c.shippingCountry,
  };
}

/**
 * How many times each SKU has come so far in the current order (a line's id counts them), reset
 * per order. Orders have a few lines: a short list is scanned, no map is made per order.
 */
export class Occurrences {
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  private n = 0;
  private map: Map<string, number> | null = null;

  /** Counts one more `key` and returns its count (1 the first time since `clear`). */
  next(key: string): number {
    if (this.map) {
      const c = (this.map.get(key) ?? 0) + 1;
      this.map.set(key, c);
      return c;
    }
    for (let i = 0; i < this.n; i++) if (this.keys[i] === key) return ++this.counts[i]!;
    if (this.n === 32) {
      // A large order: a map from here on.
      this.map = new Map();
      for (let i = 0; i < this.n; i++) this.map.set(this.keys[i]!, this.counts[i]!);
      this.map.set(key, 1);
      return 1;
    }
    this.keys[this.n] = key;
    this.counts[this.n] = 1;
    this.n += 1;
    return 1;
  }

  clear(): void {
    this.n = 0;
    this.map = null;
  }
}

type ShopifyOrderCells = Record<ShopifyOrderKey, string>;
/** The cells an order's later rows take from its first row when theirs are empty. */
type OrderLevel = Pick<ShopifyOrderCells, 'name' | (typeof ORDER_LEVEL_READ)[number]>;
/** The order-level cells a line is made from (the others are carried down too, but nothing reads them). */
const ORDER_LEVEL_READ = [
  'financialStatus',
  'createdAt',
  'cancelledAt',
  'source',
  'currency',
  'shippingCountry',
] as const satisfies readonly ShopifyOrderKey[];
/** What each line of an order takes from the order's first row. */
interface OrderShare {
  day: string;
  channel: Channel;
  currency: string | null;
  country: string | null;
  excluded: Exclusion | null;
}

/** Reads `YYYY-MM-DD…` days, remembering the last one: an export's rows come in date order, so most rows repeat the day before and share its string. */
function dayReader(): (text: string) => string | null {
  let last: string | null = null;
  return (text) => {
    if (
      last !== null &&
      text.startsWith(last) &&
      (text.length === 10 || text.charCodeAt(10) === 84 /* T */ || text.charCodeAt(10) === 32) /* space */
    )
      return last;
    const day = parseDay(text);
    if (day !== null) last = day;
    return day;
  };
}

/**
 * The Shopify orders row builder, with both entry points of a source (cells or raw row): one
 * order at a time, the first row's order-level cells filling the later rows' empty ones.
 */
function shopifyOrderBuilder() {
  const columns = withColumns(shopifyOrderFields);
  const seen = new Occurrences();
  const readDay = dayReader();

  /** Validates a row's cells (order-level cells filled in) and makes its line. */
  const finish = (cells: ShopifyOrderCells): BuildResult<OrderLine> => {
    // Plain rows take the fast path; anything unusual goes to zod for its reason.
    const fast = fastShopifyOrderRow(cells);
    const checked = fast ? { record: fast } : validate(shopifyOrderRow, cells, columns);
    if ('reason' in checked) return checked;
    const row = checked.record;
    const status = row.financialStatus.toLowerCase();
    let excluded: Exclusion | null = null;
    if (row.cancelledAt !== '' || status === 'voided') excluded = 'cancelled';
    else if (status === 'refunded') excluded = 'refunded';
    return line(
      row.name,
      row.sku,
      row.qty,
      row.createdAt,
      row.price,
      row.source.toLowerCase() === 'pos' ? 'pos' : 'shopify',
      row.currency,
      row.shippingCountry === '' ? null : row.shippingCountry.toUpperCase(),
      excluded,
    );
  };

  const line = (
    name: string,
    sku: string,
    qty: number,
    day: string,
    unitPrice: number | null,
    channel: Channel,
    currency: string | null,
    country: string | null,
    excluded: Exclusion | null,
  ): BuildResult<OrderLine> => {
    if (qty === 0 && !excluded) return { reason: `${columns.qty}: quantity is 0 on a line that is not cancelled` };
    const occurrence = seen.next(sku);
    return {
      record: {
        id: stableId('shopify-orders', name, sku, occurrence),
        source: 'shopify-orders',
        channel,
        orderId: name,
        day,
        sku,
        qty,
        unitPrice,
        currency,
        country,
        excluded,
      },
    };
  };

  /** From a row's cells: the reference path. */
  const fromCells = () => {
    let current: ShopifyOrderCells | null = null;
    return (cells: ShopifyOrderCells): BuildResult<OrderLine> => {
      if (current && cells.name !== '' && cells.name === current.name) {
        for (const key of ORDER_LEVEL) if (cells[key] === '') cells[key] = current[key];
      } else {
        // The import core makes a fresh cells object per row and keeps none: the first row of an
        // order is kept as it is (no copy per order), and later rows only read it.
        current = cells;
        seen.clear(); // one map for the whole file: a 500k-line export has ~250k orders
      }
      return finish(cells);
    };
  };

  /**
   * From the raw row: what `fromCells` gives, without an object of cells per row. What a line
   * takes from its order (day, channel, exclusion, currency, country) is worked out once per order;
   * a row whose own order-level cells differ from its order's first row, or that is not plain, is
   * read through `finish` exactly as from its cells.
   */
  const fromRow = (col: Record<ShopifyOrderKey, number>) => {
    /** The current order's first row: its name and the order-level cells a line is made from. */
    let current: OrderLevel | null = null;
    /** The current order's share of each line, when its first row is plain (else null: every row through `finish`). */
    let order: OrderShare | null = null;
    const cName = col.name;
    const cStatus = col.financialStatus;
    const cCreated = col.createdAt;
    const cCancelled = col.cancelledAt;
    const cSource = col.source;
    const cCurrency = col.currency;
    const cCountry = col.shippingCountry;
    const cSku = col.sku;
    const cQty = col.qty;
    const cPrice = col.price;
    /** A later row's own order-level cell: empty (it takes the first row's) or the same as the first row's. */
    const same = (row: readonly string[], column: number, first: string) => {
      const v = cellAt(row, column);
      return v === '' || v === first;
    };
    return (row: string[]): BuildResult<OrderLine> => {
      const name = cellAt(row, cName);
      let plain = true;
      if (current !== null && name !== '' && name === current.name) {
        plain =
          same(row, cStatus, current.financialStatus) &&
          same(row, cCreated, current.createdAt) &&
          same(row, cCancelled, current.cancelledAt) &&
          same(row, cSource, current.source) &&
          same(row, cCurrency, current.currency) &&
          same(row, cCountry, current.shippingCountry);
      } else {
        const first: OrderLevel = {
          name,
          financialStatus: cellAt(row, cStatus),
          createdAt: cellAt(row, cCreated),
          cancelledAt: cellAt(row, cCancelled),
          source: cellAt(row, cSource),
          currency: cellAt(row, cCurrency),
          shippingCountry: cellAt(row, cCountry),
        };
        current = first;
        seen.clear();
        const day = readDay(first.createdAt);
        if (day === null) order = null;
        else {
          const status = first.financialStatus.toLowerCase();
          order = {
            day,
            channel: first.source.toLowerCase() === 'pos' ? 'pos' : 'shopify',
            currency: first.currency === '' ? null : first.currency.toUpperCase(),
            country: first.shippingCountry === '' ? null : first.shippingCountry.toUpperCase(),
            excluded:
              first.cancelledAt !== '' || status === 'voided' ? 'cancelled' : status === 'refunded' ? 'refunded' : null,
          };
        }
      }
      const sku = cellAt(row, cSku);
      const qty = cellAt(row, cQty);
      const price = cellAt(row, cPrice);
      if (
        !plain ||
        order === null ||
        name === '' ||
        sku === '' ||
        !isDigits(qty) ||
        (price !== '' && !isPlainPrice(price))
      ) {
        const cells = {} as ShopifyOrderCells;
        for (const key of Object.keys(col) as ShopifyOrderKey[]) cells[key] = cellAt(row, col[key]);
        if (current !== null && cells.name !== '' && cells.name === current.name)
          for (const key of ORDER_LEVEL_READ) if (cells[key] === '') cells[key] = current[key];
        return finish(cells);
      }
      return line(
        current.name,
        sku,
        Number(qty),
        order.day,
        price === '' ? null : Number(price),
        order.channel,
        order.currency,
        order.country,
        order.excluded,
      );
    };
  };
  return { fromCells, fromRow };
}

/** Shopify Admin → Orders → Export (CSV for Excel or plain CSV). */
export const shopifyOrders: SourceSpec<ShopifyOrderKey, OrderLine> = {
  id: 'shopify-orders',
  label: 'Shopify orders export',
  fields: shopifyOrderFields,
  rowBuilder: () => shopifyOrderBuilder().fromCells(),
  arrayRowBuilder: (_options, columns) => shopifyOrderBuilder().fromRow(columns),
};

// ---------------------------------------------------------------------------------------------
// Amazon "All Orders" report (tab-separated flat file).

const amazonOrderFields = {
  orderId: { aliases: ['amazon-order-id'], required: true },
  merchantOrderId: { aliases: ['merchant-order-id'] },
  purchaseDate: { aliases: ['purchase-date'], required: true, date: true },
  lastUpdated: { aliases: ['last-updated-date'] },
  orderStatus: { aliases: ['order-status'] },
  fulfillmentChannel: { aliases: ['fulfillment-channel'] },
  salesChannel: { aliases: ['sales-channel'] },
  sku: { aliases: ['sku'], required: true },
  asin: { aliases: ['asin'] },
  itemStatus: { aliases: ['item-status'] },
  qty: { aliases: ['quantity'], required: true },
  currency: { aliases: ['currency'] },
  itemPrice: { aliases: ['item-price'] },
  shipCountry: { aliases: ['ship-country'] },
} as const;
type AmazonOrderKey = keyof typeof amazonOrderFields;
export const amazonOrderRow = z.object({
  orderId: nonEmpty,
  purchaseDate: day,
  orderStatus: text,
  itemStatus: text,
  sku: nonEmpty,
  qty: wholeNumber(0),
  currency,
  itemPrice: optionalNumber(0),
  shipCountry: text,
});

/** Fast path of `amazonOrderRow` (same contract as `fastShopifyOrderRow`). */
export function fastAmazonOrderRow(c: Record<AmazonOrderKey, string>): z.output<typeof amazonOrderRow> | null {
  if (c.orderId === '' || c.sku === '' || !isDigits(c.qty)) return null;
  if (c.itemPrice !== '' && !isPlainPrice(c.itemPrice)) return null;
  const purchaseDate = parseDay(c.purchaseDate);
  if (!purchaseDate) return null;
  return {
    orderId: c.orderId,
    purchaseDate,
    orderStatus: c.orderStatus,
    itemStatus: c.itemStatus,
    sku: c.sku,
    qty: Number(c.qty),
    currency: c.currency === '' ? null : c.currency.toUpperCase(),
    itemPrice: c.itemPrice === '' ? null : Number(c.itemPrice),
    shipCountry: c.shipCountry,
  };
}

/** Seller Central → Reports → Fulfillment → All Orders (flat file, tab-separated). */
export const amazonOrders: SourceSpec<AmazonOrderKey, OrderLine> = {
  id: 'amazon-orders',
  label: 'Amazon All Orders report',
  delimiter: '\t',
  fields: amazonOrderFields,
  rowBuilder() {
    const columns = withColumns(amazonOrderFields);
    let currentOrder = '';
    const seen = new Map<string, number>();
    return (cells) => {
      const fast = fastAmazonOrderRow(cells);
      const checked = fast ? { record: fast } : validate(amazonOrderRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      if (row.orderId !== currentOrder) {
        currentOrder = row.orderId;
        seen.clear();
      }
      const cancelled = /cancel/i.test(row.orderStatus) || /cancel/i.test(row.itemStatus);
      if (row.qty === 0 && !cancelled)
        return { reason: `${columns.qty}: quantity is 0 on a line that is not cancelled` };
      const occurrence = (seen.get(row.sku) ?? 0) + 1;
      seen.set(row.sku, occurrence);
      return {
        record: {
          id: stableId('amazon-orders', row.orderId, row.sku, occurrence),
          source: 'amazon-orders',
          channel: 'amazon',
          orderId: row.orderId,
          day: row.purchaseDate,
          sku: row.sku,
          qty: row.qty,
          // item-price in this report is the line total, not the unit price.
          unitPrice: row.itemPrice !== null && row.qty > 0 ? row.itemPrice / row.qty : null,
          currency: row.currency,
          country: row.shipCountry === '' ? null : row.shipCountry.toUpperCase(),
          excluded: cancelled ? 'cancelled' : null,
        },
      };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Shopify inventory export: one row per variant per location.

const shopifyInventoryFields = {
  handle: { aliases: ['Handle'] },
  title: { aliases: ['Title'] },
  option1Name: { aliases: ['Option1 Name'] },
  option1Value: { aliases: ['Option1 Value'] },
  sku: { aliases: ['SKU', 'Variant SKU'], required: true },
  hsCode: { aliases: ['HS Code'] },
  coo: { aliases: ['COO'] },
  location: { aliases: ['Location'], required: true },
  incoming: { aliases: ['Incoming'] },
  unavailable: { aliases: ['Unavailable'] },
  committed: { aliases: ['Committed'] },
  available: { aliases: ['Available'] },
  onHand: { aliases: ['On hand', 'On Hand'], required: true },
} as const;
type ShopifyInventoryKey = keyof typeof shopifyInventoryFields;
const countOrZero = z.string().transform((s, ctx) => {
  if (s === '') return 0;
  const n = parseNumber(s);
  if (n === null || !Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `expected a whole number, got "${s}"` });
    return z.NEVER;
  }
  return n;
});
const shopifyInventoryRow = z.object({
  sku: nonEmpty,
  location: nonEmpty,
  onHand: signedWhole,
  available: z.string().transform((s) => (s === '' ? null : parseNumber(s))),
  committed: countOrZero,
  incoming: countOrZero,
});

function needAsOf(options: ImportOptions): string {
  const asOf = options.asOf ? parseDay(options.asOf) : null;
  if (!asOf) throw new Error('this export has no count date: pass asOf (YYYY-MM-DD)');
  return asOf;
}

/** Shopify Admin → Products → Inventory → Export. The file has no date: `asOf` is required. */
export const shopifyInventory: SourceSpec<ShopifyInventoryKey, InventoryCount> = {
  id: 'shopify-inventory',
  label: 'Shopify inventory export',
  fields: shopifyInventoryFields,
  rowBuilder(options) {
    const columns = withColumns(shopifyInventoryFields);
    const asOf = needAsOf(options);
    return (cells) => {
      if (/not stocked/i.test(cells.onHand)) return { reason: `${columns.onHand}: not stocked at ${cells.location}` };
      const checked = validate(shopifyInventoryRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      return {
        record: {
          id: stableId('shopify-inventory', row.sku, row.location, asOf),
          source: 'shopify-inventory',
          sku: row.sku,
          location: row.location,
          onHand: row.onHand,
          available: row.available,
          committed: row.committed,
          incoming: row.incoming,
          asOf,
        },
      };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// FBA Manage Inventory report (tab-separated).

const fbaFields = {
  sku: { aliases: ['sku', 'seller-sku'], required: true },
  fnsku: { aliases: ['fnsku'] },
  asin: { aliases: ['asin'] },
  productName: { aliases: ['product-name'] },
  condition: { aliases: ['condition'] },
  yourPrice: { aliases: ['your-price'] },
  mfnFulfillable: { aliases: ['mfn-fulfillable-quantity'] },
  afnWarehouse: { aliases: ['afn-warehouse-quantity'] },
  afnFulfillable: { aliases: ['afn-fulfillable-quantity'], required: true },
  afnUnsellable: { aliases: ['afn-unsellable-quantity'] },
  afnReserved: { aliases: ['afn-reserved-quantity'] },
  afnTotal: { aliases: ['afn-total-quantity'] },
  inboundWorking: { aliases: ['afn-inbound-working-quantity'] },
  inboundShipped: { aliases: ['afn-inbound-shipped-quantity'] },
  inboundReceiving: { aliases: ['afn-inbound-receiving-quantity'] },
} as const;
type FbaKey = keyof typeof fbaFields;
const fbaRow = z.object({
  sku: nonEmpty,
  afnFulfillable: signedWhole,
  afnReserved: countOrZero,
  inboundWorking: countOrZero,
  inboundShipped: countOrZero,
  inboundReceiving: countOrZero,
});

/** Seller Central → Reports → Fulfillment → Manage FBA Inventory. Sellable stock = fulfillable; unsellable is left out. */
export const fbaInventory: SourceSpec<FbaKey, InventoryCount> = {
  id: 'fba-inventory',
  label: 'FBA inventory report',
  delimiter: '\t',
  fields: fbaFields,
  rowBuilder(options) {
    const columns = withColumns(fbaFields);
    const asOf = needAsOf(options);
    return (cells) => {
      const checked = validate(fbaRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      return {
        record: {
          id: stableId('fba-inventory', row.sku, asOf),
          source: 'fba-inventory',
          sku: row.sku,
          location: 'FBA',
          // Reserved units are already sold (orders being picked) or in transfer between FCs; transfers
          // come back to fulfillable, so count them as on hand and as committed.
          onHand: row.afnFulfillable + row.afnReserved,
          available: row.afnFulfillable,
          committed: row.afnReserved,
          incoming: row.inboundWorking + row.inboundShipped + row.inboundReceiving,
          asOf,
        },
      };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// 3PL on-hand CSV.

const tplFields = {
  sku: { aliases: ['sku', 'item', 'item sku'], required: true },
  warehouse: { aliases: ['warehouse', 'facility', 'location'], required: true },
  onHand: { aliases: ['on_hand', 'on hand', 'qty on hand', 'quantity'], required: true },
  asOf: { aliases: ['as_of', 'as of', 'date', 'snapshot date'], required: true, date: true },
} as const;
const tplRow = z.object({ sku: nonEmpty, warehouse: nonEmpty, onHand: signedWhole, asOf: day });

/** The 3PL's own stock count per warehouse. */
export const tplOnHand: SourceSpec<keyof typeof tplFields, InventoryCount> = {
  id: '3pl-onhand',
  label: '3PL on-hand',
  fields: tplFields,
  rowBuilder() {
    const columns = withColumns(tplFields);
    return (cells) => {
      const checked = validate(tplRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      return {
        record: {
          id: stableId('3pl-onhand', row.sku, row.warehouse, row.asOf),
          source: '3pl-onhand',
          sku: row.sku,
          location: row.warehouse,
          onHand: row.onHand,
          available: null,
          committed: 0,
          incoming: 0,
          asOf: row.asOf,
        },
      };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Supplier sheet.

const supplierFields = {
  sku: { aliases: ['sku'], required: true },
  supplier: { aliases: ['supplier', 'vendor'], required: true },
  leadTimeDays: { aliases: ['lead_time_days', 'lead time', 'lead time days'] },
  leadTimeSdDays: { aliases: ['lead_time_sd_days', 'lead time sd', 'lead time sd days'] },
  moq: { aliases: ['moq', 'minimum order quantity'] },
  casePack: { aliases: ['case_pack', 'case pack', 'carton qty'] },
  unitCost: { aliases: ['unit_cost', 'unit cost', 'cost'] },
  currency: { aliases: ['currency'] },
} as const;
const supplierRow = z.object({
  sku: nonEmpty,
  supplier: nonEmpty,
  leadTimeDays: optionalNumber(0),
  leadTimeSdDays: optionalNumber(0),
  moq: optionalNumber(0),
  casePack: optionalNumber(1),
  unitCost: optionalNumber(0),
  currency,
});

/** Supplier terms per SKU. Empty lead time or MOQ cells are kept (null) for the data gate to flag. */
export const suppliers: SourceSpec<keyof typeof supplierFields, SupplierTerm> = {
  id: 'suppliers',
  label: 'Supplier sheet',
  fields: supplierFields,
  rowBuilder() {
    const columns = withColumns(supplierFields);
    return (cells) => {
      const checked = validate(supplierRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      return { record: { id: stableId('suppliers', row.sku), ...row } };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Marketing calendar.

const calendarFields = {
  name: { aliases: ['name', 'event', 'promo'], required: true },
  start: { aliases: ['start', 'start date', 'from'], required: true, date: true },
  end: { aliases: ['end', 'end date', 'to'], required: true, date: true },
  skus: { aliases: ['skus', 'sku'] },
  collection: { aliases: ['collection'] },
  tag: { aliases: ['tag'] },
  upliftPct: { aliases: ['uplift_pct', 'uplift', 'uplift %', 'expected uplift'], required: true },
} as const;
const calendarRow = z.object({
  name: nonEmpty,
  start: day,
  end: day,
  skus: text,
  collection: text,
  tag: text,
  upliftPct: z.string().transform((s, ctx) => {
    const n = parseNumber(s.replace(/%$/, ''));
    if (n === null || n <= -100) {
      ctx.addIssue({ code: 'custom', message: `expected a percentage above -100, got "${s}"` });
      return z.NEVER;
    }
    return n;
  }),
});

/** Marketing calendar: an event targets listed SKUs (`;`, `,`, `|` or space separated, `all` for every SKU), a collection or a tag. */
export const calendar: SourceSpec<keyof typeof calendarFields, Promo> = {
  id: 'calendar',
  label: 'Marketing calendar',
  fields: calendarFields,
  rowBuilder() {
    const columns = withColumns(calendarFields);
    return (cells) => {
      const checked = validate(calendarRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      if (row.end < row.start) return { reason: `${columns.end}: ends (${row.end}) before it starts (${row.start})` };
      const skus = row.skus.split(/[;,|\s]+/).filter(Boolean);
      if (skus.length === 0 && row.collection === '' && row.tag === '') {
        return { reason: 'names no SKUs, collection or tag (use "all" for every SKU)' };
      }
      return {
        record: {
          id: stableId('calendar', row.name, row.start),
          name: row.name,
          start: row.start,
          end: row.end,
          skus,
          collection: row.collection === '' ? null : row.collection,
          tag: row.tag === '' ? null : row.tag,
          upliftPct: row.upliftPct,
        },
      };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Cash budget per period.

const budgetFields = {
  start: { aliases: ['period_start', 'start', 'from'], required: true, date: true },
  end: { aliases: ['period_end', 'end', 'to'], required: true, date: true },
  amount: { aliases: ['amount', 'budget'], required: true },
  currency: { aliases: ['currency'] },
} as const;
const budgetRow = z.object({ start: day, end: day, amount: optionalNumber(0), currency });

/** Purchase budget per period. */
export const budget: SourceSpec<keyof typeof budgetFields, BudgetPeriod> = {
  id: 'budget',
  label: 'Cash budget',
  fields: budgetFields,
  rowBuilder() {
    const columns = withColumns(budgetFields);
    return (cells) => {
      const checked = validate(budgetRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      if (row.amount === null) return { reason: `${columns.amount}: is empty` };
      if (row.end < row.start) return { reason: `${columns.end}: ends before it starts` };
      return {
        record: {
          id: stableId('budget', row.start, row.end),
          start: row.start,
          end: row.end,
          amount: row.amount,
          currency: row.currency,
        },
      };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Bundle map.

const bundleFields = {
  bundleSku: { aliases: ['bundle_sku', 'bundle'], required: true },
  componentSku: { aliases: ['component_sku', 'component'], required: true },
  qty: { aliases: ['qty', 'quantity'], required: true },
} as const;
const bundleRow = z.object({ bundleSku: nonEmpty, componentSku: nonEmpty, qty: wholeNumber(1) });

/** Bundle SKU → component SKUs; bundle sales become component demand. */
export const bundles: SourceSpec<keyof typeof bundleFields, BundleComponent> = {
  id: 'bundles',
  label: 'Bundle map',
  fields: bundleFields,
  rowBuilder() {
    const columns = withColumns(bundleFields);
    return (cells) => {
      const checked = validate(bundleRow, cells, columns);
      if ('reason' in checked) return checked;
      const row = checked.record;
      if (row.bundleSku === row.componentSku) return { reason: 'a bundle cannot contain itself' };
      return { record: { id: stableId('bundles', row.bundleSku, row.componentSku), ...row } };
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Shopify products export: one row per variant, plus image-only rows; product-level columns only on
// the product's first row. Matrixify-style exports add collection columns (Shopify's own has none).

const productFields = {
  handle: { aliases: ['Handle'], required: true },
  title: { aliases: ['Title'] },
  vendor: { aliases: ['Vendor'] },
  productType: { aliases: ['Type', 'Product Type'] },
  tags: { aliases: ['Tags'] },
  collections: { aliases: ['Collection', 'Collections', 'Custom Collections'] },
  smartCollections: { aliases: ['Smart Collections'] },
  optionValue: { aliases: ['Option1 Value'] },
  sku: { aliases: ['Variant SKU'], required: true },
  price: { aliases: ['Variant Price'] },
} as const;
type ProductKey = keyof typeof productFields;
const PRODUCT_LEVEL: readonly ProductKey[] = [
  'title',
  'vendor',
  'productType',
  'tags',
  'collections',
  'smartCollections',
];

/** "winter, Knitwear,  winter" → ["winter", "Knitwear"]: comma-separated, trimmed, first spelling kept. */
export function splitList(cell: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of cell.split(',')) {
    const v = part.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

/** Shopify Admin → Products → Export (or a Matrixify export with collection columns): collections and tags per SKU. */
export const shopifyProducts: SourceSpec<ProductKey, CatalogEntry> = {
  id: 'products',
  label: 'Shopify products export',
  fields: productFields,
  rowBuilder() {
    const columns = withColumns(productFields);
    // Product-level cells by handle (Matrixify may split a product's rows; Shopify keeps them together).
    const productOf = new Map<string, Record<ProductKey, string>>();
    // SKU → handle and line, to catch one SKU on two products.
    const skuAt = new Map<string, { handle: string; line: number }>();
    return (cells, line) => {
      if (cells.handle === '') return { reason: `${columns.handle}: is empty` };
      const first = productOf.get(cells.handle);
      if (first) {
        for (const key of PRODUCT_LEVEL) if (cells[key] === '') cells[key] = first[key];
      } else productOf.set(cells.handle, { ...cells });
      if (cells.sku === '') {
        // Extra product images come as rows with only Handle and the image columns.
        return { skip: cells.optionValue === '' && cells.price === '' ? 'image-only row' : 'variant without a SKU' };
      }
      const other = skuAt.get(cells.sku);
      if (other && other.handle !== cells.handle) {
        return {
          reason: `${columns.sku}: ${cells.sku} is already on product ${other.handle} (line ${other.line})`,
        };
      }
      if (!other) skuAt.set(cells.sku, { handle: cells.handle, line });
      return {
        record: {
          id: stableId('products', cells.sku),
          sku: cells.sku,
          handle: cells.handle,
          title: cells.title,
          productType: cells.productType,
          vendor: cells.vendor,
          tags: splitList(cells.tags),
          collections: splitList(`${cells.collections},${cells.smartCollections}`),
        },
      };
    };
  },
};

/** Every importable source by id. */
export const SOURCES = {
  'shopify-orders': shopifyOrders,
  'amazon-orders': amazonOrders,
  'shopify-inventory': shopifyInventory,
  'fba-inventory': fbaInventory,
  '3pl-onhand': tplOnHand,
  suppliers,
  calendar,
  budget,
  bundles,
  products: shopifyProducts,
} as const;
export type SourceId = keyof typeof SOURCES;
