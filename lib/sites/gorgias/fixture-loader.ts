import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/** Folder of the Gorgias fixture pages; resolved from the repo root (vitest, tsx and benches run there). */
export const GORGIAS_FIXTURES = resolve(process.cwd(), 'e2e/fixtures/gorgias');

/**
 * Test-only helper (Node): loads a Gorgias fixture page at `url` in happy-dom with its inline
 * scripts running, since the SPA fixture renders tickets from its inline JSON. The scripts are our
 * own fixture code, hence the suppressed untrusted-code warning.
 */
export function loadGorgiasFixture(file: string, url: string): Window {
  const html = readFileSync(resolve(GORGIAS_FIXTURES, file), 'utf8');
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  window.document.write(html);
  return window;
}
