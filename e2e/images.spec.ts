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
