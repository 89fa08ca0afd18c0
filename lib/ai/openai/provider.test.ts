import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  type ChatRequestBody,
  type OpenAiTestServer,
  startOpenAiTestServer,
} from '../../../e2e/support/openai-test-server';
import { UNUSABLE_NOTICE, withLocalFallback } from '../check';
import { AiError } from '../errors';
import { createLocalEngine } from '../local/engine';
import { createOpenAiProvider, type OpenAiProviderConfig } from './provider';

let server: OpenAiTestServer;
let delays: number[];

beforeAll(async () => {
  server = await startOpenAiTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setBehaviour({ fault: 'none', failTimes: undefined, retryAfter: undefined, delayMs: 0, answer: undefined });
  delays = [];
});

let tick = 0;
function provider(overrides: Partial<OpenAiProviderConfig> = {}) {
  return createOpenAiProvider({
    baseURL: server.url,
    apiKey: 'sk-test',
    model: 'gpt-4o-mini',
    nonce: () => 'n0nce',
    clock: () => (tick += 5),
    retry: {
      maxRetries: 3,
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
    },
    ...overrides,
  });
}

function chatBodies(): ChatRequestBody[] {
  return server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatRequestBody);
}

const LABELS = ['refund', 'shipping', 'other'] as const;
const classifyRequest = {
  task: 'cs.intent',
  text: 'Where is my parcel? Reach me at jane@example.com',
  labels: LABELS,
  sources: [],
};

describe('OpenAI-compatible provider over the real client', () => {
  it('runs where `window` and `document` exist, as in Firefox’s MV2 background page', async () => {
    // The client refuses such a global scope unless told the key is not in a web page's reach.
    vi.stubGlobal('window', { document: {} });
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0' });
    try {
      expect((await provider().classify(classifyRequest)).meta.provider).toBe('openai');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('classifies with a strict JSON schema and reports provider, model, tokens and time', async () => {
    server.setBehaviour({
      answer: {
        labels: [
          { label: 'other', confidence: 0.1 },
          { label: 'shipping', confidence: 0.92 },
        ],
      },
    });
    const result = await provider().classify(classifyRequest);
    expect(result.value.labels).toEqual([
      { label: 'shipping', confidence: 0.92 },
      { label: 'other', confidence: 0.1 },
    ]);
    expect(result.meta).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      operation: 'classify',
      durationMs: 5,
    });
    expect(result.meta.usage?.totalTokens).toBeGreaterThan(0);
    const [body] = chatBodies();
    expect(body?.response_format?.type).toBe('json_schema');
    expect(body?.response_format?.json_schema?.strict).toBe(true);
    expect(body?.response_format?.json_schema?.name).toBe('cs_intent_labels');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('sends customer text wrapped as data with the email redacted', async () => {
    await provider().classify(classifyRequest);
    const user = chatBodies()[0]?.messages?.[1]?.content as string;
    expect(user).toContain(
      '<<<DATA_n0nce label="text">>>\nWhere is my parcel? Reach me at [EMAIL_1]\n<<<END_DATA_n0nce>>>',
    );
    expect(JSON.stringify(server.requests)).not.toContain('jane@example.com');
  });

  it('extracts a typed object and restores redacted values in it', async () => {
    server.setBehaviour({ answer: { email: '[EMAIL_1]', orderNumber: '#1047', damaged: true } });
    const schema = z.object({ email: z.email(), orderNumber: z.string().nullable(), damaged: z.boolean() });
    const result = await provider().extract({
      task: 'returns.details',
      text: 'Order #1047 arrived broken, write to jane@example.com',
      schema,
      schemaName: 'ReturnDetails',
      sources: [],
    });
    expect(result.value).toEqual({ email: 'jane@example.com', orderNumber: '#1047', damaged: true });
    expect(result.meta.repaired).toBeUndefined();
  });

  it('streams a structured answer to onPartial when asked, and still returns the checked value', async () => {
    server.setBehaviour({ answer: { email: '[EMAIL_1]', orderNumber: '#1047', damaged: true } });
    const schema = z.object({ email: z.email(), orderNumber: z.string().nullable(), damaged: z.boolean() });
    const partials: string[] = [];
    const result = await provider().extract({
      task: 'returns.details',
      text: 'Order #1047 arrived broken, write to jane@example.com',
      schema,
      schemaName: 'ReturnDetails',
      sources: [],
      onPartial: (content) => partials.push(content),
    });
    expect(result.value).toEqual({ email: 'jane@example.com', orderNumber: '#1047', damaged: true });
    expect(partials.length).toBeGreaterThan(2);
    expect(partials.at(-1)).toBe('{"email":"jane@example.com","orderNumber":"#1047","damaged":true}');
    expect(chatBodies()[0]?.stream).toBe(true);
    expect(chatBodies()[0]?.response_format?.type).toBe('json_schema');
    expect(result.meta.usage?.outputTokens).toBeGreaterThan(0);
  });

  it('streams a draft in pieces, counts tokens from the usage chunk and fact-checks it', async () => {
    server.setBehaviour({ text: 'Your order #1047 ships on Nov 3 for $25.00, not $30.00.' });
    const pieces: string[] = [];
    const result = await provider().draft({
      task: 'cs.reply',
      instructions: 'Answer the customer.',
      text: 'When does it ship?',
      sources: [{ id: 'order', label: 'Order #1047', text: 'Order #1047, total $25.00, ships 2026-11-03' }],
      onDelta: (d) => pieces.push(d),
    });
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe('Your order #1047 ships on Nov 3 for $25.00, not $30.00.');
    expect(result.value.facts.flagged).toEqual([{ start: 48, end: 54, text: '$30.00', kind: 'amount' }]);
    expect(result.meta.usage?.outputTokens).toBe(14);
    expect(chatBodies()[0]?.stream).toBe(true);
  });

  it('restores a placeholder split across streamed chunks', async () => {
    server.setBehaviour({ text: 'We will email [EMAIL_1] today.', chunkSize: 3 });
    const pieces: string[] = [];
    const result = await provider().draft({
      task: 'cs.reply',
      instructions: 'Confirm.',
      text: 'my mail is jane@example.com',
      sources: [],
      onDelta: (d) => pieces.push(d),
    });
    expect(result.value.text).toBe('We will email jane@example.com today.');
    expect(pieces.join('')).toBe('We will email jane@example.com today.');
  });

  it('sends images as image_url parts only when the model supports vision', async () => {
    const images = ['data:image/png;base64,iVBORw0KGgo='];
    await provider({ vision: true }).classify({ ...classifyRequest, images });
    await provider({ vision: false }).classify({ ...classifyRequest, images });
    const [withVision, without] = chatBodies();
    expect(withVision?.messages?.[1]?.content).toEqual([
      { type: 'text', text: expect.stringContaining('Text to classify') },
      { type: 'image_url', image_url: { url: images[0] } },
    ]);
    expect(typeof without?.messages?.[1]?.content).toBe('string');
  });

  it('sends strict: false when the schema has optional fields, and json_object mode on request', async () => {
    server.setBehaviour({ answer: { n: 1 } });
    const schema = z.object({ n: z.number(), note: z.string().optional() });
    await provider().extract({ task: 't', text: 'x', schema, schemaName: 'Optional Note', sources: [] });
    await provider({ structuredOutputs: 'json_object' }).extract({
      task: 't',
      text: 'x',
      schema,
      schemaName: 'N',
      sources: [],
    });
    const [schemaMode, objectMode] = chatBodies();
    expect(schemaMode?.response_format?.json_schema).toMatchObject({ name: 'Optional_Note', strict: false });
    expect(objectMode?.response_format).toEqual({ type: 'json_object' });
  });

  it('sends the key as api-key too for an Azure endpoint', async () => {
    const seen: Headers[] = [];
    const capture: typeof fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers));
      return fetch(`${server.url}/models`, { method: 'GET' });
    };
    await provider({
      baseURL: 'https://my-res.openai.azure.com/openai/v1/',
      apiKey: 'az-key',
      fetch: capture,
    }).listModels();
    expect(seen[0]?.get('api-key')).toBe('az-key');
  });

  it('lists the models the server offers', async () => {
    expect(await provider().listModels()).toEqual(['gpt-4o-mini', 'gpt-4.1-mini', 'llama3.2']);
  });
});

