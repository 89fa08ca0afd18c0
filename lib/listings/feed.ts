import Papa from 'papaparse';
import type { CanonicalProduct } from './canonical';
import type { DerivedVariant } from './derive';
import { type CheckSettings, deriveSkus } from './readiness';
import { htmlToText } from './text';
import type { Channel, ChannelListing } from './types';

type Row = Record<string, string | number>;
type VariantRow = NonNullable<ChannelListing['variants']>[number];

/**
 * Column names per channel. Amazon follows the flat-file attribute names, Walmart the item-spec
 * names, eBay the File Exchange headers, Shopify its product CSV; Target Plus and Faire use the
 * names their partner/bulk templates show. Check against the channel's current template before upload.
 */
export const FEED_COLUMNS: Record<Channel, (l: ChannelListing, v: VariantRow | undefined) => Row> = {
  amazon: (l, v) => ({
    item_sku: v?.sku ?? '',
    external_product_id: v?.gtin ?? l.gtin ?? '',
    external_product_id_type: (v?.gtin ?? l.gtin ?? '').length === 13 ? 'EAN' : 'UPC',
    brand_name: l.brand ?? '',
    item_name: l.title,
    item_type_keyword: l.item_type_keyword ?? '',
    bullet_point1: l.bullets?.[0] ?? '',
    bullet_point2: l.bullets?.[1] ?? '',
    bullet_point3: l.bullets?.[2] ?? '',
    bullet_point4: l.bullets?.[3] ?? '',
    bullet_point5: l.bullets?.[4] ?? '',
    product_description: l.description ?? '',
    generic_keywords: l.search_terms ?? '',
    standard_price: v?.price ?? l.price ?? '',
    main_image_url: l.images?.[0]?.url ?? '',
  }),
  walmart: (l, v) => ({
    sku: v?.sku ?? '',
    productIdType: 'GTIN',
    productId: v?.gtin ?? l.gtin ?? '',
    productName: l.title,
    brand: l.brand ?? '',
    shortDescription: l.description ?? '',
    keyFeatures: (l.bullets ?? []).join(' | '),
    price: v?.price ?? l.price ?? '',
    mainImageUrl: l.images?.[0]?.url ?? '',
  }),
  ebay: (l, v) => ({
    '*Action(SiteID=US|Country=US|Currency=USD|Version=1193)': 'Add',
    CustomLabel: v?.sku ?? '',
    '*Title': l.title,
    Subtitle: l.subtitle ?? '',
    '*Description': l.description ?? '',
    '*StartPrice': v?.price ?? l.price ?? '',
    'Product:UPC': v?.gtin ?? l.gtin ?? 'Does not apply',
    'C:Brand': l.brand ?? '',
    'C:MPN': String(l.attributes?.mpn ?? 'Does not apply'),
    PicURL: (l.images ?? [])
      .map((i) => i.url ?? '')
      .filter(Boolean)
      .join('|'),
  }),
  target: (l, v) => ({
    'Partner SKU': v?.sku ?? '',
    Barcode: v?.gtin ?? l.gtin ?? '',
    'Product Title': l.title,
    Brand: l.brand ?? '',
    Description: l.description ?? '',
    Highlights: (l.bullets ?? []).join(' | '),
    Price: v?.price ?? l.price ?? '',
  }),
  faire: (l, v) => ({
    'Product Name (English)': l.title,
    SKU: v?.sku ?? '',
    GTIN: v?.gtin ?? l.gtin ?? '',
    'Description (English)': htmlToText(l.description ?? ''),
    'Wholesale Price (USD)': v?.price ?? l.price ?? '',
    'Retail Price (USD)': String(l.attributes?.retail_price ?? ''),
    'Case Size': String(l.attributes?.case_size ?? 1),
    'Minimum Order Quantity': String(l.attributes?.moq ?? 1),
  }),
  shopify: (l, v) => ({
    Handle: l.handle ?? '',
    Title: l.title,
    'Body (HTML)': l.description ?? '',
    Vendor: l.brand ?? '',
    Type: l.product_type ?? '',
    Tags: (l.tags ?? []).join(', '),
    'Variant SKU': v?.sku ?? '',
    'Variant Price': v?.price ?? l.price ?? '',
    'Variant Compare At Price': v?.compare_at_price ?? '',
    'Variant Barcode': v?.gtin ?? l.gtin ?? '',
    'SEO Title': l.seo_title ?? '',
    'SEO Description': l.seo_description ?? '',
  }),
};

/** CSV or TSV feed of the ready variants of one channel, one row per SKU, in the channel's column names. */
export function exportFeed(
  channel: Channel,
  variants: readonly DerivedVariant[],
  format: 'csv' | 'tsv' = 'csv',
): string {
  const rows: Row[] = [];
  for (const d of variants) {
    if (d.channel !== channel || !d.ready) continue;
    const vs = d.listing.variants?.length ? d.listing.variants : [undefined];
    for (const v of vs) rows.push(FEED_COLUMNS[channel](d.listing, v));
  }
  const fields = Object.keys(FEED_COLUMNS[channel]({ title: '' }, undefined));
  return Papa.unparse(
    { fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) },
    // escapeFormulae, as the PO export: a title or SKU starting with = + - @ must not run as a
    // spreadsheet formula when the feed is opened in Excel or Sheets (CSV injection).
    { delimiter: format === 'tsv' ? '\t' : ',', newline: '\n', escapeFormulae: true },
  );
}

/**
 * The feed file of one channel over every stored product: one derived listing per SKU, so a SKU
 * that fails (a bad GTIN) leaves out only itself; `day` names the file.
 */
export function feedFile(
  channel: Channel,
  format: 'csv' | 'tsv',
  products: readonly { product: CanonicalProduct }[],
  s: CheckSettings,
  day: string,
): { filename: string; content: string; rows: number; skipped: number } {
  const variants = products.flatMap((p) => deriveSkus(channel, p.product, s).map((x) => x.derived));
  const ready = variants.filter((v) => v.ready);
  const content = exportFeed(channel, ready, format);
  const rows = ready.reduce((n, v) => n + Math.max(1, v.listing.variants?.length ?? 0), 0);
  return {
    filename: `counterpart-${channel}-feed-${day}.${format}`,
    content,
    rows,
    skipped: variants.length - ready.length,
  };
}
