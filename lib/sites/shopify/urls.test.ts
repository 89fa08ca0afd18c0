import { describe, expect, it } from 'vitest';
import { isInventoryPage, isOrderPage, isProductPage, shopifyRoute } from './urls';

const u = (s: string) => new URL(s);

describe('Shopify admin URL detectors', () => {
  it.each([
    'https://admin.shopify.com/store/demo-shop/products/8123456789',
    'https://admin.shopify.com/store/demo-shop/products/8123456789/',
    'https://admin.shopify.com/store/demo-shop/products/8123456789?variant=44120000001',
    'https://northwind-apparel.myshopify.com/admin/products/8123456789',
  ])('recognises the product page %s', (s) => {
    expect(isProductPage(u(s))).toBe(true);
    expect(shopifyRoute(u(s)).id).toBe('8123456789');
  });

  it.each([
    'https://admin.shopify.com/store/demo-shop/products/inventory',
    'https://admin.shopify.com/store/demo-shop/products/new',
    'https://admin.shopify.com/store/demo-shop/products?selectedView=all',
    'https://admin.shopify.com/store/demo-shop/products/8123456789/variants/44120000001',
    'https://admin.shopify.com/store/demo-shop/apps/judgeme/products/8123456789',
    'https://demo-shop.myshopify.com/products/classic-tee',
    'https://shopify.com/store/demo-shop/products/8123456789',
    'http://admin.shopify.com/store/demo-shop/products/8123456789',
  ])('does not treat %s as a product page', (s) => {
    expect(isProductPage(u(s))).toBe(false);
  });

  it('recognises the inventory list on both hosts and nothing else', () => {
    expect(isInventoryPage(u('https://admin.shopify.com/store/demo-shop/products/inventory?location_id=7001'))).toBe(
      true,
    );
    expect(isInventoryPage(u('https://northwind-apparel.myshopify.com/admin/products/inventory'))).toBe(true);
    expect(isInventoryPage(u('https://admin.shopify.com/store/demo-shop/products/8123456789'))).toBe(false);
    expect(isInventoryPage(u('https://admin.shopify.com/store/demo-shop/inventory'))).toBe(false);
  });

  it('recognises order pages with their id', () => {
    expect(isOrderPage(u('https://admin.shopify.com/store/demo-shop/orders/5550001'))).toBe(true);
    expect(shopifyRoute(u('https://admin.shopify.com/store/demo-shop/orders/5550001'))).toEqual({
      page: 'order',
      store: 'demo-shop',
      id: '5550001',
    });
    expect(isOrderPage(u('https://admin.shopify.com/store/demo-shop/orders'))).toBe(false);
    expect(isOrderPage(u('https://admin.shopify.com/store/demo-shop/draft_orders/5550001'))).toBe(false);
  });
});
