/** The pages `npm run demo` opens, one or more per host app, with what each shows. */
export const DEMO_PAGES: Array<{ app: string; name: string; url: string }> = [
  { app: 'gorgias', name: 'gorgias-ticket', url: 'https://acme.gorgias.com/app/views/123/4101' },
  { app: 'loop', name: 'loop-return', url: 'https://admin.loopreturns.com/returns/48213577' },
  { app: 'shopify', name: 'shopify-product', url: 'https://admin.shopify.com/store/demo-shop/products/8123456789' },
  {
    app: 'amazon',
    name: 'amazon-listing',
    url: 'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT#product_details',
  },
  {
    app: 'amazon',
    name: 'amazon-inventory',
    url: 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25&searchField=all&searchTerm=&sort=date_created_desc&status=all',
  },
];

/** The extension's own pages `npm run demo -- --headless` photographs (after the demo data is imported). */
export const DEMO_EXTENSION_PAGES = ['planner', 'popup', 'catalogue', 'insights', 'options'] as const;

/** The screen sizes the demo photographs every screen at (issue 17: a small laptop and a common desktop). */
export const DEMO_VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;
