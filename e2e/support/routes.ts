import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { FIXTURES } from './paths';

/**
 * Fixture pages served at the host apps' real addresses, so the manifest's own match patterns
 * decide where content scripts run. Order matters: the first matching entry serves the request.
 */
export const FIXTURE_ROUTES: Array<{ host: RegExp; path: RegExp; file: string }> = [
  // A ticket URL whose page has no structure Counterpart knows (the "could not read" path).
  { host: /^[a-z0-9-]+\.gorgias\.com$/, path: /^\/app\/views\/\d+\/9999$/, file: 'gorgias/unknown.html' },
  { host: /^[a-z0-9-]+\.gorgias\.com$/, path: /^\/app(\/|$)/, file: 'gorgias/app.html' },
  { host: /^admin\.loopreturns\.com$/, path: /^\/returns(\/|$)/, file: 'loop/app.html' },
  { host: /^admin\.shopify\.com$/, path: /^\/store\/[^/]+\/products\/inventory/, file: 'shopify/inventory.html' },
  { host: /^admin\.shopify\.com$/, path: /^\/store\/[^/]+\/products\/\d+/, file: 'shopify/product.html' },
  { host: /^sellercentral\.amazon\.[a-z.]+$/, path: /^\/abis\/listing\/edit/, file: 'amazon/listing-edit.html' },
  { host: /^sellercentral\.amazon\.[a-z.]+$/, path: /^\/myinventory\/inventory/, file: 'amazon/inventory.html' },
];

const HOSTS =
  /(\.gorgias\.com|^admin\.loopreturns\.com|^admin\.shopify\.com|\.myshopify\.com|^sellercentral(-europe|-japan)?\.amazon\.)/;

/**
 * What a request to `url` gets: undefined for a host that is not one of the apps' (it goes on),
 * null for an app's page without a fixture (a 404), else the fixture's path (Firefox's e2e-firefox uses this too).
 */
export function fixtureFor(url: URL): string | null | undefined {
  if (!HOSTS.test(url.hostname)) return undefined;
  const entry = FIXTURE_ROUTES.find((r) => r.host.test(url.hostname) && r.path.test(url.pathname));
  return entry ? path.join(FIXTURES, entry.file) : null;
}

/** Routes every request to the four apps' hosts to a fixture page (or a 404), never to the network. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => HOSTS.test(url.hostname),
    async (route: Route) => {
      const url = new URL(route.request().url());
      const file = fixtureFor(url);
      if (!file) return route.fulfill({ status: 404, contentType: 'text/plain', body: `No fixture for ${url.href}` });
      const body = await readFile(file);
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    },
  );
}
