import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiTestServer, startOpenAiTestServer } from '../../e2e/support/openai-test-server';
import { memoryCache } from './cache';
import { createLocalEngine } from './local/engine';
import { connectionReport, createAiProvider, testConnection, withUsageLog } from './provider';
import { AiSettingsSchema, DEFAULT_AI_SETTINGS } from './settings';
import type { UsageRecord } from './usage';

let server: OpenAiTestServer;
beforeAll(async () => {
  server = await startOpenAiTestServer();
});
afterAll(() => server.close());

const local = createLocalEngine({ classify: { t: () => ({ labels: [{ label: 'b', confidence: 0.6 }] }) } });
const request = { task: 't', text: 'hello', labels: ['a', 'b'], sources: [] };

describe('composed provider', () => {
  it('in local mode never call the server', async () => {
    const before = server.requests.length;
    const result = await createAiProvider({ settings: DEFAULT_AI_SETTINGS, apiKey: '', local }).classify(request);
    expect(result.meta.provider).toBe('local');
    expect(server.requests.length).toBe(before);
  });

  it('in remote mode ask the server, cache the answer and fall back on failure', async () => {
    const settings = AiSettingsSchema.parse({
      mode: 'remote',
      preset: 'ollama',
      baseURL: server.url,
      model: 'llama3.2',
    });
    const cache = memoryCache();
    const provider = createAiProvider({
      settings,
      apiKey: '',
      local,
      cache,
      overrides: { retry: { sleep: async () => {}, random: () => 0 } },
    });
    const first = await provider.classify(request);
    expect(first.meta).toMatchObject({ provider: 'ollama', model: 'llama3.2' });
    expect((await provider.classify(request)).meta.cached).toBe(true);
    server.setBehaviour({ fault: 'server_error' });
    const failed = await provider.classify({ ...request, text: 'other' });
    expect(failed.meta).toMatchObject({ provider: 'local', fallback: true, errorKind: 'server' });
    expect(cache.size()).toBe(1);
    server.setBehaviour({ fault: 'none' });
  });

  it('never answers from another server’s cache after the endpoint changes', async () => {
    const other = await startOpenAiTestServer();
    try {
      const cache = memoryCache();
      const overrides = { retry: { sleep: async () => {}, random: () => 0 } };
      const at = (baseURL: string) =>
        createAiProvider({
          settings: AiSettingsSchema.parse({ mode: 'remote', preset: 'ollama', baseURL, model: 'llama3.2' }),
          apiKey: '',
          local,
          cache,
          overrides,
        });
      const seen = { ...request, text: 'a ticket seen on the first server' };
      expect((await at(server.url).classify(seen)).meta.cached).toBeFalsy();
      expect((await at(server.url).classify(seen)).meta.cached).toBe(true);
      const asked = other.requests.length;
      const switched = await at(other.url).classify(seen);
      expect(switched.meta.cached).toBeFalsy();
      expect(other.requests.length).toBe(asked + 1);
      expect(cache.size()).toBe(2);
    } finally {
      await other.close();
    }
  });
});

describe('testConnection', () => {
  it('lists the models and says whether the configured one is there', async () => {
    const settings = AiSettingsSchema.parse({ mode: 'remote', baseURL: server.url, model: 'llama3.2' });
    expect(await testConnection({ settings, apiKey: '' })).toEqual({
      ok: true,
      models: ['gpt-4o-mini', 'gpt-4.1-mini', 'llama3.2'],
      modelListed: true,
    });
    expect(await testConnection({ settings: { ...settings, model: 'gpt-9' }, apiKey: '' })).toMatchObject({
      ok: true,
      modelListed: false,
    });
  });

  it('returns the specific error as a value', async () => {
    server.setBehaviour({ apiKey: 'sk-right' });
    const settings = AiSettingsSchema.parse({ mode: 'remote', baseURL: server.url, model: 'gpt-4o-mini' });
    const result = await testConnection({ settings, apiKey: 'sk-wrong' });
    server.setBehaviour({ apiKey: undefined });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });
});

describe('connection report', () => {
  const settings = { baseURL: 'http://localhost:11434/v1', model: 'llama3.2' };
  it('says the model is available when the server lists it', () => {
    expect(connectionReport(settings, { ok: true, models: ['llama3.2'], modelListed: true }, 12)).toEqual({
      ok: true,
      message: 'Connected to localhost:11434; model llama3.2 is available (12 ms).',
      models: ['llama3.2'],
      latencyMs: 12,
    });
  });
  it('names what the server has when the model is not listed, and passes an error through', () => {
    expect(connectionReport(settings, { ok: true, models: ['qwen'], modelListed: false }, 5).message).toBe(
      'Connected to localhost:11434, but it does not list the model “llama3.2”. Available: qwen.',
    );
    expect(connectionReport(settings, { ok: false, error: { kind: 'auth', message: 'Wrong key.' } }, 5)).toMatchObject({
      ok: false,
      message: 'Wrong key.',
      models: [],
    });
  });
});

describe('usage log', () => {
  it('logs one record per result and still answers when the log fails', async () => {
    const records: UsageRecord[] = [];
    const logged = withUsageLog(
      local,
      async (r) => records.push(r),
      () => 1000,
    );
    await logged.classify(request);
    expect(records).toMatchObject([{ provider: 'local', operation: 'classify', at: 1000, cached: false }]);
    const broken = withUsageLog(
      local,
      async () => Promise.reject(new Error('disk full')),
      () => 0,
    );
    expect((await broken.classify(request)).value.labels[0]?.label).toBe('b');
  });
});
