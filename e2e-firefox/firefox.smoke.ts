import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatRequestBody, type OpenAiTestServer, startOpenAiTestServer } from '../e2e/support/openai-test-server';
import { REMOTE_PROVIDER_DATA } from '../lib/ai/settings';
import {
  clickButton,
  type FirefoxSession,
  field,
  launchFirefox,
  openExtensionPage,
  panelFrame,
  textContaining,
  typeInto,
  until,
} from './support/firefox';

/**
 * Smoke suite of the Firefox (MV2) build in Debian's Firefox ESR over WebDriver BiDi: the panel on
 * the four apps, Insert into the Gorgias editor, the options page, and a remote model on the local
 * OpenAI-compatible test server. One Firefox for the file; the tests run in order and the later
 * ones build on the provider the earlier one saved (said where it matters).
 */

const GORGIAS_TICKET = 'https://acme.gorgias.com/app/views/123/4101';
const KEY = 'sk-cp-firefox-SECRET-4e1d7b';
const MODEL_REPLY = 'Hi Jane, order #1047 is on its way with UPS, tracking 1Z999AA10123456784. (written by the model)';

/** Answers like a model: the draft schema gets a reply, the classify schema gets intent labels. */
function modelAnswer(body: ChatRequestBody): unknown {
  const schema = JSON.stringify(body.response_format?.json_schema?.schema ?? {});
  if (schema.includes('"reply"'))
    return { reply: MODEL_REPLY, used_sources: ['order.number', 'order.tracking_number'] };
  return { labels: [{ label: 'order_status', confidence: 0.93 }] };
}

let firefox: FirefoxSession;
let server: OpenAiTestServer;
let page: Page;

beforeAll(async () => {
  [firefox, server] = await Promise.all([
    launchFirefox(),
    startOpenAiTestServer({ script: { apiKey: KEY, answer: modelAnswer } }),
  ]);
});
afterAll(async () => {
  await Promise.all([firefox?.close(), server?.close()]);
});
afterEach(async (context) => {
  // The extension's console (Firefox's stdout) explains most failures.
  if (context.task.result?.state === 'fail') console.log(firefox.stdout().split('\n').slice(-60).join('\n'));
  await page?.close().catch(() => undefined);
});

describe('Firefox: the docked panel', () => {
  for (const [app, url, record] of [
    ['Gorgias', GORGIAS_TICKET, 'Ticket · 4101'],
    ['Loop Returns', 'https://admin.loopreturns.com/returns/48213577', 'Return · 48213577'],
    ['Shopify admin', 'https://admin.shopify.com/store/demo-shop/products/8123456789', 'Product · 8123456789'],
    [
      'Seller Central',
      'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT',
      'Listing · TEE-CL-BLK-M',
    ],
  ] as const) {
    it(`docks on the ${app} fixture and reads its record`, async () => {
      page = await firefox.newPage();
      await page.goto(url);
      const panel = await panelFrame(page);
      expect(await textContaining(panel, '[data-testid="panel-record"]', record)).toContain(record);
      expect(await textContaining(panel, 'header.panel-header', app)).toContain(app);
      // The page is pushed left to make room for the dock, as in Chrome (read once the margin's transition ends).
      const pushed = await page.evaluate(async () => {
        const html = document.documentElement;
        await Promise.all(html.getAnimations().map((a) => a.finished.catch(() => undefined)));
        return Number.parseFloat(getComputedStyle(html).marginRight);
      });
      expect(pushed).toBeGreaterThan(0);
    });
  }
});

