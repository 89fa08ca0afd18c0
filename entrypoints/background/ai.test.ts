import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AiSettingsSchema } from '../../lib/ai/settings';
import { getProviderSettings, setApiKey } from '../../lib/db/secrets';
import { aiHandlers, aiStatus, loadAiSettings } from './ai';

const OPTIONS = { kind: 'page', path: '/options.html', tabId: null } as const;
const SAVED = AiSettingsSchema.parse({
  mode: 'remote',
  preset: 'custom',
  baseURL: 'https://llm.example.com/v1',
  model: 'm',
});
const KEY = 'sk-bound-to-llm-example';

/** Every request the openai client makes, with its Authorization header. */
let seen: Array<{ url: string; auth: string | null }>;
beforeEach(async () => {
  fakeBrowser.reset();
  seen = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push({ url: String(input), auth: headers.get('authorization') });
    return new Response(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model' }] }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  await aiHandlers['ai.saveProvider']?.({ settings: SAVED, apiKey: KEY }, OPTIONS);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API key is bound to the origin it was saved for', () => {
  it('is reported as saved for that origin and sent there by Test connection', async () => {
    expect(await aiStatus()).toMatchObject({ hasKey: true, keyOrigin: 'https://llm.example.com' });
    await aiHandlers['ai.testConnection']?.({ settings: { ...SAVED, baseURL: 'https://llm.example.com/v2' } }, OPTIONS);
    expect(seen).toEqual([{ url: 'https://llm.example.com/v2/models', auth: `Bearer ${KEY}` }]);
  });

  it('Test connection of an unsaved URL on another origin never carries the saved key', async () => {
    await aiHandlers['ai.testConnection']?.(
      { settings: { ...SAVED, baseURL: 'https://evil.example.net/v1' } },
      OPTIONS,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://evil.example.net/v1/models');
    expect(seen[0]?.auth ?? '').not.toContain(KEY);
  });

  it('Test connection uses the key typed in the form for an unsaved URL', async () => {
    await aiHandlers['ai.testConnection']?.(
      { settings: { ...SAVED, baseURL: 'https://other.example.org/v1' }, apiKey: 'sk-typed' },
      OPTIONS,
    );
    expect(seen[0]?.auth).toBe('Bearer sk-typed');
  });

  it('saving another base URL without a key keeps the old key away from it and asks for a key', async () => {
    const status = await aiHandlers['ai.saveProvider']?.(
      { settings: { ...SAVED, baseURL: 'https://evil.example.net/v1' } },
      OPTIONS,
    );
    expect(status).toMatchObject({ hasKey: false, keyOrigin: 'https://llm.example.com' });
    await aiHandlers['ai.testConnection']?.(
      { settings: { ...SAVED, baseURL: 'https://evil.example.net/v1' } },
      OPTIONS,
    );
    expect(seen[0]?.auth ?? '').not.toContain(KEY);
  });

  it('a same-host different port is another origin', async () => {
    await aiHandlers['ai.testConnection']?.(
      { settings: { ...SAVED, baseURL: 'https://llm.example.com:8443/v1' } },
      OPTIONS,
    );
    expect(seen[0]?.auth ?? '').not.toContain(KEY);
  });

  it('a key saved before keys were bound (no origin) is never sent', async () => {
    await setApiKey(KEY, 'https://llm.example.com');
    const { default: Dexie } = await import('dexie');
    const raw = new Dexie('counterpart-secrets');
    raw.version(1).stores({ secrets: 'name' });
    await raw.table('secrets').put({ name: 'apiKey', value: KEY });
    raw.close();
    expect(await aiStatus()).toMatchObject({ hasKey: false, keyOrigin: null });
    await aiHandlers['ai.testConnection']?.({ settings: SAVED }, OPTIONS);
    expect(seen[0]?.auth ?? '').not.toContain(KEY);
  });
});

describe('provider settings live in the background, out of content scripts’ reach', () => {
  it('are saved in the background database, not in storage.local', async () => {
    expect(await getProviderSettings()).toMatchObject({ baseURL: 'https://llm.example.com/v1' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a value written to storage.local (as a content script could) steers nothing', async () => {
    await fakeBrowser.storage.local.set({ 'settings.ai': { ...SAVED, baseURL: 'https://evil.example.net/v1' } });
    expect((await loadAiSettings()).baseURL).toBe('https://llm.example.com/v1');
  });

  it('only the options page may save them, and plain http only for local hosts', async () => {
    await expect(
      aiHandlers['ai.saveProvider']?.({ settings: SAVED }, { kind: 'page', path: '/popup.html', tabId: null }),
    ).rejects.toThrow(/Only the options page/);
    await expect(
      aiHandlers['ai.saveProvider']?.({ settings: { ...SAVED, baseURL: 'http://llm.example.com/v1' } }, OPTIONS),
    ).rejects.toThrow(/must use https/);
    await expect(
      aiHandlers['ai.saveProvider']?.({ settings: { ...SAVED, baseURL: 'http://127.0.0.1:11434/v1' } }, OPTIONS),
    ).resolves.toMatchObject({ settings: { baseURL: 'http://127.0.0.1:11434/v1' } });
  });
  it('settings an older version kept in storage.local move once, to the local engine, for review', async () => {
    const { default: Dexie } = await import('dexie');
    const raw = new Dexie('counterpart-secrets');
    raw.version(1).stores({ secrets: 'name' });
    await raw.table('secrets').delete('provider');
    raw.close();
    await fakeBrowser.storage.local.set({ 'settings.ai': { ...SAVED, baseURL: 'https://old.example.com/v1' } });
    const moved = await loadAiSettings();
    expect(moved).toMatchObject({ mode: 'local', baseURL: 'https://old.example.com/v1' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // Written there later (as a content script could), it is never read again.
    await fakeBrowser.storage.local.set({ 'settings.ai': { ...SAVED, baseURL: 'https://evil.example.net/v1' } });
    expect((await loadAiSettings()).baseURL).toBe('https://old.example.com/v1');
  });
});
