// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../ai/local/engine';
import type { AiProvider, AiResult, ExtractRequest } from '../ai/types';
import { extract } from '../sites/loop/extract';
import { loadLoopFixture } from '../sites/loop/fixture-loader';
import { type LoopReturnData, loopReturnDataSchema } from '../sites/loop/schema';
import { toPageReturn } from '../sites/loop/to-return-case';
import { DEFAULT_RETURNS_CONFIG } from './config';
import { localReturnReason, RETURNS_TASKS, returnsLocalTasks } from './local-tasks';
import type { ModelReasons } from './model-reasons';
import { analysisPanel } from './presentation';
import {
  type AnalyseDeps,
  analyseLoopReturn,
  customerHistory,
  localStoredLines,
  pageReturnHistory,
  storedLines,
} from './service';

const NOW = new Date('2026-11-20T12:00:00Z');
let open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});

function dataOf(id: number): LoopReturnData {
  const url = `https://admin.loopreturns.com/returns/${id}`;
  const w = loadLoopFixture(url);
  open.push(w);
  return loopReturnDataSchema.parse(extract(w.document as unknown as Document, new URL(url), NOW).data);
}

const pageOf = (id: number) => toPageReturn(dataOf(id));

const local = () => {
  const engine = createLocalEngine();
  engine.register(returnsLocalTasks);
  return engine;
};

const deps = (over: Partial<AnalyseDeps> = {}): AnalyseDeps => ({
  classifier: local(),
  drafter: local(),
  config: DEFAULT_RETURNS_CONFIG,
  brand: { name: 'Northwind Goods', voice: 'Warm' },
  vision: false,
  history: null,
  now: NOW,
  ...over,
});

/** A stand-in for the configured model: answers `returns.reason` with a fixed value. */
function fakeModel(answer: ModelReasons, seen: ExtractRequest<unknown>[] = []): AiProvider {
  const engine = local();
  const meta = { provider: 'openai', model: 'gpt-4o-mini', operation: 'extract' as const, durationMs: 5 };
  return {
    id: 'openai',
    model: 'gpt-4o-mini',
    classify: engine.classify,
    draft: engine.draft,
    async extract<T>(request: ExtractRequest<T>): Promise<AiResult<T>> {
      seen.push(request as ExtractRequest<unknown>);
      return { value: request.schema.parse(answer), meta, sources: request.sources };
    },
  };
}

describe('returns local tasks', () => {
  it('answers returns.reason in the model schema with verbatim quotes', () => {
    const out = localReturnReason({
      task: RETURNS_TASKS.reason,
      text: 'Love the colour but the seam ripped on first wear.',
      sources: [{ id: 'dropdown', label: 'Reason', text: 'Changed my mind' }],
      schema: undefined as never,
      schemaName: 'return_reason',
    });
    expect(out.reasons[0]?.id).toBe('defective');
    expect(out.reasons[0]?.evidence.join(' ')).toMatch(/seam|ripped/);
    expect(out.photo_findings).toEqual([]);
  });
});

describe('analyseLoopReturn on the Loop fixtures (local engine)', () => {
  it('finds the defect behind “changed my mind”, refunds by the requested rule and drafts from the template', async () => {
    const a = await analyseLoopReturn(pageOf(48213578), deps());
    expect(a.classification).toMatchObject({ reason: 'defective', mismatch: true });
    expect(a.decision).toMatchObject({ decision: 'refund', rule: 'requested.refund', disposition: 'inspection' });
    expect(a.provider.classify.provider).toBe('local');
    expect(a.reply.draft).toMatch(/Everyday Chino/);
    expect(a.flagged).toEqual([]);
  });

  it('sends the $480 jacket to a person and denies the final-sale shirt', async () => {
    expect((await analyseLoopReturn(pageOf(48213580), deps())).decision.rule).toBe('human_review.high_value');
    expect((await analyseLoopReturn(pageOf(48213581), deps())).decision).toMatchObject({
      decision: 'deny',
      rule: 'final_sale',
      warehouse: null,
    });
  });

  it('counts a serial returner from what Counterpart has seen', async () => {
    const a = await analyseLoopReturn(pageOf(48213577), deps({ history: { orders: 6, returns: 5 } }));
    expect(a.decision.humanReview).toContain('human_review.serial_returner');
  });
});

