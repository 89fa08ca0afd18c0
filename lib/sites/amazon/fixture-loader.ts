import { resolve } from 'node:path';
import { type FixtureWindow, loadFixtureWindow } from '../fixture-window';

/** Folder of the Seller Central fixture pages, resolved from the repo root. */
export const AMAZON_FIXTURES = resolve(process.cwd(), 'e2e/fixtures/amazon');

/** Test-only helper (Node): a Seller Central fixture at `url` in happy-dom (see `loadFixtureWindow`). */
export function loadAmazonFixture(file: string, url: string): FixtureWindow {
  return loadFixtureWindow(AMAZON_FIXTURES, file, url);
}
