import * as clock from '../../clock';
import type { CanonicalProduct, CanonicalVariant, ImageMeta } from '../../listings/canonical';
import { measureImage, snapshotImageUrl } from '../images';
import { openShadowRoot, type ShadowRootOf } from '../shadow-root';
import { missingPart, type SnapshotEnvelope } from '../snapshot';
import { type ColumnKey, columnKey, type FieldKey, isFieldLabel } from './labels';
import type { InventoryRow, LocationInventory, ShopifyInventoryData, ShopifyProductRead } from './schema';
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

/** A count ("1.204", "1,204", "1 204", "12"): separators before three digits group thousands; null when empty. */
export function parseCount(s: string | null | undefined): number | null {
  const m = (s ?? '').match(/-?\d[\d.,\s\u00a0\u202f']*/)?.[0]?.replace(/[^\d-]/g, '');
  return m ? Number(m) : null;
}

/** Whether the admin writes prices with a decimal comma (its `<html lang>`); the numbers are read in the background. */
const decimalCommaPage = (doc: Document) =>
  /^(de|fr|es|it|nl|pt|pl|sv|da|nb|fi|cs|tr)\b/i.test(doc.documentElement.lang ?? '');

/** Column index per column key, from the table's header cells in any of the admin's languages. */
function tableColumns(table: Element): Map<ColumnKey, number> {
  const heads = [...table.querySelectorAll('thead th, tr:first-child th')];
  const cols = new Map<ColumnKey, number>();
  heads.forEach((th, i) => {
    const key = columnKey(text(th));
    if (key && !cols.has(key)) cols.set(key, i);
  });
  return cols;
}

/** Cell text of a row by column key: inputs give their value, other cells their text. */
function cell(row: Element, cols: Map<ColumnKey, number>, ...keys: ColumnKey[]): string {
  for (const k of keys) {
    const i = cols.get(k);
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

/**
 * A variant's numbers as the page writes them ("25,00 €", "1.299,00", "0,2 kg"): the numbers are
 * null here and read from `texts` when the background checks the snapshot (`interpret.ts`), which
 * keeps the locale number parser out of the content script.
 */
function priceTexts(price: string | null, compareAt: string | null, weight: string | null, comma: boolean) {
  const cut = (t: string | null) => (t ?? '').slice(0, 100);
  return {
    price: null,
    compare_at_price: null,
    weight: null,
    texts: { price: cut(price), compare_at_price: cut(compareAt), weight: cut(weight), comma },
  };
}
type VariantRead = CanonicalVariant & { texts?: VariantTexts };
export type VariantTexts = { price: string; compare_at_price: string; weight: string; comma: boolean };

const isChildRow = (row: Element) => /(^|\s)Polaris-IndexTable__TableRow--child(\s|$)/.test(row.className);
const isSubheaderRow = (row: Element) => /(^|\s)Polaris-IndexTable__TableRow--subheader(\s|$)/.test(row.className);

/** A row that carries a variant's own data (not a note spanning the table, not an empty row). */
function looksLikeVariant(row: Element, cols: Map<ColumnKey, number>): boolean {
  if (row.children.length <= 1) return false;
  return cell(row, cols, 'sku') !== '' || /\d/.test(cell(row, cols, 'price'));
}

/** A group row's option value: its emphasised text (the rest of the cell says "N variants"). */
function groupName(row: Element, cols: Map<ColumnKey, number>): string {
  const strong = row.querySelector('[scope="col"] .Polaris-Text--semibold, .Polaris-Text--semibold, strong');
  return text(strong) || rowName(row, cols);
}

function rowName(row: Element, cols: Map<ColumnKey, number>): string {
  const nameEl = queryFirst(row, 'variantName')?.el;
  return text(nameEl) || cell(row, cols, 'variant');
}

/**
 * The Variants IndexTable. Plain rows are variants. With grouped variants (Polaris `rowType`
 * "child", host-evidence §2: Shopify/polaris-react PR #9445) a group row (a plain row followed by
 * child rows, or a subheader row) names the group's option value and is not a variant; its child
 * rows are the variants, named by the rest of their options. Child rows without variant data are notes.
 */
function readVariantTable(
  table: Element,
  options: { name: string; values: string[] }[],
  missing: string[],
  lowCertainty: string[],
): VariantRead[] {
  const cols = tableColumns(table);
  if (!cols.has('sku') && !cols.has('price'))
    missing.push(missingPart(LABEL, 'variant table columns (SKU, price)', 'product page'));
  const rows = [...table.querySelectorAll('tbody tr')];
  const comma = decimalCommaPage(table.ownerDocument);
  const out: VariantRead[] = [];
  let group: string | null = null;
  let rebuilt = false;
  rows.forEach((row, i) => {
    if (isSubheaderRow(row)) {
      group = groupName(row, cols) || text(row);
      return;
    }
    if (!isChildRow(row)) {
      const next = rows[i + 1];
      if (next && isChildRow(next) && looksLikeVariant(next, cols)) {
        group = groupName(row, cols);
        return;
      }
      group = null;
      if (!looksLikeVariant(row, cols)) return;
    } else if (!looksLikeVariant(row, cols)) return;
    let name = rowName(row, cols);
    let parts = name ? name.split(' / ').map((p) => p.trim()) : [];
    if (isChildRow(row) && group && !parts.includes(group)) {
      // The group's value goes where its option stands in the option list (grouped by the first option by default).
      const at = options.findIndex((o) => o.values.includes(group as string));
      if (at < 0) rebuilt = true;
      parts = [...parts];
      parts.splice(Math.max(at, 0), 0, group);
      name = parts.join(' / ');
    }
    const weight = cell(row, cols, 'weight');
    out.push({
      title: name,
      options: parts,
      sku: cell(row, cols, 'sku'),
      barcode: cell(row, cols, 'barcode'),
      ...priceTexts(cell(row, cols, 'price'), cell(row, cols, 'compare_at_price'), weight, comma),
      weight_unit: weight.match(/[a-z]+$/i)?.[0]?.toLowerCase() ?? '',
    });
  });
  if (rebuilt) lowCertainty.push('variant titles: rebuilt from grouped rows, option order guessed');
  return out;
}

function readVariants(
  doc: Document,
  options: { name: string; values: string[] }[],
  missing: string[],
  lowCertainty: string[],
): VariantRead[] {
  // The variants table is the IndexTable with variant columns (the location table may be one too).
  const table = queryAll(doc, 'variantTable').find((t) => {
    const cols = tableColumns(t);
    return !cols.has('location') && (cols.has('variant') || cols.has('sku') || cols.has('price'));
  });
  const variants = table ? readVariantTable(table, options, missing, lowCertainty) : [];
  if (variants.length > 0) return variants;
  // A product without options shows one variant's fields in the Pricing/Inventory/Shipping cards.
  const sku = field(doc, 'sku');
  const price = field(doc, 'price');
  const comma = decimalCommaPage(doc);
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
      ...priceTexts(price, field(doc, 'compareAtPrice'), field(doc, 'weight'), comma),
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
    available: parseCount(cell(row, cols, 'available')),
    on_hand: parseCount(cell(row, cols, 'on_hand')),
    committed: parseCount(cell(row, cols, 'committed')),
    incoming: parseCount(cell(row, cols, 'incoming')),
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
 * The chips (removable Polaris tags) shown next to a combobox: searches up from the field to the
 * smallest block holding chips, never into a block holding another field (each field shows its own).
 */
function chipsNear(fieldEl: Element | null | undefined): string[] {
  let block = fieldEl?.parentElement ?? null;
  for (let depth = 0; block && depth < 6; depth++, block = block.parentElement) {
    const others = [...block.querySelectorAll('input, textarea, select')].filter((el) => el !== fieldEl);
    if (others.length > 0) return [];
    const chips = queryAll(block, 'collectionChips');
    if (chips.length > 0) return [...new Set(chips.map(chipLabel).filter(Boolean))];
  }
  return [];
}

/**
 * The product's collections: the chips shown next to the Collections combobox. No field or no
 * chips: no collections (a product may be in none).
 */
export function readCollections(doc: Document): string[] {
  return chipsNear(queryFirst(doc, 'collectionsField')?.el);
}

/**
 * The control a visible label names, in any of the admin's languages (`labels.ts`): a `<label for>`
 * (React ids such as ":r4a9:" are looked up by id, not as a selector), a control inside the label,
 * a control `aria-labelledby` the label, a control's own `aria-label`, or a web-component field
 * host carrying a `label` attribute (`s-internal-text-field[label="…"]`). Null when none.
 */
export function labelledControl(doc: Document, key: FieldKey): Element | null {
  for (const label of doc.querySelectorAll('label, [id$="Label"]')) {
    if (!isFieldLabel(text(label), key)) continue;
    const forId = label.getAttribute('for');
    const byFor = forId ? doc.getElementById(forId) : null;
    if (byFor) return byFor;
    const nested = label.querySelector('input, textarea, select');
    if (nested) return nested;
    if (label.id) {
      const byAria = [...doc.querySelectorAll('[aria-labelledby]')].find((el) =>
        (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(label.id),
      );
      if (byAria) return byAria;
    }
  }
  for (const el of doc.querySelectorAll('input[aria-label], textarea[aria-label], [role="combobox"][aria-label]'))
    if (isFieldLabel(el.getAttribute('aria-label') ?? '', key)) return el;
  for (const host of doc.querySelectorAll('[label]'))
    if (host.tagName.includes('-') && isFieldLabel(host.getAttribute('label') ?? '', key)) return host;
  return null;
}

/** Value of a control, reaching into a web-component host's (open or, in an extension, closed) shadow root. */
function hostOrControlValue(el: Element, shadowOf: ShadowRootOf): string {
  if (!el.tagName.includes('-')) return controlValue(el);
  const inner = shadowOf(el)?.querySelector('input, textarea, select');
  if (inner) return controlValue(inner);
  return (el.getAttribute('value') ?? '').trim();
}

interface ReadState {
  missing: string[];
  lowCertainty: string[];
  shadowOf: ShadowRootOf;
}

/** Vendor: `name="vendor"` (older admin), else the field its label names (today's combobox without `name`). */
function readVendor(doc: Document, st: ReadState): string {
  const byName = queryFirst(doc, 'vendor')?.el;
  if (byName) return controlValue(byName);
  const el = labelledControl(doc, 'vendor');
  if (!el) {
    st.missing.push(missingPart(LABEL, 'vendor field', 'product page'));
    return '';
  }
  return hostOrControlValue(el, st.shadowOf);
}

/** Tags: a comma list in `name="tags"` (older admin), else the chips next to the field its label names. */
function readTags(doc: Document, st: ReadState): string[] {
  const split = (v: string) =>
    v
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  const byName = queryFirst(doc, 'tags')?.el;
  if (byName) return split(controlValue(byName));
  const el = labelledControl(doc, 'tags');
  if (!el) {
    st.missing.push(missingPart(LABEL, 'tags field', 'product page'));
    return [];
  }
  const chips = chipsNear(el);
  return chips.length > 0 ? chips : split(hostOrControlValue(el, st.shadowOf));
}

function readTitle(doc: Document, st: ReadState): string {
  const byName = field(doc, 'titleInput');
  if (byName) return byName;
  const el = labelledControl(doc, 'title');
  const labelled = el ? hostOrControlValue(el, st.shadowOf) : '';
  if (labelled) return labelled;
  const heading = text(queryFirst(doc, 'pageTitle')?.el);
  if (heading) st.lowCertainty.push('title: read from the page heading, not the title field');
  else st.missing.push(missingPart(LABEL, 'product title', 'product page'));
  return heading;
}

function readProductType(doc: Document, st: ReadState): string {
  const byName = field(doc, 'productType');
  if (byName !== null) return byName;
  const el = labelledControl(doc, 'productType');
  return el ? hostOrControlValue(el, st.shadowOf) : '';
}

function extractProduct(doc: Document, st: ReadState, id: string | null): ShopifyProductRead {
  const title = readTitle(doc, st);
  const description = readDescription(doc);
  if (!description) st.missing.push(missingPart(LABEL, 'description editor', 'product page'));
  const options = queryAll(doc, 'optionRows')
    .map((li) => ({
      name: text(queryFirst(li, 'optionName')?.el),
      values: queryAll(li, 'optionValue').map((v) => text(v)),
    }))
    .filter((o) => o.name);
  // Variant-table thumbnails repeat the media (or show a variant's own picture): not product images.
  const images = queryAll(doc, 'mediaImages')
    .filter((img) => !img.closest('table, tr, [role="row"], [class*="Thumbnail"]'))
    .map((img) => readImage(img as HTMLImageElement))
    .filter((im) => im.url);
  const variants = readVariants(doc, options, st.missing, st.lowCertainty);
  const product: CanonicalProduct = {
    id: id ?? '',
    handle: field(doc, 'handle') ?? '',
    title,
    description_html: description?.html ?? '',
    vendor: readVendor(doc, st),
    product_type: readProductType(doc, st),
    tags: readTags(doc, st),
    collections: readCollections(doc),
    options,
    variants: variants.map(({ texts: _, ...v }) => v),
    images,
    seo_title: field(doc, 'seoTitle') ?? '',
    seo_description: field(doc, 'seoDescription') ?? '',
  };
  const inventory = readLocations(doc);
  // The location counts are the Inventory card's, and so belong to that card's SKU field.
  const inventorySku = inventory.length > 0 ? field(doc, 'sku') || null : null;
  return {
    product,
    inventory,
    inventorySku,
    status: field(doc, 'status'),
    lowCertainty: st.lowCertainty.slice(0, 50),
    variantTexts: variants.map((v) => v.texts ?? { price: '', compare_at_price: '', weight: '', comma: false }),
  };
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
      available: parseCount(cell(row, cols, 'available')),
      on_hand: parseCount(cell(row, cols, 'on_hand')),
      committed: parseCount(cell(row, cols, 'committed')),
      incoming: parseCount(cell(row, cols, 'incoming')),
    };
  });
  return { location, rows };
}

export interface ExtractOptions {
  /** Reaches closed shadow roots in a content script (`composedShadowRootOf`); open roots by default. */
  shadowRootOf?: ShadowRootOf;
}

/** Reads a Shopify admin product or inventory page into a snapshot; never throws on odd pages. */
export function extract(doc: Document, url: URL, now = clock.now(), opts: ExtractOptions = {}): SnapshotEnvelope {
  const route = shopifyRoute(url);
  const missing: string[] = [];
  const st: ReadState = { missing, lowCertainty: [], shadowOf: opts.shadowRootOf ?? openShadowRoot };
  let data: ShopifyProductRead | ShopifyInventoryData | null = null;
  let title = text(queryFirst(doc, 'pageTitle')?.el) || doc.title;
  // A page counts for whatever was read; what was not is named in `missing` (never all-or-nothing).
  let readSomething = false;
  if (route.page === 'product') {
    const d = extractProduct(doc, st, route.id);
    const { title: read = '', variants = [] } = d.product;
    title = read || title;
    data = d;
    // A heading alone is not a product form: the title must come from its field, or a variant be read.
    readSomething = variants.length > 0 || (read !== '' && !st.lowCertainty.some((l) => l.startsWith('title')));
  } else if (route.page === 'inventory') {
    const d = extractInventory(doc, missing);
    data = d;
    readSomething = missing.length === 0;
  }
  return {
    app: 'shopify',
    page: route.page,
    entityId: route.id,
    url: url.href,
    title: title.slice(0, 500),
    capturedAt: now.toISOString(),
    recognised: data !== null && readSomething,
    missing: missing.slice(0, 50),
    data,
  };
}
