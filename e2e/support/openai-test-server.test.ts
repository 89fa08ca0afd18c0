import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ATTACKER_LINK,
  dangerousFromSchema,
  OBEYED_TEXT,
  type OpenAiTestServer,
  sampleFromSchema,
  startOpenAiTestServer,
} from './openai-test-server';

let server: OpenAiTestServer;
beforeAll(async () => {
  server = await startOpenAiTestServer({ script: { text: 'Hello world' } });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(server.url.replace('/v1', '/__reset'), { method: 'POST' });
});

const post = (body: unknown) =>
  fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('OpenAI test server', () => {
  it('answers a chat completion in the JSON wire format with usage', async () => {
    const res = await post({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi there, how are you?' }] });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello world' }, finish_reason: 'stop' }],
      // 22 prompt chars → 6 tokens, 11 answer chars → 3 tokens (4 chars a token)
      usage: { prompt_tokens: 6, completion_tokens: 3, total_tokens: 9 },
    });
  });

  it('streams SSE chunks, a usage chunk on request, and [DONE]', async () => {
    server.setBehaviour({ chunkSize: 5 });
    const res = await post({ model: 'm', stream: true, stream_options: { include_usage: true }, messages: [] });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = (await res.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, '')));
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? null)).toEqual(['', 'Hello', ' worl', 'd', null, null]);
    expect(chunks[4].choices[0].finish_reason).toBe('stop');
    expect(chunks[5]).toMatchObject({ choices: [], usage: { completion_tokens: 3 } });
  });

  it('answers json_schema requests with the canned object or a sample of the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        label: { type: 'string', enum: ['refund', 'other'] },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
      },
    };
    const sample = await (
      await post({
        model: 'm',
        messages: [],
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
      })
    ).json();
    expect(JSON.parse(sample.choices[0].message.content)).toEqual({ label: 'refund', confidence: 0.5 });
    server.setBehaviour({ answer: (body: { model?: string }) => ({ echo: body.model }) });
    const canned = await (
      await post({
        model: 'echo-me',
        messages: [],
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
      })
    ).json();
    expect(JSON.parse(canned.choices[0].message.content)).toEqual({ echo: 'echo-me' });
  });

  it('serves a scripted fault N times, then succeeds', async () => {
    server.setBehaviour({ fault: 'rate_limit', retryAfter: '3', failTimes: 2 });
    const first = await post({ model: 'm', messages: [] });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await first.json()).error.code).toBe('rate_limit_exceeded');
    expect((await post({ model: 'm', messages: [] })).status).toBe(429);
    expect((await post({ model: 'm', messages: [] })).status).toBe(200);
  });

  it.each([
    ['unauthorized', 401, 'invalid_api_key'],
    ['model_not_found', 404, 'model_not_found'],
    ['insufficient_quota', 429, 'insufficient_quota'],
    ['server_error', 500, null],
  ] as const)('serves %s as HTTP %i with code %s', async (fault, status, code) => {
    server.setBehaviour({ fault });
    const res = await post({ model: 'm', messages: [] });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it('lists models and records requests, and takes behaviour over HTTP', async () => {
    await fetch(server.url.replace('/v1', '/__behaviour'), {
      method: 'POST',
      body: JSON.stringify({ models: ['only-one'] }),
    });
    const models = await (await fetch(`${server.url}/models`)).json();
    expect(models.data.map((m: { id: string }) => m.id)).toEqual(['only-one']);
    const recorded = await (await fetch(server.url.replace('/v1', '/__requests'))).json();
    expect(recorded).toEqual([expect.objectContaining({ method: 'GET', path: '/v1/models' })]);
  });

  it('builds samples from nullable, array and nested schemas', () => {
    expect(
      sampleFromSchema({
        type: 'object',
        properties: {
          a: { type: ['string', 'null'] },
          b: { type: 'array', items: { type: 'integer', minimum: 3 } },
          c: { anyOf: [{ const: 'x' }] },
        },
      }),
    ).toEqual({ a: 'example', b: [3], c: 'x' });
  });

  it('obeys: the most dangerous values a schema allows and the attacker link in every text', async () => {
    const schema = {
      type: 'object',
      properties: {
        involves_money: { type: 'boolean' },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        tier: { type: 'string', enum: ['escalate', 'assisted', 'autonomous'] },
        decision: { type: 'string', enum: ['deny', 'human_review', 'refund'] },
        reply: { type: 'string' },
        tags: { type: 'array', items: { type: 'string', maxLength: 12 }, minItems: 2 },
      },
    };
    expect(dangerousFromSchema(schema)).toEqual({
      involves_money: false,
      confidence: 1,
      tier: 'autonomous',
      decision: 'refund',
      reply: OBEYED_TEXT,
      tags: [OBEYED_TEXT.slice(0, 12), OBEYED_TEXT.slice(0, 12)],
    });
    await fetch(server.url.replace('/v1', '/__behaviour'), { method: 'POST', body: JSON.stringify({ obey: true }) });
    const structured = await post({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
    }).then((r) => r.json());
    expect(JSON.parse(structured.choices[0].message.content).tier).toBe('autonomous');
    const text = await post({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).then((r) =>
      r.json(),
    );
    expect(text.choices[0].message.content).toContain(ATTACKER_LINK);
  });
});
