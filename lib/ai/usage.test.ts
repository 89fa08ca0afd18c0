import { describe, expect, it } from 'vitest';
import { aggregateUsage, estimateCost, priceOf, type UsageRecord, usageRecord } from './usage';

const rec = (r: Partial<UsageRecord>): UsageRecord => ({
  provider: 'openai',
  model: 'gpt-4o-mini',
  operation: 'classify',
  cached: false,
  durationMs: 100,
  at: 0,
  ...r,
});

describe('usage accounting', () => {
  it('prices gpt-4o-mini at $0.15 in / $0.60 out per 1M tokens', () => {
    // 2000·0.15/1e6 + 500·0.6/1e6 = 0.0003 + 0.0003
    expect(estimateCost('openai', 'gpt-4o-mini', { inputTokens: 2000, outputTokens: 500 })).toBeCloseTo(0.0006, 10);
  });

  it('finds a dated model by its listed prefix and leaves unknown models unpriced', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6 });
    expect(priceOf('gpt-4o-2024-08-06')).toEqual({ input: 2.5, output: 10 });
    expect(estimateCost('openai', 'my-deployment', { inputTokens: 10 })).toBeUndefined();
    expect(estimateCost('ollama', 'llama3.2', { inputTokens: 10_000 })).toBe(0);
  });

  it('aggregates calls, spent tokens, cache hit rate and cost per provider', () => {
    const summary = aggregateUsage([
      rec({ inputTokens: 1_000_000, outputTokens: 100_000 }),
      rec({ inputTokens: 1_000_000, outputTokens: 100_000, cached: true }),
      rec({ provider: 'local', model: 'rules-v1', fallback: true }),
      rec({ model: 'unknown-model', inputTokens: 10, outputTokens: 10 }),
    ]);
    expect(summary.calls).toBe(4);
    expect(summary.cachedCalls).toBe(1);
    expect(summary.cacheHitRate).toBe(0.25);
    expect(summary.fallbacks).toBe(1);
    expect(summary.inputTokens).toBe(1_000_010);
    expect(summary.totalTokens).toBe(1_100_020);
    // 1M·0.15 + 0.1M·0.6 = 0.15 + 0.06
    expect(summary.costUsd).toBeCloseTo(0.21, 10);
    expect(summary.unpricedCalls).toBe(1);
    expect(summary.byProvider.openai?.calls).toBe(3);
    expect(summary.byProvider.openai?.cacheHitRate).toBeCloseTo(1 / 3, 10);
    expect(summary.byProvider.local).toMatchObject({ calls: 1, costUsd: 0, fallbacks: 1 });
  });

  it('turns a result into a record', () => {
    const record = usageRecord(
      {
        value: null,
        sources: [],
        meta: {
          provider: 'openai',
          model: 'm',
          operation: 'draft',
          durationMs: 12,
          usage: { inputTokens: 3, outputTokens: 4 },
          cached: true,
        },
      },
      99,
    );
    expect(record).toEqual({
      provider: 'openai',
      model: 'm',
      operation: 'draft',
      inputTokens: 3,
      outputTokens: 4,
      cached: true,
      durationMs: 12,
      at: 99,
    });
  });
});