describe('Firefox: drafts and Insert', () => {
  it('Insert puts the local draft into the Gorgias editor’s own state and enables Send', async () => {
    page = await firefox.newPage();
    await page.goto(GORGIAS_TICKET);
    const panel = await panelFrame(page);
    const draft = await textContaining(panel, '[data-testid="draft-text"]', '1Z999AA10123456784');
    await clickButton(panel, 'Insert');
    await textContaining(panel, '[data-testid="draft-action-result"]', 'Inserted');
    const editor = await page.waitForFunction(
      (expected) => {
        const state = (window as unknown as { __editorState?: { text: string } }).__editorState;
        return state?.text === expected ? state.text : false;
      },
      { timeout: 20_000 },
      draft,
    );
    expect(await editor.jsonValue()).toBe(draft);
    expect(await page.$eval('button.btn-send', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
  });
});

describe('Firefox: the options page', () => {
  it('opens at the pinned address and saves the brand policies across a reload', async () => {
    page = await firefox.newPage();
    await openExtensionPage(page, '/options.html');
    expect(await page.title()).toBe('Counterpart settings');
    const policy = 'Returns within 45 days of delivery, unworn with tags. (Firefox)';
    await typeInto(page.mainFrame(), { label: 'Return policy' }, policy);
    await clickButton(page.mainFrame(), 'Save settings');
    await textContaining(page.mainFrame(), 'body', 'All changes saved.');
    await openExtensionPage(page, '/options.html?again');
    const returnPolicy = await field(page.mainFrame(), { label: 'Return policy' });
    await page.waitForFunction(
      (el, p) => (el as HTMLTextAreaElement).value === p,
      { timeout: 20_000 },
      returnPolicy,
      policy,
    );
    expect(await returnPolicy.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(policy);
  });
});

describe('Firefox: a remote model (OpenAI-compatible test server)', () => {
  it('saving the endpoint asks inside the click for that host and for consent to send it data; Firefox grants both', async () => {
    page = await firefox.newPage();
    await openExtensionPage(page, '/options.html');
    const options = page.mainFrame();
    const granted = () =>
      page.evaluate(async (data) => {
        const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
        return {
          local: await api.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
          all: await api.permissions.contains({ origins: ['https://*/*'] }),
          data: await api.permissions.contains({ data_collection: [...data] } as never),
        };
      }, REMOTE_PROVIDER_DATA);
    expect(await granted()).toEqual({ local: false, all: false, data: false });
    const remote = await options.waitForSelector('input[name="mode"]:not(:checked)');
    await remote?.click();
    await options.waitForSelector('select[name="preset"]:not(:disabled)');
    await options.select('select[name="preset"]', 'custom');
    await typeInto(options, 'input[name="baseURL"]', server.url);
    await typeInto(options, 'input[name="model"]', 'gpt-4o-mini');
    await typeInto(options, 'input[name="apiKey"]', KEY);
    await clickButton(options, 'Save settings');
    await textContaining(options, 'body', 'Saved. Using gpt-4o-mini.');
    // Asked after an await (outside the click), Firefox refuses and the page says it was not allowed.
    const refusals = await page.$$eval('.cp-notice, [role="status"], [role="alert"]', (notes) =>
      notes.map((n) => n.textContent ?? '').filter((t) => t.includes('was not allowed to contact')),
    );
    expect(refusals).toEqual([]);
    expect(await granted()).toEqual({ local: true, all: false, data: true });

    await clickButton(options, 'Test connection');
    expect(
      await textContaining(options, '[data-testid="test-connection-result"]', 'model gpt-4o-mini is available'),
    ).toMatch(/^Connected to 127\.0\.0\.1:\d+/);
  });

  it('the panel shows the model’s draft, sent with the key from the background page', async () => {
    // Uses the provider the previous test saved.
    const before = server.requests.length;
    page = await firefox.newPage();
    await page.goto(GORGIAS_TICKET);
    const panel = await panelFrame(page);
    expect(await textContaining(panel, '[data-testid="draft-text"]', MODEL_REPLY)).toBe(MODEL_REPLY);
    expect(await textContaining(panel, '[data-testid="draft-provenance"]', 'gpt-4o-mini')).toContain(
      'Written by gpt-4o-mini',
    );
    expect(await textContaining(panel, 'header.panel-header', 'AI · gpt-4o-mini')).toContain('AI · gpt-4o-mini');
    const chats = server.requests.slice(before).filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThanOrEqual(1);
    expect(chats.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);

    await clickButton(panel, 'Insert');
    const editor = await page.waitForFunction(
      (expected) => (window as unknown as { __editorState?: { text: string } }).__editorState?.text === expected,
      { timeout: 20_000 },
      MODEL_REPLY,
    );
    expect(await editor.jsonValue()).toBe(true);
  });

  it('without consent to send data the panel stays on the local engine and nothing reaches the server', async () => {
    // Uses the provider saved above; the consent is withdrawn as in about:addons.
    page = await firefox.newPage();
    await openExtensionPage(page, '/options.html');
    await page.evaluate(async (data) => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      await api.permissions.remove({ data_collection: [...data] } as never);
    }, REMOTE_PROVIDER_DATA);
    const before = server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    await page.goto(GORGIAS_TICKET);
    const panel = await panelFrame(page);
    await textContaining(panel, '[data-testid="draft-text"]', '1Z999AA10123456784');
    expect(await textContaining(panel, '[data-testid="draft-provenance"]', 'built-in engine')).toContain(
      'Written by Counterpart’s built-in engine',
    );
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBe(before);
  });

  it('the key is in no storage a page can read and in no console line', async () => {
    page = await firefox.newPage();
    await openExtensionPage(page, '/options.html');
    const stored = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      return JSON.stringify(await api.storage.local.get(null));
    });
    expect(stored).not.toContain(KEY);
    // The options page learns only that a key is saved, never the key.
    expect(await page.$eval('input[name="apiKey"]', (i) => (i as HTMLInputElement).value)).toBe('');
    // The background logged while answering (usage, fallbacks); none of it may carry the key.
    await until('Firefox output', async () => (firefox.stdout().length > 0 ? true : undefined));
    expect(firefox.stdout().includes(KEY)).toBe(false);
  });
});
