/** Usage accounting: calls, tokens, cache hit rate and estimated cost per provider. */
import type { AiOperation, AiResult } from './types';

export interface Price {
  /** USD per 1M input tokens */
  input: number;
  /** USD per 1M output tokens */
  output: number;
}

/**
 * EDITABLE ESTIMATES, USD per 1M tokens, from public list prices (standard tier, no batch or
 * cached-input discounts) as last checked; they change — the options page should let the user
 * override them. Models not listed (local servers, unknown deployments) count as unpriced.
 */
export const DEFAULT_PRICES: Record<string, Price> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** Providers that run on the user's machine cost nothing per token. */
export const FREE_PROVIDERS = ['local', 'ollama', 'lmstudio', 'vllm'] as const;

export interface UsageRecord {
  provider: string;
  model: string;
  operation: AiOperation;
  inputTokens?: number;
  outputTokens?: number;
  cached: boolean;
  fallback?: boolean;
  durationMs: number;
  /** ms since epoch */
  at: number;
}

/** The record to store for one result (the integrator appends it to the audit/usage table). */
export function usageRecord(result: AiResult<unknown>, at: number): UsageRecord {
  const { meta } = result;
  return {
    provider: meta.provider,
    model: meta.model,
    operation: meta.operation,
    inputTokens: meta.usage?.inputTokens,
    outputTokens: meta.usage?.outputTokens,
    cached: meta.cached === true,
    ...(meta.fallback ? { fallback: true } : {}),
    durationMs: meta.durationMs,
    at,
  };
}

/** The price of a model: exact id first, else the longest listed id it starts with ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini"). */
export function priceOf(model: string, prices: Record<string, Price> = DEFAULT_PRICES): Price | undefined {
  const exact = prices[model];
  if (exact) return exact;
  const prefix = Object.keys(prices)
    .filter((id) => model.startsWith(`${id}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : prices[prefix];
}

/** Estimated USD for one call; 0 for free providers, undefined when the model has no price. */
export function estimateCost(
  provider: string,
  model: string,
  usage: { inputTokens?: number; outputTokens?: number },
  prices: Record<string, Price> = DEFAULT_PRICES,
): number | undefined {
  if ((FREE_PROVIDERS as readonly string[]).includes(provider)) return 0;
  const price = priceOf(model, prices);
  if (!price) return undefined;
  return ((usage.inputTokens ?? 0) * price.input + (usage.outputTokens ?? 0) * price.output) / 1_000_000;
}

export interface UsageTotals {
  calls: number;
  cachedCalls: number;
  /** cachedCalls / calls, 0 when there were no calls. */
  cacheHitRate: number;
  fallbacks: number;
  /** Tokens actually spent (cache hits spend none). */
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
  /** Non-cached remote calls whose model has no price (their cost is not in costUsd). */
  unpricedCalls: number;
}

export interface UsageSummary extends UsageTotals {
  byProvider: Record<string, UsageTotals>;
}

function emptyTotals(): UsageTotals {
  return {
    calls: 0,
    cachedCalls: 0,
    cacheHitRate: 0,
    fallbacks: 0,
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    costUsd: 0,
    unpricedCalls: 0,
  };
}

function addRecord(t: UsageTotals, r: UsageRecord, prices: Record<string, Price>): void {
  t.calls += 1;
  if (r.fallback) t.fallbacks += 1;
  if (r.cached) {
    t.cachedCalls += 1;
  } else {
    t.inputTokens += r.inputTokens ?? 0;
    t.outputTokens += r.outputTokens ?? 0;
    const cost = estimateCost(r.provider, r.model, r, prices);
    if (cost === undefined) t.unpricedCalls += 1;
    else t.costUsd += cost;
  }
  t.totalTokens = t.inputTokens + t.outputTokens;
  t.cacheHitRate = t.cachedCalls / t.calls;
}

/** Sums usage records overall and per provider. */
export function aggregateUsage(records: UsageRecord[], prices: Record<string, Price> = DEFAULT_PRICES): UsageSummary {
  const total = emptyTotals();
  const byProvider: Record<string, UsageTotals> = {};
  for (const r of records) {
    addRecord(total, r, prices);
    byProvider[r.provider] ??= emptyTotals();
    addRecord(byProvider[r.provider] as UsageTotals, r, prices);
  }
  return { ...total, byProvider };
}
