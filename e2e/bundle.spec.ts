import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROME_BUILD } from './support/paths';

// Content scripts run on every page of the host apps: they must stay small, carry no zod, no
// engine code and nothing secret. Issue 16's goal is 30 kB each; with the structured reads and the
// page-identity reader the Gorgias, Loop and Seller Central scripts are 31–32 kB (open in issue 16),
// so this ceiling stops further growth while that goal is worked on.
const CEILING = 32_500;

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
  }
});