describe('errors and retries', () => {
  async function failure(promise: Promise<unknown>): Promise<AiError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AiError);
    return error as AiError;
  }

  it('explains a rejected key (401) without retrying', async () => {
    server.setBehaviour({ fault: 'unauthorized' });
    const error = await failure(provider().classify(classifyRequest));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(
      `The API key was rejected by 127.0.0.1:${server.port} (401). Check the key on the options page.`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('names the missing model (404 model_not_found)', async () => {
    server.setBehaviour({ fault: 'model_not_found' });
    const error = await failure(provider({ model: 'gpt-9' }).classify(classifyRequest));
    expect(error.kind).toBe('model_not_found');
    expect(error.message).toContain('Model "gpt-9" was not found');
  });

  it('waits exactly the Retry-After of a rate limit, then succeeds', async () => {
    server.setBehaviour({ fault: 'rate_limit', retryAfter: '2', failTimes: 1 });
    const result = await provider().classify(classifyRequest);
    expect(result.value.labels[0]?.label).toBe('refund');
    expect(delays).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry when the quota is exhausted and says so', async () => {
    server.setBehaviour({ fault: 'insufficient_quota' });
    const error = await failure(provider().classify(classifyRequest));
    expect(error.kind).toBe('quota');
    expect(error.message).toContain('run out of quota');
    expect(server.requests).toHaveLength(1);
  });

  it('backs off exponentially with jitter on 500s: 375 ms then 750 ms at random 0.5', async () => {
    server.setBehaviour({ fault: 'server_error', failTimes: 2 });
    await provider().classify(classifyRequest);
    // step 500 → 250 + 0.5·250; step 1000 → 500 + 0.5·500
    expect(delays).toEqual([375, 750]);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries on a persistent 500', async () => {
    server.setBehaviour({ fault: 'server_error' });
    const error = await failure(
      provider({ retry: { maxRetries: 2, sleep: async () => {}, random: () => 0 } }).classify(classifyRequest),
    );
    expect(error.kind).toBe('server');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a failed stream start and then streams', async () => {
    server.setBehaviour({ fault: 'server_error', failTimes: 1, text: 'Hello there.' });
    const result = await provider().draft({ task: 'cs.reply', instructions: 'Greet.', sources: [] });
    expect(result.value.text).toBe('Hello there.');
    expect(delays).toEqual([375]);
  });

  it('cancels a slow request via AbortSignal', async () => {
    server.setBehaviour({ delayMs: 10_000 });
    const controller = new AbortController();
    const pending = provider().classify({ ...classifyRequest, signal: controller.signal });
    await server.received(1);
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
  });

  it('reports a timeout when the server is too slow', async () => {
    server.setBehaviour({ delayMs: 2_000 });
    const error = await failure(provider({ timeoutMs: 50, retry: { maxRetries: 0 } }).classify(classifyRequest));
    expect(error.kind).toBe('timeout');
  });

  it('reports an unreachable server as network down', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const error = await failure(
      provider({ baseURL: `http://127.0.0.1:${port}/v1`, retry: { maxRetries: 0 } }).classify(classifyRequest),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toContain(`Cannot reach the AI server at 127.0.0.1:${port}`);
  });

  it('explains "Failed to fetch" as a missing host permission', async () => {
    const blocked: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(
      provider({ baseURL: 'https://llm.example.com/v1', fetch: blocked, retry: { maxRetries: 0 } }).classify(
        classifyRequest,
      ),
    );
    expect(error.kind).toBe('host_permission');
    expect(error.message).toContain('Grant Counterpart access to llm.example.com');
  });
});

describe('stream failures', () => {
  it('turns a stream cut off mid-answer into an error and lets the local engine answer', async () => {
    server.setBehaviour({ fault: 'stream_cut', text: 'This answer will be cut off here.' });
    const local = createLocalEngine({ draft: { 'cs.reply': () => 'Local template reply.' } });
    const pieces: string[] = [];
    const result = await withLocalFallback(provider(), local).draft({
      task: 'cs.reply',
      instructions: 'Reply.',
      sources: [],
      onDelta: (d) => pieces.push(d),
    });
    expect(pieces.at(-1)).toBe('Local template reply.');
    expect(result.value.text).toBe('Local template reply.');
    expect(result.meta).toMatchObject({ provider: 'local', fallback: true, errorKind: 'network' });
  });
});

describe('output checking', () => {
  const local = createLocalEngine({
    classify: { 'cs.intent': () => ({ labels: [{ label: 'other', confidence: 0.4 }] }) },
  });

  it('repairs malformed JSON once, sending the parse error back', async () => {
    server.setBehaviour({ fault: 'malformed_json', failTimes: 1 });
    const result = await provider().classify(classifyRequest);
    expect(result.meta.repaired).toBe(true);
    const bodies = chatBodies();
    expect(bodies).toHaveLength(2);
    const repair = bodies[1]?.messages?.at(-1)?.content as string;
    expect(repair).toContain('The answer is not valid JSON');
    expect(bodies[1]?.messages?.at(-2)).toEqual({
      role: 'assistant',
      content: '{"labels": [{"label": "refund", "confidence": 0.9',
    });
  });

  it('repairs an answer with a label outside the label set', async () => {
    let calls = 0;
    server.setBehaviour({
      answer: () => {
        calls += 1;
        return { labels: [{ label: calls === 1 ? 'billing' : 'refund', confidence: 0.8 }] };
      },
    });
    const result = await provider().classify(classifyRequest);
    expect(result.value.labels).toEqual([{ label: 'refund', confidence: 0.8 }]);
    expect(chatBodies()[1]?.messages?.at(-1)?.content).toContain('labels.0.label');
  });

  it('falls back to the local engine with a notice when the repair fails too', async () => {
    server.setBehaviour({ fault: 'malformed_json' });
    const result = await withLocalFallback(provider(), local).classify(classifyRequest);
    expect(result.value.labels).toEqual([{ label: 'other', confidence: 0.4 }]);
    expect(result.meta).toMatchObject({
      provider: 'local',
      fallback: true,
      notice: UNUSABLE_NOTICE,
      errorKind: 'output_invalid',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('falls back on a provider error with its message, but not on cancellation', async () => {
    server.setBehaviour({ fault: 'unauthorized' });
    const result = await withLocalFallback(provider(), local).classify(classifyRequest);
    expect(result.meta.notice).toMatch(/\(401\)\. Check the key on the options page\. — local result shown$/);
    const controller = new AbortController();
    controller.abort();
    await expect(
      withLocalFallback(provider(), local).classify({ ...classifyRequest, signal: controller.signal }),
    ).rejects.toMatchObject({
      kind: 'aborted',
    });
  });
});
