import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { type ChatRequestBody, type OpenAiTestServer, startOpenAiTestServer } from './support/openai-test-server';
import { optionsUrl, saveProvider } from './support/pages';
import { CHROME_BUILD } from './support/paths';
import { expect, test } from './support/test';

const KEY = 'sk-cp-e2e-SECRET-7f3a9c2d1b';
const MODEL_REPLY =
  'Hi Jane, thanks for checking in. Order #1047 is on its way with UPS, tracking 1Z999AA10123456784. (model-written)';
const TICKET = 'https://acme.gorgias.com/app/views/123/4101';

/** Answers like a model: the draft schema gets a reply, the classify schema gets intent labels. */
function modelAnswer(body: ChatRequestBody): unknown {
  const schema = JSON.stringify(body.response_format?.json_schema?.schema ?? {});
  if (schema.includes('"reply"'))
    return { reply: MODEL_REPLY, used_sources: ['order.number', 'order.tracking_number'] };
  return {
    labels: [
      { label: 'order_status', confidence: 0.93 },
      { label: 'tracking_request', confidence: 0.41 },
    ],
  };
}

let server: OpenAiTestServer;
test.beforeEach(async () => {
  server = await startOpenAiTestServer({ script: { apiKey: KEY, answer: modelAnswer } });
});
test.afterEach(async () => {
  await server.close();
});

/** Configures the provider the way a person does: options page, custom server, key, Save, Test connection. */
async function configureProvider(page: Page, extensionId: string): Promise<void> {
  await saveProvider(page, extensionId, { baseURL: server.url, key: KEY });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/model gpt-4o-mini is available/)).toBeVisible();
}

function panelFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/panel.html'));
  if (!frame) throw new Error('panel frame not found');
  return frame;
}

