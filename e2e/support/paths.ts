import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'e2e/fixtures');
export const CHROME_BUILD = path.join(path.resolve(ROOT, process.env.COUNTERPART_OUT ?? '.output'), 'chrome-mv3');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `No Chromium found (tried ${candidates.join(', ')}). Install Debian's chromium or set CHROMIUM_PATH.`,
    );
  return found;
}

/**
 * The flags every Chromium we launch takes (tests and benches): headless on this machine, nothing
 * fetched in the background; with `extensionDir`, that unpacked build loaded and no other.
 */
export function chromiumArgs(extensionDir?: string): string[] {
  const base = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (!extensionDir) return base;
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...base,
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
  ];
}
