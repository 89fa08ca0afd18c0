import type { Page } from '@playwright/test';
import {
  type ChatRequestBody,
  type OpenAiTestServer,
  type RecordedRequest,
  startOpenAiTestServer,
} from './support/openai-test-server';
import { saveProvider } from './support/pages';
import { expect, test } from './support/test';

const KEY = 'sk-cp-e2e-stream-4c1d';
const REPLY_4101 =
  'Hi Jane, thanks for checking in. Order #1047 left our warehouse and is on its way with UPS; the tracking number is 1Z999AA10123456784. (streamed by the model)';
const REPLY_4102 = 'Hi, thanks for telling us. We are checking the charges on order #1052 now. (model, ticket 4102)';
const TICKET = 'https://acme.gorgias.com/app/views/123/4101';

const isDraftRequest = (body: ChatRequestBody): boolean =>
  JSON.stringify(body.response_format?.json_schema?.schema ?? {}).includes('"reply"');
const promptOf = (body: ChatRequestBody): string => JSON.stringify(body.messages ?? []);

/** Answers like a model: the draft schema gets a reply for the ticket's order, the classify schema gets labels. */
function modelAnswer(body: ChatRequestBody): unknown {
  if (isDraftRequest(body))
    return promptOf(body).includes('1052')
      ? { reply: REPLY_4102, used_sources: ['order.number'] }
      : { reply: REPLY_4101, used_sources: ['order.number', 'order.tracking_number'] };
  return {
    labels: promptOf(body).includes('1052')
      ? [{ label: 'billing', confidence: 0.9 }]
      : [{ label: 'order_status', confidence: 0.93 }],
  };
}

const draftRequests = (s: OpenAiTestServer): RecordedRequest[] =>
  s.requests.filter((r) => r.path.endsWith('/chat/completions') && isDraftRequest(r.body as ChatRequestBody));

let server: OpenAiTestServer;
test.beforeEach(async () => {
  server = await startOpenAiTestServer({ script: { apiKey: KEY, answer: modelAnswer } });
});
test.afterEach(async () => {
  await server.close();
});

/** Configures the provider the way a person does: options page, custom server, key, Save. */
async function configureProvider(page: Page, extensionId: string): Promise<void> {
  await saveProvider(page, extensionId, { baseURL: server.url, key: KEY });
}

test.describe('streamed drafts over the ai.draft port (OpenAI-compatible test server)', () => {
  test('a slow streamed answer shows partial text, then the checked draft replaces it', async ({
    page,
    panel,
    session,
  }) => {
    await configureProvider(page, session.extensionId);
    server.setBehaviour({ chunkSize: 6, chunkDelayMs: 120 });
    await page.goto(TICKET);

    const streaming = panel.frame.getByTestId('draft-streaming');
    const streamText = panel.frame.getByTestId('draft-stream-text');
    await expect(streamText).toContainText('Hi Jane, thanks');
    await expect(streaming).toContainText('writing…');
    const partial = (await streamText.textContent()) ?? '';
    expect(partial.length).toBeLessThan(REPLY_4101.length);
    expect(REPLY_4101.startsWith(partial)).toBe(true);
    // Unchecked text is not actionable: no Insert while it streams.
    await expect(panel.frame.getByRole('button', { name: 'Insert' })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/stream-partial.png' });

    await expect(panel.frame.getByTestId('draft-text')).toHaveText(REPLY_4101);
    await expect(streaming).toHaveCount(0);
    await expect(panel.frame.getByTestId('draft-provenance')).toContainText('gpt-4o-mini');
    await expect(panel.frame.getByRole('button', { name: 'Insert' })).toBeVisible();
    await page.screenshot({ path: '/tmp/stream-done.png' });

    const drafts = draftRequests(server);
    expect(drafts.length).toBe(1);
    expect((drafts[0]?.body as ChatRequestBody | undefined)?.stream).toBe(true);
  });

  test('moving to the next ticket while the answer streams aborts the model call', async ({ page, panel, session }) => {
    await configureProvider(page, session.extensionId);
    server.setBehaviour({ chunkSize: 4, chunkDelayMs: 250 });
    await page.goto(TICKET);
    await expect(panel.frame.getByTestId('draft-stream-text')).toContainText('Hi Jane');

    await page.locator('.ticket-list a[href$="/4102"]').click();
    // The server sees the 4101 draft request's connection closed before its answer was complete.
    await expect
      .poll(() => draftRequests(server).some((r) => r.aborted && promptOf(r.body as ChatRequestBody).includes('1047')))
      .toBe(true);
    server.setBehaviour({ chunkDelayMs: 0 });

    await expect(panel.record).toContainText('4102');
    await expect(panel.frame.getByTestId('draft-text')).toHaveText(REPLY_4102);
    await expect(panel.frame.getByTestId('draft-streaming')).toHaveCount(0);
    await expect(panel.frame.getByText(/Hi Jane/)).toHaveCount(0);
    await page.screenshot({ path: '/tmp/stream-cancelled-4102.png' });
  });
});
