import { expect, test } from './support/test';

const SHOPIFY_PRODUCT = 'https://admin.shopify.com/store/demo-shop/products/8123456789';

interface Img {
  url: string;
  width?: number;
  height?: number;
  format?: string;
  corner_rgb?: number[][];
  product_fill?: number;
}

test('the Shopify product snapshot carries image metadata measured from the page', async ({ page, dock, session }) => {
  await page.goto(SHOPIFY_PRODUCT);
  await dock.expectDocked();
  const images = () =>
    session.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(): Promise<object> } } } }).chrome;
      const all = (await api.storage.session.get()) as Record<string, { app?: string; data?: unknown }>;
      const snap = Object.entries(all).find(([k, v]) => /^tab\.\d+\.snapshot$/.test(k) && v?.app === 'shopify')?.[1];
      return ((snap?.data as { product?: { images?: unknown[] } } | undefined)?.product?.images ?? []) as Img[];
    });
  await expect.poll(async () => (await images()).filter((im) => im.corner_rgb).length).toBe(3);
  const [first, , third] = await images();
  expect(first).toMatchObject({ format: 'png', width: 1200, height: 1200 });
  expect(third).toMatchObject({ format: 'png', width: 1200, height: 1500 });
  for (const im of await images()) {
    expect(im.corner_rgb).toHaveLength(4);
    for (const rgb of im.corner_rgb ?? []) expect(rgb).toHaveLength(3);
    expect(im.product_fill).toBeGreaterThan(0);
    expect(im.product_fill).toBeLessThanOrEqual(1);
  }
});

const AMAZON_EDIT =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT';

test('the Amazon editor measures its Images tab; an off-white MAIN is flagged in the panel', async ({
  page,
  dock,
  panel,
  session,
}) => {
  await page.goto(AMAZON_EDIT);
  await dock.expectDocked();
  const images = () =>
    session.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(): Promise<object> } } } }).chrome;
      const all = (await api.storage.session.get()) as Record<string, { app?: string; data?: unknown }>;
      const snap = Object.entries(all).find(([k, v]) => /^tab\.\d+\.snapshot$/.test(k) && v?.app === 'amazon')?.[1];
      return ((snap?.data as { listing?: { images?: unknown[] } } | undefined)?.listing?.images ?? []) as (Img & {
        role?: string;
      })[];
    });
  await expect.poll(async () => (await images()).filter((im) => im.corner_rgb).length).toBe(2);
  const [main, pt01] = await images();
  expect(main).toMatchObject({ role: 'MAIN', format: 'png', width: 1000, height: 1000 });
  expect(main?.corner_rgb?.[0]).toEqual([244, 243, 239]);
  expect(main?.product_fill).toBeCloseTo(0.76, 1);
  expect(pt01?.corner_rgb?.every((rgb) => rgb.every((v) => v === 255))).toBe(true);
  const violations = panel.region('Must fix');
  await expect(violations).toContainText('AMZ-IMG-MAIN-BG');
  await expect(violations).toContainText('AMZ-IMG-MAIN-FILL');
  await violations.scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1440, height: 1300 });
  await page.screenshot({ path: '/tmp/images-amazon.png' });
});
