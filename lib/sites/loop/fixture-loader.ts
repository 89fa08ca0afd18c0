import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

/** Test-only helper (Node): loads the Loop fixture page at `url` in happy-dom with its inline scripts running (the SPA fixture renders from JSON). */
export function loadLoopFixture(url: string, file = 'app.html'): Window {
  // A path, not a URL object: under the happy-dom test environment `URL` is happy-dom's class, which fs does not accept.
  const here = dirname(fileURLToPath(import.meta.url));
  const html = readFileSync(resolve(here, '../../../e2e/fixtures/loop', file), 'utf8');
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  window.document.write(html);
  return window;
}
