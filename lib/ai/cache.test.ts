import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cacheKey, canonicalJson, endpointKey, memoryCache, withCache } from './cache';
import { createLocalEngine } from './local/engine';

describe('cacheKey', () => {
  const input = {
    provider: 'openai',
    model: 'gpt-4o-mini',
    operation: 'classify',
    prompt: { text: 'hi', labels: ['a'] },
    sources: ['s'],
    schemaName: 'x',
  };

  it('is the SHA-256 hex of the canonical JSON', async () => {
    const key = await cacheKey({ provider: 'p', model: 'm', operation: 'o', prompt: 'p', sources: [] });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256')
      .update('{"model":"m","operation":"o","prompt":"p","provider":"p","schemaName":null,"sources":[]}')
      .digest('hex');
    expect(key).toBe(expected);
  });

  it('ignores key order and changes with any input', async () => {
    const same = await cacheKey({ ...input, prompt: { labels: ['a'], text: 'hi' } });
    expect(same).toBe(await cacheKey(input));
    expect(await cacheKey({ ...input, model: 'gpt-4o' })).not.toBe(same);
    expect(await cacheKey({ ...input, sources: ['t'] })).not.toBe(same);
    expect(await cacheKey({ ...input, schemaName: 'y' })).not.toBe(same);
    expect(await cacheKey({ ...input, endpoint: 'http://127.0.0.1:11434/v1' })).not.toBe(same);
    expect(await cacheKey({ ...input, endpoint: 'http://127.0.0.1:11434/v1' })).not.toBe(
      await cacheKey({ ...input, endpoint: 'http://127.0.0.1:1234/v1' }),
    );
  });

  it('names an endpoint by origin and path, whatever its trailing slash', () => {
    expect(endpointKey('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1');
    expect(endpointKey('https://API.openai.com/v1')).toBe('https://api.openai.com/v1');
    expect(endpointKey('https://gw.example/a/v1')).not.toBe(endpointKey('https://gw.example/b/v1'));
  });

  it('writes canonical JSON with sorted keys and without undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});

describe('withCache', () => {
  function engine() {
    let calls = 0;
    const local = createLocalEngine({
      classify: {
        t: () => {
          calls += 1;
          return { labels: [{ label: 'a', confidence: 0.7 }] };
        },
      },
      extract: { t: () => ({ n: 1 }) },
    });
    return { local, calls: () => calls };
  }
  const request = { task: 't', text: 'hello', labels: ['a', 'b'], sources: [] };

  it('answers a repeated call from the cache and marks it cached', async () => {
    const { local, calls } = engine();
    const cache = memoryCache();
    const provider = withCache(local, cache);
    const first = await provider.classify(request);
    const second = await provider.classify(request);
    expect(calls()).toBe(1);
    expect(first.meta.cached).toBeUndefined();
    expect(second.meta.cached).toBe(true);
    expect(second.value).toEqual(first.value);
  });

  it('misses after the time to live', async () => {
    const { local, calls } = engine();
    let now = 0;
    const provider = withCache(local, memoryCache(), { ttlMs: 1000, now: () => now });
    await provider.classify(request);
    now = 1001;
    await provider.classify(request);
    expect(calls()).toBe(2);
  });

  it('treats a cached extraction that no longer fits the schema as a miss', async () => {
    const { local } = engine();
    const cache = memoryCache();
    const provider = withCache(local, cache);
    await provider.extract({ task: 't', text: 'x', schema: z.object({ n: z.number() }), schemaName: 'N', sources: [] });
    const stricter = await provider
      .extract({ task: 't', text: 'x', schema: z.object({ n: z.number().min(5) }), schemaName: 'N', sources: [] })
      .catch((e: unknown) => e);
    expect(stricter).toMatchObject({ kind: 'output_invalid' });
  });
});
