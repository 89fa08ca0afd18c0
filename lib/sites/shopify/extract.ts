import * as clock from '../../clock';
import type { CanonicalProduct, CanonicalVariant, ImageMeta } from '../../listings/canonical';
import { measureImage, snapshotImageUrl } from '../images';
import { missingPart, type SnapshotEnvelope } from '../snapshot';
import type { InventoryRow, LocationInventory, ShopifyInventoryData, ShopifyProductData } from './schema';
import { queryAll, queryFirst, type SelectorName } from './selectors';
import { shopifyRoute } from './urls';

const LABEL = 'Shopify admin';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Value of a form control, or its text for plain elements. */
function controlValue(el: Element | null | undefined): string {
  if (!el) return '';
  const v = (el as HTMLInputElement).value;
  return typeof v === 'string' ? v.trim() : text(el);
}

function field(doc: Document, name: SelectorName): string | null {
  const hit = queryFirst(doc, name);
  return hit ? controlValue(hit.el) : null;
}

/** "$1,234.50" → 1234.5; empty or unreadable → null. */
export function parseNumber(s: string | null | undefined): number | null {
  const m = (s ?? '').replace(/,/g, '').match(/-?\d+(\.\d+)?/);
  return m ? Number(m[0]) : null;
}

/** Cell text of a row by normalised header text: inputs give their value, other cells their text. */
function tableColumns(table: Element): Map<string, number> {
  const heads = [...table.querySelectorAll('thead th, tr:first-child th')];
  return new Map(heads.map((th, i) => [text(th).toLowerCase(), i]));
}

function cell(row: Element, cols: Map<string, number>, ...names: string[]): string {
  for (const n of names) {
    const i = cols.get(n);
    if (i === undefined) continue;
    const td = row.children[i];
    if (!td) continue;
    const input = td.querySelector('input, select, textarea');
    return input ? controlValue(input) : text(td);
  }
  return '';
}

/** Media metadata readable without fetching: format, and size, corner colours and fill once loaded. */
export function readImage(img: HTMLImageElement): ImageMeta {
  const src = img.currentSrc || img.getAttribute('src') || '';
  return {
    url: snapshotImageUrl(src),
    alt: (img.getAttribute('alt') ?? '').slice(0, 1000),
    ...measureImage(img, img.ownerDocument),
  };
}

/** Description HTML: TinyMCE iframe body when it has loaded, else the hidden saved field. */
function readDescription(doc: Document): { html: string; source: 'iframe' | 'hidden' } | null {
  const frame = queryFirst(doc, 'descriptionIframe')?.el as HTMLIFrameElement | undefined;
  let body: HTMLElement | null = null;
  try {
    body = frame?.contentDocument?.body ?? null;
  } catch {
    body = null; // cross-origin frame: fall through to the hidden field
  }
  if (
    body &&
    (body.id === 'tinymce' || body.getAttribute('data-id') === 'product-description') &&
    body.innerHTML.trim()
  )
    return { html: body.innerHTML.trim(), source: 'iframe' };
  const hidden = queryFirst(doc, 'descriptionHidden')?.el;
  if (hidden) return { html: controlValue(hidden) || text(hidden), source: 'hidden' };
  return null;
}

function readVariants(doc: Document, missing: string[]): CanonicalVariant[] {
  const table = queryFirst(doc, 'variantTable')?.el;
  const rows = table ? queryAll(table, 'variantRows') : [];
  if (table && rows.length > 0) {
    const cols = tableColumns(table);
    return rows.map((row) => {
      const nameEl = queryFirst(row, 'variantName')?.el;
      const name = text(nameEl) || cell(row, cols, 'variant');
      const weight = cell(row, cols, 'weight');
      return {
        title: name,
        options: name ? name.split(' / ').map((s) => s.trim()) : [],
        sku: cell(row, cols, 'sku'),
        barcode: cell(row, cols, 'barcode', 'barcode (isbn, upc, gtin, etc.)'),
        price: parseNumber(cell(row, cols, 'price')),
        compare_at_price: parseNumber(cell(row, cols, 'compare-at price', 'compare at price')),
        weight: parseNumber(weight),
        weight_unit: weight.match(/[a-z]+$/i)?.[0]?.toLowerCase() ?? '',
      };
    });
  }
  // A product without options shows one variant's fields in the Pricing/Inventory/Shipping cards.
  const sku = field(doc, 'sku');
  const price = field(doc, 'price');
  if (sku === null && price === null) {
    missing.push(missingPart(LABEL, 'variants (table or SKU/price fields)', 'product page'));
    return [];
  }
  return [
    {
      title: 'Default Title',
      options: [],
      sku: sku ?? '',
      barcode: field(doc, 'barcode') ?? '',
      price: parseNumber(price),
      compare_at_price: parseNumber(field(doc, 'compareAtPrice')),
      weight: parseNumber(field(doc, 'weight')),
      weight_unit: field(doc, 'weightUnit') ?? '',
    },
  ];
}