test.describe('AI provider end to end (OpenAI-compatible test server)', () => {
  test('configured in the options page, the panel shows the model’s draft with its provider badge', async ({
    page,
    panel,
    session,
  }) => {
    await configureProvider(page, session.extensionId);
    await page.goto(TICKET);
    await expect(panel.frame.getByTestId('draft-text')).toHaveText(MODEL_REPLY);
    await expect(panel.frame.getByTestId('draft-provenance')).toContainText('Written by gpt-4o-mini');
    await expect(panel.frame.getByTestId('draft-provenance-details')).toContainText('custom');
    await expect(panel.frame.getByTestId('draft-notice')).toHaveCount(0);
    await expect(panel.frame.locator('header')).toContainText('AI · gpt-4o-mini');
    await expect(panel.frame.getByTestId('cs-intent')).toHaveAttribute('data-intent', 'order_status');
    await expect(panel.frame.getByTestId('cs-intent')).toContainText('Order status');
    // The model saw the key in its header, so the answer really came through the configured provider.
    const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThanOrEqual(2);
    expect(String(chats[0]?.headers.authorization)).toBe(`Bearer ${KEY}`);
    await page.screenshot({ path: '/tmp/cs-model-4101.png' });
  });

  test('a 429 with Retry-After is retried and the model result is still shown', async ({ page, panel, session }) => {
    await configureProvider(page, session.extensionId);
    server.setBehaviour({ fault: 'rate_limit', failTimes: 1, retryAfter: '1' });
    await page.goto(TICKET);
    await expect(panel.frame.getByTestId('draft-text')).toHaveText(MODEL_REPLY);
    await expect(panel.frame.getByTestId('draft-provenance')).toContainText('gpt-4o-mini');
    await expect(panel.frame.getByTestId('draft-notice')).toHaveCount(0);
    const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThanOrEqual(3);
  });

  test('malformed JSON from the model: the local result is shown with the visible notice', async ({
    page,
    panel,
    session,
  }) => {
    await configureProvider(page, session.extensionId);
    server.setBehaviour({ fault: 'malformed_json' });
    await page.goto(TICKET);
    await expect(panel.frame.getByTestId('draft-notice')).toHaveText('model answer unusable — local result shown');
    await expect(panel.frame.getByTestId('draft-text')).toContainText('Good news: order #1047 has shipped');
    await expect(panel.frame.getByTestId('draft-provenance')).toContainText('built-in engine');
    await expect(panel.frame.getByRole('region', { name: 'Ticket triage' })).toContainText(
      'model answer unusable — local result shown',
    );
    await page.screenshot({ path: '/tmp/cs-model-fallback.png' });
  });

  test('imported past replies reach the model as sources and are cited as chips', async ({ page, panel, session }) => {
    await configureProvider(page, session.extensionId);
    const csv = [
      'Ticket ID,Subject,Customer message,Agent reply',
      '9001,Where is my order,Where is my order? It has not arrived yet.,Hi! Your parcel is on its way — here is the tracking link.',
    ].join('\n');
    await page
      .getByLabel('Gorgias export file (CSV or JSON)')
      .setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import past replies' }).click();
    await expect(page.getByText('Imported 1 of 1 rows.')).toBeVisible();
    server.setBehaviour({
      answer: (body: ChatRequestBody) => {
        const schema = JSON.stringify(body.response_format?.json_schema?.schema ?? {});
        if (!schema.includes('"reply"')) return modelAnswer(body);
        const prompt = JSON.stringify(body.messages ?? []);
        const past = [...prompt.matchAll(/source (past\.[\w:-]+):/g)].map((m) => m[1]);
        return { reply: MODEL_REPLY, used_sources: ['order.number', ...past] };
      },
    });
    await page.goto(TICKET);
    await expect(panel.frame.getByTestId('draft-text')).toHaveText(MODEL_REPLY);
    await expect(panel.frame.getByTestId('citation-chip').filter({ hasText: 'Past reply #9001' })).toHaveCount(1);
  });

  test('facts the model invents are flagged as highlighted spans', async ({ page, panel, session }) => {
    await configureProvider(page, session.extensionId);
    server.setBehaviour({
      answer: (body: ChatRequestBody) => {
        const schema = JSON.stringify(body.response_format?.json_schema?.schema ?? {});
        return schema.includes('"reply"')
          ? {
              reply: 'Hi Jane, order #1047 will arrive on 3 December 2026 and we added a $15.00 credit.',
              used_sources: ['order.number'],
            }
          : modelAnswer(body);
      },
    });
    await page.goto(TICKET);
    const flags = panel.frame.getByTestId('draft-flag');
    await expect(flags).toHaveCount(2);
    await expect(flags.nth(0)).toHaveText('3 December 2026');
    await expect(flags.nth(1)).toHaveText('$15.00');
    await expect(panel.frame.getByTestId('draft-flag-note')).toContainText('2 facts not found in the sources');
    await page.screenshot({ path: '/tmp/cs-model-flags.png' });
  });

  test('the API key appears in no content script, storage, backup, panel message or console log', async ({
    page,
    panel,
    session,
  }) => {
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    session.worker.on('console', (m) => logs.push(m.text()));
    await configureProvider(page, session.extensionId);

    // Built content scripts.
    const dir = path.join(CHROME_BUILD, 'content-scripts');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.js')))
      expect(await readFile(path.join(dir, file), 'utf8'), file).not.toContain(KEY);

    // A ticket with the panel, so messages and logs have happened.
    await page.goto(TICKET);
    await expect(panel.frame.getByTestId('draft-text')).toHaveText(MODEL_REPLY);
    const answers = await panelFrame(page).evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } })
        .chrome;
      const context = await api.runtime.sendMessage({ type: 'panel.getContext', payload: {} });
      const analysis = await api.runtime.sendMessage({ type: 'cs.analyseTicket', payload: {} });
      const status = await api.runtime.sendMessage({ type: 'ai.getStatus', payload: {} });
      return JSON.stringify([context, analysis, status]);
    });
    expect(answers).toContain('gpt-4o-mini');
    expect(answers).not.toContain(KEY);

    // storage.local / storage.session and the 'counterpart' database, read from the worker.
    const stored = await session.worker.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { storage: Record<string, { get: (k: null) => Promise<unknown> }> } }
      ).chrome;
      const local = await api.storage.local!.get(null);
      const sessionArea = await api.storage.session!.get(null);
      const tables = await new Promise<Record<string, unknown[]>>((resolve) => {
        const req = indexedDB.open('counterpart');
        req.onsuccess = () => {
          const idb = req.result;
          const names = [...idb.objectStoreNames];
          const out: Record<string, unknown[]> = {};
          const tx = idb.transaction(names, 'readonly');
          for (const n of names) {
            const all = tx.objectStore(n).getAll();
            all.onsuccess = () => {
              out[n] = all.result;
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
        };
      });
      return JSON.stringify({ local, session: sessionArea, tables });
    });
    expect(stored).toContain('gpt-4o-mini');
    expect(stored).toContain('cs.draft');
    expect(stored).not.toContain(KEY);

    // The backup export, downloaded from the options page.
    await page.goto(optionsUrl(session.extensionId));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup' }).click();
    const file = await (await download).path();
    const backup = await readFile(file, 'utf8');
    expect(backup).toContain('settings.ai');
    expect(backup).not.toContain(KEY);

    expect(logs.join('\n')).not.toContain(KEY);
  });

  test('the saved key never reaches a second origin: not through a crafted backup, Test connection or a changed base URL', async ({
    page,
    panel,
    session,
  }) => {
    const second = await startOpenAiTestServer();
    try {
      await configureProvider(page, session.extensionId);
      const secondOrigin = new URL(second.url).origin;
      expect(secondOrigin).not.toBe(new URL(server.url).origin);

      // A crafted backup that points the provider at the second server: shown, never applied.
      const crafted = {
        format: 'counterpart-backup',
        formatVersion: 1,
        exportedAt: '2026-11-27T12:00:00.000Z',
        schemaVersion: 3,
        tables: {},
        settings: {
          'local:settings.ai': {
            mode: 'remote',
            preset: 'custom',
            baseURL: second.url,
            model: 'gpt-4o-mini',
            redaction: { email: false, phone: false, address: false, card: false },
          },
        },
      };
      await page.getByLabel('Backup file to restore').setInputFiles({
        name: 'crafted.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(crafted)),
      });
      await expect(page.getByText('AI provider left unchanged')).toBeVisible();
      await page.getByRole('button', { name: 'Apply restore' }).click();
      await expect(page.getByText('Restored')).toBeVisible();
      await page.goto(TICKET);
      await expect(panel.frame.getByTestId('draft-text')).toHaveText(MODEL_REPLY);

      // Test connection of an unsaved URL on the second origin: sent without the saved key.
      await page.goto(optionsUrl(session.extensionId));
      await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(second.url);
      await expect(page.getByTestId('key-origin-note')).toContainText(secondOrigin);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('test-connection-result')).toBeVisible();
      expect(second.requests.length).toBeGreaterThan(0);

      // Saved without a key: the panel's model calls go there without the old key (another ticket,
      // so no cached answer stands in for the call).
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Saved. Using gpt-4o-mini.')).toBeVisible();
      await page.goto(TICKET.replace(/4101$/, '4102'));
      await expect(panel.frame.getByTestId('draft-text')).toBeVisible();
      await expect
        .poll(() => second.requests.filter((r) => r.path.endsWith('/chat/completions')).length)
        .toBeGreaterThan(0);
      expect(JSON.stringify(second.requests)).not.toContain(KEY);
      for (const r of second.requests) expect(r.headers.authorization ?? '').not.toContain('sk-cp');
    } finally {
      await second.close();
    }
  });
});
