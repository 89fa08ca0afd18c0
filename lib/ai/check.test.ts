import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addUsage, askChecked, parseJsonAgainst } from './check';

const schema = z.object({ label: z.enum(['refund', 'other']), confidence: z.number().min(0).max(1) });

describe('parseJsonAgainst', () => {
  it('accepts JSON inside a ```json fence', () => {
    expect(parseJsonAgainst(schema, '```json\n{"label":"refund","confidence":0.8}\n```')).toEqual({
      ok: true,
      value: { label: 'refund', confidence: 0.8 },
    });
  });

  it('names the failing path when the JSON breaks the schema', () => {
    const result = parseJsonAgainst(schema, '{"label":"billing","confidence":2}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The JSON does not match the schema: label: .*; confidence: .*\.$/);
  });

  it('reports text that is not JSON', () => {
    expect(parseJsonAgainst(schema, 'Sure! The label is refund.')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not valid JSON'),
    });
  });
});

describe('askChecked', () => {
  it('makes exactly one repair round and sums its tokens', async () => {
    const seen: string[] = [];
    const out = await askChecked({
      schema,
      ask: async () => ({
        content: '{"label":"refund"}',
        usage: { inputTokens: 100, outputTokens: 5, totalTokens: 105 },
      }),
      repair: async (_bad, error) => {
        seen.push(error);
        return {
          content: '{"label":"refund","confidence":0.7}',
          usage: { inputTokens: 120, outputTokens: 9, totalTokens: 129 },
        };
      },
    });
    expect(out).toEqual({
      value: { label: 'refund', confidence: 0.7 },
      usage: { inputTokens: 220, outputTokens: 14, totalTokens: 234 },
      repaired: true,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('confidence');
  });

  it('throws output_invalid when the repaired answer still fails', async () => {
    let repairs = 0;
    const attempt = askChecked({
      schema,
      ask: async () => ({ content: 'nope' }),
      repair: async () => {
        repairs += 1;
        return { content: 'still nope' };
      },
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'output_invalid' });
    expect(repairs).toBe(1);
  });

  it('keeps unknown token counts unknown', () => {
    expect(addUsage({ inputTokens: 3 }, { outputTokens: 4 })).toEqual({
      inputTokens: 3,
      outputTokens: 4,
      totalTokens: undefined,
    });
  });
});
