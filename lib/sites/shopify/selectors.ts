/**
 * Every Shopify admin DOM hook in one place (host-pages §3.3). Each selector is a list of
 * alternatives tried in order; comments name the page variant. Hashed CSS-module classes
 * (`_Sku_gfy7s_1`) are matched by their stable `_Name_` prefix only, never by the hash.
 */
import { queryAllIn, queryFirstIn } from '../query';
export const SELECTORS = {
  pageTitle: [
    '.Polaris-Page-Header__TitleWrapper h1', // current Polaris page header
    'h1.Polaris-Header-Title', // header without the wrapper
    '[class*="Polaris-Header-Title"]', // older builds with hashed BEM suffixes
  ],
  titleInput: [
    'input[name="title"]', // product form (SQH, SOV)
    'input[aria-labelledby*="Title"]', // label-linked variant
  ],
  descriptionIframe: [
    'iframe#product-description_ifr', // TinyMCE same-origin iframe (2019–2025 sources)
    '#product-description_iframecontainer iframe', // container kept, iframe id renamed
  ],
  descriptionHidden: [
    'textarea#product-description', // hidden field that is actually saved
    'input#product-description', // older hidden input
    'textarea[name="body_html"]', // form-name variant
  ],
  vendor: ['input[name="vendor"]', '#ProductVendor'],
  productType: ['input[name="productType"]', '#ProductOrganizationCustomType'],
  tags: ['input[name="tags"]', '#ProductTags'],
  /** Collections combobox of the Product organization card (host-pages §3.3); its id counter may change. */
  collectionsField: [
    '#CollectionsAutocompleteField1', // current admin
    'input[id^="CollectionsAutocompleteField"]', // same field, other counter
    'input[aria-labelledby^="CollectionsAutocompleteField"]', // label-linked variant
  ],
  /** Selected collections: removable Polaris tags (chips) next to the combobox. */
  collectionChips: [
    '.Polaris-Tag', // Polaris Tag
    '[class*="Polaris-Tag"]:not([class*="Polaris-Tag__"])', // hashed BEM builds, not the tag's parts
  ],
  /** A chip's label (the rest of the chip is its remove button). */
  chipText: [
    '.Polaris-Tag__Text',
    '.Polaris-Tag__TagText',
    '[class*="Polaris-Tag__Text"]',
    's-internal-text', // today's admin: tag text in web-component text (tankobonbon/scripts shopify-floater-for-products.user.js)
  ],
  price: ['input[name="price"]', 'input[name="variants[0].price"]'],
  compareAtPrice: ['input[name="compareAtPrice"]', 'input[name="variants[0].compareAtPrice"]'],
  sku: ['#InventoryCardSku', 'input[name="sku"]'],
  barcode: ['input[name="barcode"]', '#InventoryCardBarcode'],
  weight: ['input[name="weight"]', '#ShippingCardWeight'],
  weightUnit: ['select[name="weightUnit"]'],
  seoTitle: ['input[name="metafields[global][title][value]"]', '#SeoTitle'],
  seoDescription: [
    'textarea[name="metafields[global][description][value]"]',
    'input[name="metafields[global][description][value]"]',
    '#SeoDescription',
  ],
  handle: ['input[name="handle"]', '#SeoHandle'],
  status: ['select[name="status"]', 'input[name="status"]'],
  /** Product media (the Media card); falls back to any product-image-looking img. */
  mediaImages: [
    '#MediaCard img', // fixture / card id
    '[class*="_MediaCard_"] img', // hashed module class
    'img[src*="cdn.shopify.com/s/files"]', // CDN-hosted media anywhere on the page
  ],
  /** Option rows in the Variants card: name + value chips. */
  optionRows: ['ul[aria-label="Options"] > li', '[class*="_OptionList_"] > li'],
  optionName: ['.Polaris-Text--semibold', 'strong'],
  optionValue: ['.Polaris-Tag', '[class*="Tag"]'],
  /** Variants IndexTable; its rows are classified in extract.ts (plain, group, `--child`). */
  variantTable: ['table.Polaris-IndexTable__Table', '[class*="Polaris-IndexTable__Table"]'],
  variantRows: ['tr.Polaris-IndexTable__TableRow:not(.Polaris-IndexTable__TableRow--child)'],
  variantName: [
    '.Polaris-Button--plain', // Polaris v11
    '.Polaris-Button--variantPlain', // Polaris v12 (greasyfork 552064)
    'th[scope="row"]', // grouped child rows name the variant in a row header cell (Polaris nested-rows example)
    'button',
    '[class*="_VariantCell_"]',
  ],
  /** Per-location inventory on the product page (Inventory card). */
  locationTable: [
    '#InventoryCard table',
    'table[aria-label="Inventory by location"]',
    '[class*="_InventoryCard_"] table',
  ],
  /** Inventory list page. */
  inventoryTable: ['table.Polaris-IndexTable__Table', '[class*="Polaris-IndexTable__Table"]', 'table'],
  inventoryLocation: [
    '#LocationPicker', // location selector button in the header (fixture id)
    'button[aria-label="Location"]',
    'button[aria-haspopup="listbox"]',
  ],
} as const satisfies Record<string, readonly string[]>;

export type SelectorName = keyof typeof SELECTORS;

/** First element matching any alternative of `name`, with the alternative that matched. */
export const queryFirst = (root: ParentNode, name: SelectorName) => queryFirstIn(SELECTORS, root, name);
/** All elements matching the first alternative of `name` that matches anything. */
export const queryAll = (root: ParentNode, name: SelectorName) => queryAllIn(SELECTORS, root, name);
