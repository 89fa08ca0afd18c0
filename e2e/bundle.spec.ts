import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROME_BUILD } from './support/paths';

// Content scripts run on every page of the host apps: they must stay small (issue 16: 30 kB each),
// carry no zod, no engine code and nothing secret.
const CEILING = 30_000;

test('each content script stays under its size ceiling minified and carries no schema library or AI client', () => {
  const dir = path.join(CHROME_BUILD, 'content-scripts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(files.sort()).toEqual(['amazon.js', 'gorgias.js', 'loop.js', 'shopify.js']);
  for (const file of files) {
    const full = path.join(dir, file);
    expect(statSync(full).size, file).toBeLessThan(CEILING);
    const text = readFileSync(full, 'utf8');
    expect(text, file).not.toMatch(/ZodError|\$ZodType/);
    expect(text, file).not.toMatch(/api\.openai\.com|chat\/completions/);
    // Our own small ContentScriptContext (lib/sites/content/context.ts), not WXT's: no location
    // watcher, and no message to the page announcing the extension when the script starts.
    expect(text, file).not.toMatch(/wxt:content-script-started|wxt:locationchange/);
  }
});
