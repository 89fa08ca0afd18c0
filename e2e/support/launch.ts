import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { CHROME_BUILD, chromiumArgs, chromiumPath } from './paths';
import { routeFixtures } from './routes';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * The optional hosts the options page asks for, granted as if the person accepted the prompt: the
 * two local hosts (a local AI endpoint) and Loop's API host (saving a Loop key; its answers are routed).
 */
const LOCAL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*', 'https://api.loopreturns.com/*'];

/**
 * A copy of the build whose manifest has the two local hosts granted, as they are once a person
 * accepts the browser's prompt on saving a local endpoint: Playwright cannot click that prompt.
 * Everything else is the build as shipped (the manifest itself is checked in lib/manifest.test.ts).
 */
async function buildWithLocalHostsGranted(dir: string): Promise<string> {
  const copy = path.join(dir, 'extension');
  await cp(CHROME_BUILD, copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOCAL_HOSTS];
  await writeFile(file, JSON.stringify(manifest));
  return copy;
}

/**
 * Starts Debian's Chromium with the built extension in a fresh profile, fixture routing on, and
 * returns the extension id and its service worker (for seeding and inspection).
 */
export async function launchExtension({
  headless = true,
  viewport = { width: 1440, height: 900 },
  /** Load a copy with the local hosts granted (the AI test server runs on 127.0.0.1). */
  grantLocalHosts = true,
} = {}): Promise<ExtensionSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'counterpart-profile-'));
  const extensionDir = grantLocalHosts
    ? await buildWithLocalHostsGranted(await mkdtemp(path.join(tmpdir(), 'counterpart-build-')))
    : CHROME_BUILD;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    viewport,
    args: chromiumArgs(extensionDir),
  });
  await routeFixtures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The test-only handle that opens the dock's shadow root for Playwright (lib/settings/dock.ts);
  // without it the root is closed and locators cannot reach the dock or its frame.
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ 'test.dockShadowOpen': true }),
  );
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
      if (extensionDir !== CHROME_BUILD) await rm(path.dirname(extensionDir), { recursive: true, force: true });
    },
  };
}
