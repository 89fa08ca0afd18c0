import { resolve } from 'node:path';
import { type FixtureWindow, loadFixtureWindow } from '../fixture-window';

/** Folder of the Shopify admin fixture pages, resolved from the repo root. */
export const SHOPIFY_FIXTURES = resolve(process.cwd(), 'e2e/fixtures/shopify');

/** Test-only helper (Node): a Shopify fixture at `url` in happy-dom (see `loadFixtureWindow`). */
export function loadShopifyFixture(file: string, url: string): FixtureWindow {
  return loadFixtureWindow(SHOPIFY_FIXTURES, file, url, { iframes: false });
}