function readLocations(doc: Document): LocationInventory[] {
  const table = queryFirst(doc, 'locationTable')?.el;
  if (!table) return [];
  const cols = tableColumns(table);
  return [...table.querySelectorAll('tbody tr')].map((row) => ({
    location: cell(row, cols, 'location'),
    available: parseNumber(cell(row, cols, 'available')),
    on_hand: parseNumber(cell(row, cols, 'on hand')),
    committed: parseNumber(cell(row, cols, 'committed')),
    incoming: parseNumber(cell(row, cols, 'incoming')),
  }));
}

/** A chip's label: its text part, else its own text without the remove button's. */
function chipLabel(chip: Element): string {
  const label = queryFirst(chip, 'chipText')?.el;
  if (label) return text(label);
  return [...chip.childNodes]
    .filter((n) => !(n instanceof Element && n.closest('button')))
    .map((n) => n.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The product's collections: the chips shown next to the Collections combobox. Searches up from the
 * combobox to the smallest block holding chips, never into a block holding another field (the Tags
 * field also shows chips). No field or no chips: no collections (a product may be in none).
 */
export function readCollections(doc: Document): string[] {
  const field = queryFirst(doc, 'collectionsField')?.el;
  let block = field?.parentElement ?? null;
  for (let depth = 0; block && depth < 6; depth++, block = block.parentElement) {
    const others = [...block.querySelectorAll('input, textarea, select')].filter((el) => el !== field);
    if (others.length > 0) return [];
    const chips = queryAll(block, 'collectionChips');
    if (chips.length > 0) return [...new Set(chips.map(chipLabel).filter(Boolean))];
  }
  return [];
}

function extractProduct(doc: Document, missing: string[], id: string | null): ShopifyProductData {
  const title = field(doc, 'titleInput') || text(queryFirst(doc, 'pageTitle')?.el);
  if (!title) missing.push(missingPart(LABEL, 'product title', 'product page'));
  const description = readDescription(doc);
  if (!description) missing.push(missingPart(LABEL, 'description editor', 'product page'));
  const options = queryAll(doc, 'optionRows').map((li) => ({
    name: text(queryFirst(li, 'optionName')?.el),
    values: queryAll(li, 'optionValue').map((v) => text(v)),
  }));
  const images = queryAll(doc, 'mediaImages')
    .map((img) => readImage(img as HTMLImageElement))
    .filter((im) => im.url);
  const product: CanonicalProduct = {
    id: id ?? '',
    handle: field(doc, 'handle') ?? '',
    title,
    description_html: description?.html ?? '',
    vendor: field(doc, 'vendor') ?? '',
    product_type: field(doc, 'productType') ?? '',
    tags: (field(doc, 'tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    collections: readCollections(doc),
    options: options.filter((o) => o.name),
    variants: readVariants(doc, missing),
    images,
    seo_title: field(doc, 'seoTitle') ?? '',
    seo_description: field(doc, 'seoDescription') ?? '',
  };
  const inventory = readLocations(doc);
  // The location counts are the Inventory card's, and so belong to that card's SKU field.
  const inventorySku = inventory.length > 0 ? field(doc, 'sku') || null : null;
  return { product, inventory, inventorySku, status: field(doc, 'status') };
}

function extractInventory(doc: Document, missing: string[]): ShopifyInventoryData {
  const location = text(queryFirst(doc, 'inventoryLocation')?.el).replace(/[▾▼⌄]/g, '').trim();
  const table = queryAll(doc, 'inventoryTable').find((t) => tableColumns(t).has('sku'));
  if (!table) {
    missing.push(missingPart(LABEL, 'inventory table with a SKU column', 'inventory page'));
    return { location, rows: [] };
  }
  const cols = tableColumns(table);
  const rows: InventoryRow[] = [...table.querySelectorAll('tbody tr')].map((row) => {
    const productCell = row.children[cols.get('product') ?? -1];
    const name = text(productCell?.querySelector('a, .Polaris-Text--semibold'));
    const variant = text(productCell?.querySelector('.Polaris-Text--subdued'));
    return {
      sku: cell(row, cols, 'sku'),
      title: variant ? `${name} — ${variant}` : name || text(productCell),
      location,
      available: parseNumber(cell(row, cols, 'available')),
      on_hand: parseNumber(cell(row, cols, 'on hand')),
      committed: parseNumber(cell(row, cols, 'committed')),
      incoming: parseNumber(cell(row, cols, 'incoming')),
    };
  });
  return { location, rows };
}

/** Reads a Shopify admin product or inventory page into a snapshot; never throws on odd pages. */
export function extract(doc: Document, url: URL, now = clock.now()): SnapshotEnvelope {
  const route = shopifyRoute(url);
  const missing: string[] = [];
  let data: ShopifyProductData | ShopifyInventoryData | null = null;
  let title = text(queryFirst(doc, 'pageTitle')?.el) || doc.title;
  if (route.page === 'product') {
    const d = extractProduct(doc, missing, route.id);
    title = d.product.title || title;
    data = d;
  } else if (route.page === 'inventory') {
    data = extractInventory(doc, missing);
  }
  return {
    app: 'shopify',
    page: route.page,
    entityId: route.id,
    url: url.href,
    title: title.slice(0, 500),
    capturedAt: now.toISOString(),
    recognised: data !== null && missing.length === 0,
    missing: missing.slice(0, 50),
    data,
  };
}
