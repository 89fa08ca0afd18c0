import { matchesPattern } from '../messaging/match-pattern';

/** Manifest match patterns per host app: the only hosts whose pages Counterpart reads. */

/** Seller Central marketplace TLDs (host-pages §4.1). */
export const AMAZON_TLDS = [
  'com',
  'ca',
  'com.mx',
  'com.br',
  'co.uk',
  'de',
  'fr',
  'it',
  'es',
  'nl',
  'se',
  'pl',
  'com.be',
  'com.tr',
  'ie',
  'ae',
  'sa',
  'eg',
  'co.za',
  'in',
  'co.jp',
  'com.au',
  'sg',
] as const;

export const HOST_MATCHES = {
  gorgias: ['https://*.gorgias.com/app/*'],
  shopify: ['https://admin.shopify.com/store/*', 'https://*.myshopify.com/admin/*'],
  amazon: [
    ...AMAZON_TLDS.map((tld) => `https://sellercentral.amazon.${tld}/*`),
    'https://sellercentral-europe.amazon.com/*',
    'https://sellercentral-japan.amazon.com/*',
  ],
  loop: ['https://admin.loopreturns.com/*'],
  get all(): string[] {
    return [...this.gorgias, ...this.shopify, ...this.amazon, ...this.loop];
  },
} as const;

export const APP_IDS = ['gorgias', 'shopify', 'amazon', 'loop'] as const;
export type AppId = (typeof APP_IDS)[number];

/** Origin-only patterns (`https://host/*`) of the host apps: what `web_accessible_resources` accepts. */
export function originPatterns(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map((p) => p.replace(/^([a-z*]+:\/\/[^/]+)\/.*$/, '$1/*')))];
}

/**
 * Origins that may frame the panel (`web_accessible_resources`): the four apps' hosts, without the
 * legacy `{shop}.myshopify.com` admin, whose origin is also every Shopify storefront's (Shopify
 * redirects that admin to admin.shopify.com; there the panel is docked).
 */
export const PANEL_FRAME_ORIGINS: string[] = /* @__PURE__ */ originPatterns(HOST_MATCHES.all).filter(
  (p) => p !== 'https://*.myshopify.com/*',
);

/** The AI endpoints the options page may ask for (optional host permissions): https, and the two local hosts. */
export const OPTIONAL_ENDPOINT_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** Whether a page at `url` may frame the panel (its origin is in `web_accessible_resources`). */
export function canFramePanel(url: string): boolean {
  return PANEL_FRAME_ORIGINS.some((p) => matchesPattern(p, url));
}