describe('analyseLoopReturn with a configured model', () => {
  it('uses the model reason only with quotes found in the comment, and sends the photos', async () => {
    const seen: ExtractRequest<unknown>[] = [];
    const model = fakeModel(
      {
        reasons: [{ id: 'damaged_in_transit', confidence: 0.9, evidence: ['box was crushed'] }],
        photo_findings: ['no_issue_visible', 'no_issue_visible'],
      },
      seen,
    );
    const a = await analyseLoopReturn(pageOf(48213579), deps({ classifier: model, vision: true }));
    expect(seen[0]?.images).toHaveLength(2);
    expect(a.classification.reason).toBe('damaged_in_transit');
    expect(a.provider.classify).toMatchObject({ provider: 'openai', fallback: false });
    // Photos showing nothing wrong against a damage claim: a person decides.
    expect(a.decision.rule).toBe('human_review.photo_text_mismatch');
  });

  it('keeps the local reason when the model quotes words the customer never wrote', async () => {
    const model = fakeModel({
      reasons: [{ id: 'too_small', confidence: 0.99, evidence: ['way too tight'] }],
      photo_findings: [],
    });
    const a = await analyseLoopReturn(pageOf(48213578), deps({ classifier: model }));
    expect(a.classification.reason).toBe('defective');
  });
});

describe('stored lines', () => {
  it('one line per item with the importer’s id, and a customer history that counts distinct returns', async () => {
    const data = dataOf(48213577);
    const a = await analyseLoopReturn(toPageReturn(data), deps());
    const lines = storedLines(toPageReturn(data), a, NOW);
    expect(lines.map((l) => l.id)).toEqual(data.items.map((i) => `48213577:${i.sku}`));
    const email = data.customer.email;
    const h = customerHistory(
      [
        { returnId: '1', orderNumber: '#1', customerEmail: email?.toUpperCase() },
        { returnId: '1', orderNumber: '#1', customerEmail: email },
        { returnId: '2', orderNumber: '#2', customerEmail: 'someone@else.com' },
      ],
      email,
      { returnId: '48213577', orderNumber: '#1047' },
    );
    expect(h).toEqual({ orders: 2, returns: 2 });
  });
});

describe('the lines the snapshot hook stores', () => {
  const hookDeps = { config: DEFAULT_RETURNS_CONFIG, history: null, now: NOW, brand: 'Northwind Goods' };

  it('are the lines of the local analysis', async () => {
    const page = pageOf(48213577);
    const a = await analyseLoopReturn(page, deps({ history: null }));
    expect(localStoredLines(page, hookDeps)).toEqual(storedLines(page, a, NOW));
  });

  it('keep the local reason and decision even when a model would read the return differently', async () => {
    const page = pageOf(48213579);
    const model = fakeModel({
      reasons: [{ id: 'damaged_in_transit', confidence: 0.9, evidence: ['box was crushed'] }],
      photo_findings: ['no_issue_visible', 'no_issue_visible'],
    });
    const withModel = await analyseLoopReturn(page, deps({ classifier: model, vision: true, history: null }));
    const stored = localStoredLines(page, hookDeps);
    const local = await analyseLoopReturn(page, deps({ history: null }));
    expect(withModel.decision.rule).toBe('human_review.photo_text_mismatch');
    expect(local.decision.rule).not.toBe(withModel.decision.rule);
    expect(stored.map((l) => l.rule)).toEqual(stored.map(() => local.decision.rule));
    expect(stored.map((l) => l.reason)).toEqual(stored.map(() => local.classification.reason));
  });
});

describe('what the panel gets', () => {
  it('counts the customer’s other stored returns, not the lines of the return on screen', () => {
    const page = pageOf(48213578);
    const mine = { returnId: '48213578', orderNumber: '#1052', customerEmail: 'marcus.bell@example.com' };
    const earlier = { returnId: '47000001', orderNumber: '#0999', customerEmail: 'Marcus.Bell@example.com' };
    expect(pageReturnHistory([mine, mine, earlier], page)).toEqual({ orders: 2, returns: 2 });
    expect(pageReturnHistory([mine], page)).toEqual({ orders: 1, returns: 1 });
  });

  it('states the decision in words and lists the stored lines', async () => {
    const page = pageOf(48213578);
    const a = await analyseLoopReturn(page, deps());
    const view = analysisPanel(page, a, DEFAULT_RETURNS_CONFIG, null, ['48213578:CHN-EVD-KHK-3232']);
    expect(view).toMatchObject({
      returnId: '48213578',
      comment: 'the seam ripped on first wear',
      selectedReason: 'Changed my mind',
      photos: 0,
      photosChecked: false,
      classification: { reason: 'defective', mismatch: true },
      decision: {
        decision: 'refund',
        rule: 'requested.refund',
        ruleName: 'Refund, as the customer asked',
        currency: 'USD',
      },
      history: null,
      stored: ['48213578:CHN-EVD-KHK-3232'],
    });
    expect(view.decision.flags.find((f) => f.id === 'mismatch')?.text).toBe(
      'The comment gives a different reason than the one the customer picked.',
    );
  });
});
