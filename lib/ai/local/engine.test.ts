import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLocalEngine, normaliseLabels } from './engine';

describe('local engine', () => {
  it('dispatches classify to the registered task and keeps only allowed labels, highest first', async () => {
    const engine = createLocalEngine({
      classify: {
        'cs.intent': () => ({
          labels: [
            { label: 'shipping', confidence: 0.3 },
            { label: 'made-up', confidence: 0.9 },
            { label: 'refund', confidence: 1.4 },
          ],
        }),
      },
    });
    const result = await engine.classify({ task: 'cs.intent', text: 'x', labels: ['refund', 'shipping'], sources: [] });
    expect(result.value.labels).toEqual([
      { label: 'refund', confidence: 1 },
      { label: 'shipping', confidence: 0.3 },
    ]);
    expect(result.meta).toMatchObject({ provider: 'local', model: 'rules-v1', operation: 'classify' });
  });

  it('says which task has no local function', async () => {
    await expect(
      createLocalEngine().classify({ task: 'returns.reason', text: '', labels: ['a'], sources: [] }),
    ).rejects.toMatchObject({
      kind: 'no_local_engine',
      message: 'No local classify function is registered for task "returns.reason".',
    });
  });

  it('holds local extractors to the schema too', async () => {
    const engine = createLocalEngine({ extract: { good: () => ({ n: 2 }), bad: () => ({ n: 'two' }) } });
    const schema = z.object({ n: z.number() });
    expect((await engine.extract({ task: 'good', text: '', schema, schemaName: 'N', sources: [] })).value).toEqual({
      n: 2,
    });
    await expect(engine.extract({ task: 'bad', text: '', schema, schemaName: 'N', sources: [] })).rejects.toMatchObject(
      { kind: 'output_invalid' },
    );
  });

  it('emits a local draft as one delta and fact-checks it against the sources', async () => {
    const engine = createLocalEngine();
    engine.register({
      draft: { 'cs.reply': (r) => `Order #1047 ships ${r.sources.length > 0 ? 'Nov 3' : 'soon'}; refund $5.00.` },
    });
    const deltas: string[] = [];
    const result = await engine.draft({
      task: 'cs.reply',
      instructions: '',
      sources: [{ id: 'order', label: 'Order', text: '#1047 ships 2026-11-03' }],
      onDelta: (d) => deltas.push(d),
    });
    expect(deltas).toEqual(['Order #1047 ships Nov 3; refund $5.00.']);
    expect(result.value.facts.flagged).toEqual([{ start: 32, end: 37, text: '$5.00', kind: 'amount' }]);
  });

  it('breaks confidence ties by label name', () => {
    expect(
      normaliseLabels(
        {
          labels: [
            { label: 'b', confidence: 0.5 },
            { label: 'a', confidence: 0.5 },
          ],
        },
        ['a', 'b'],
      ).labels.map((l) => l.label),
    ).toEqual(['a', 'b']);
  });
});
