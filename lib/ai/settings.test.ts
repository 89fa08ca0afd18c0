import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiTestServer, startOpenAiTestServer } from '../../e2e/support/openai-test-server';
import { memoryCache } from './cache';
import { createLocalEngine } from './local/engine';
import { AiSettingsSchema, createAiProvider, DEFAULT_AI_SETTINGS, hostPermissionFor, testConnection } from './settings';

let server: OpenAiTestServer;
beforeAll(async () => {
  server = await startOpenAiTestServer();
});
afterAll(() => server.close());

const local = createLocalEngine({ classify: { t: () => ({ labels: [{ label: 'b', confidence: 0.6 }] }) } });
const request = { task: 't', text: 'hello', labels: ['a', 'b'], sources: [] };

describe('AI settings', () => {
  it('default to the local engine with every redaction on', () => {
    expect(DEFAULT_AI_SETTINGS).toMatchObject({
      version: 1,
      mode: 'local',
      redaction: { email: true, phone: true, address: true, card: true },
      cache: true,
    });
  });

  it('derive the host permission pattern without the port', () => {
    expect(hostPermissionFor('http://localhost:11434/v1')).toBe('http://localhost/*');
    expect(hostPermissionFor('https://my-res.openai.azure.com/openai/v1/')).toBe('https://my-res.openai.azure.com/*');
  });

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
