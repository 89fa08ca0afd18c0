import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { ROOT } from '../../e2e/support/paths';
import { fixtureFor } from '../../e2e/support/routes';

export const FIREFOX_BUILD = path.join(path.resolve(ROOT, process.env.COUNTERPART_OUT ?? '.output'), 'firefox-mv2');

/** The gecko id in the Firefox manifest (wxt.config.ts) and the address its pages get here. */
export const GECKO_ID = 'counterpart@example.com';
const EXTENSION_UUID = '5f0c7a1e-3b2d-4c8e-9a6f-0d1e2f3a4b5c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Debian's Firefox ESR unless FIREFOX_PATH says otherwise. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `No Firefox found (tried ${candidates.join(', ')}). Install Debian's firefox-esr or set FIREFOX_PATH.`,
    );
  return found;
}

export interface FirefoxSession {
  browser: Browser;
  /** Everything Firefox printed on stdout so far: the extension's console among it (devtools.console.stdout.content). */
  stdout(): string;
  /** A new tab whose requests to the four apps are answered with the fixture pages. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Requests to the apps' hosts get the fixture pages (as e2e/support/routes.ts does for Chromium);
 * the extension's own pages and local servers (the AI test server) go on; anything else is
 * refused, so the suite never reaches the network.
 */
async function route(request: HTTPRequest): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const url = new URL(request.url());
  const file = fixtureFor(url);
  if (file)
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: await readFile(file) });
  if (file === null)
    return request.respond({ status: 404, contentType: 'text/plain', body: `No fixture for ${url.href}` });
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (local || !/^https?:$/.test(url.protocol)) return request.continue();
  return request.abort('blockedbyclient');
}

/**
 * Starts Debian's Firefox ESR headless over WebDriver BiDi and installs the built Firefox
 * extension (a temporary add-on) at a fixed address.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}. Run \`npm run build:firefox\` first (npm test does).`);
  const profileParent = await mkdtemp(path.join(tmpdir(), 'counterpart-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: path.join(profileParent, 'profile'),
    // Lets WebDriver BiDi run scripts in moz-extension:// pages (the options page).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The extension's pages at a known address: moz-extension://<uuid>/options.html.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The extension's console on Firefox's stdout, collected for the failure message.
      'devtools.console.stdout.content': true,
      // An optional permission asked from a user input handler is granted without the doorhanger
      // (a test cannot click browser chrome); asked outside one, Firefox still refuses it.
      'extensions.webextOptionalPermissionPrompts': false,
      // Nothing of Firefox's own reaches the network (puppeteer already points its services at a dummy host).
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.ping-centre.telemetry': false,
    },
  });
  const chunks: Buffer[] = [];
  browser.process()?.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const id = await browser.installExtension(FIREFOX_BUILD);
  if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
  return {
    browser,
    stdout: () => Buffer.concat(chunks).toString('utf8'),
    async newPage() {
      const page = await browser.newPage();
      await page.setViewport({ width: 1366, height: 768 });
      await page.setRequestInterception(true);
      page.on('request', (request) => void route(request));
      return page;
    },
    async close() {
      await browser.close();
      await rm(profileParent, { recursive: true, force: true });
    },
  };
}

/**
 * Calls `probe` until it returns something other than undefined (errors count as "not yet": a
 * page between two documents has no context to evaluate in). The condition is what is waited
 * for; the short pause only spaces the probes.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${String(last).slice(0, 300)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Opens an extension page (e.g. "/options.html") in `page`. `page.goto` to a moz-extension:// URL
 * never resolves over BiDi, so the navigation is started and the page's own address is polled.
 */
export async function openExtensionPage(page: Page, pathname: string): Promise<void> {
  const url = `${EXTENSION_ORIGIN}${pathname}`;
  page.goto(url).catch(() => undefined);
  await until(`${url} to load`, () =>
    page.evaluate((u) => (location.href === u && document.readyState === 'complete' ? true : undefined), url),
  );
}

/**
 * The panel's frame in a host page. Puppeteer keeps such a frame's URL at about:blank (Firefox
 * sends no navigation event for a moz-extension:// subframe), so each frame is asked its address.
 */
export async function panelFrame(page: Page): Promise<Frame> {
  return until('the panel frame', async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${EXTENSION_ORIGIN}/panel.html`)) return frame;
    }
    return undefined;
  });
}

/** Text of the first element matching `selector` in `frame`, once it contains `expected`. */
export async function textContaining(frame: Frame, selector: string, expected: string | RegExp): Promise<string> {
  const handle = await frame.waitForFunction(
    (sel, source, flags) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return new RegExp(source, flags).test(text) ? text : false;
    },
    { timeout: 20_000 },
    selector,
    typeof expected === 'string' ? expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : expected.source,
    typeof expected === 'string' ? '' : expected.flags,
  );
  return (await handle.jsonValue()) as string;
}

/** Clicks the button whose text is `name` (trimmed, exact) in `frame`, with a real pointer click. */
export async function clickButton(frame: Frame, name: string): Promise<void> {
  const handle = await frame.waitForFunction(
    (n) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n && !b.disabled) ?? false,
    { timeout: 20_000 },
    name,
  );
  await (handle as unknown as ElementHandle<HTMLButtonElement>).click();
}

/**
 * The input, textarea or select of a field: by CSS selector, or by its label's text (the span
 * beside it, as the options page's fields are written).
 */
export async function field(frame: Frame, target: string | { label: string }): Promise<ElementHandle<Element>> {
  if (typeof target === 'string') {
    const handle = await frame.waitForSelector(target, { timeout: 20_000 });
    if (!handle) throw new Error(`No ${target}`);
    return handle;
  }
  const handle = await frame.waitForFunction(
    (label) =>
      [...document.querySelectorAll('label')]
        .find((l) => l.querySelector('span')?.textContent?.trim() === label)
        ?.querySelector('input, textarea, select') ?? false,
    { timeout: 20_000 },
    target.label,
  );
  return handle as unknown as ElementHandle<Element>;
}

/** Replaces a field's value by typing `value` (real key events, so React sees them). */
export async function typeInto(frame: Frame, target: string | { label: string }, value: string): Promise<void> {
  const input = await field(frame, target);
  await input.evaluate((el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  await input.type(value);
}
