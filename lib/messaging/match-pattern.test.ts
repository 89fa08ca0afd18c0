import { describe, expect, it } from 'vitest';
import { HOST_MATCHES } from '../sites/hosts';
import { matchesPattern } from './match-pattern';

describe('matchesPattern', () => {
  it('matches a Gorgias ticket under any account subdomain', () => {
    expect(matchesPattern('https://*.gorgias.com/app/*', 'https://acme.gorgias.com/app/views/123/456')).toBe(true);
  });
  it('rejects a Gorgias page outside /app and a look-alike host', () => {
    expect(matchesPattern('https://*.gorgias.com/app/*', 'https://acme.gorgias.com/login')).toBe(false);
    expect(matchesPattern('https://*.gorgias.com/app/*', 'https://gorgias.com.evil.io/app/x')).toBe(false);
    expect(matchesPattern('https://*.gorgias.com/app/*', 'http://acme.gorgias.com/app/x')).toBe(false);
  });
  it('matches every Seller Central host the manifest lists', () => {
    const urls = [
      'https://sellercentral.amazon.co.uk/abis/listing/edit?sku=A',
      'https://sellercentral-japan.amazon.com/home',
    ];
    for (const url of urls) expect(HOST_MATCHES.amazon.some((p) => matchesPattern(p, url))).toBe(true);
    expect(HOST_MATCHES.amazon.some((p) => matchesPattern(p, 'https://www.amazon.com/dp/B0CXYZ1234'))).toBe(false);
  });
  it('matches Loop admin and both Shopify admin hosts', () => {
    expect(HOST_MATCHES.loop.some((p) => matchesPattern(p, 'https://admin.loopreturns.com/returns/48213577'))).toBe(
      true,
    );
    expect(HOST_MATCHES.shopify.some((p) => matchesPattern(p, 'https://admin.shopify.com/store/demo/products/1'))).toBe(
      true,
    );
    expect(HOST_MATCHES.shopify.some((p) => matchesPattern(p, 'https://demo.myshopify.com/admin/products/1'))).toBe(
      true,
    );
    expect(HOST_MATCHES.shopify.some((p) => matchesPattern(p, 'https://demo.myshopify.com/products/tee'))).toBe(false);
  });
});

describe('originPatterns', () => {
  it('reduces app match patterns to origin patterns for web_accessible_resources', async () => {
    const { originPatterns } = await import('../sites/hosts');
    expect(
      originPatterns([
        'https://*.gorgias.com/app/*',
        'https://admin.shopify.com/store/*',
        'https://admin.shopify.com/x/*',
      ]),
    ).toEqual(['https://*.gorgias.com/*', 'https://admin.shopify.com/*']);
  });
});
