// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../ai/local/engine';
import type { BrandExample } from '../cs/brand-model';
import { extract } from '../sites/loop/extract';
import { loadLoopFixture } from '../sites/loop/fixture-loader';
import { loopReturnDataSchema } from '../sites/loop/schema';
import { toPageReturn } from '../sites/loop/to-return-case';
import { brandReasonModel, withBrandReason } from './brand-reasons';
import { classifyReturn } from './classify';
import { DEFAULT_RETURNS_CONFIG } from './config';
import { returnsLocalTasks } from './local-tasks';
import { type AnalyseDeps, analyseLoopReturn, localStoredLines, returnWords } from './service';

const NOW = new Date('2026-11-20T12:00:00Z');
let open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});

function pageOf(id: number) {
  const url = `https://admin.loopreturns.com/returns/${id}`;
  const w = loadLoopFixture(url);
  open.push(w);
  return toPageReturn(loopReturnDataSchema.parse(extract(w.document as unknown as Document, new URL(url), NOW).data));
}

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

/** A brand whose customers say "the drop is off" for too long and "boxy" for not liking the style: words the shipped cues do not know. */
function brandExamples(): BrandExample[] {
  const rows: BrandExample[] = [];
  const long = ['the drop is off', 'drop is way off on me', 'the hem drop is off', 'drop was off for my height'];
  const boxy = ['cut is boxy', 'very boxy cut', 'it is boxy on me', 'boxy and shapeless'];
  for (let i = 0; i < 12; i++) {
    rows.push({ kind: 'reason', text: `${long[i % 4]} ${i}`, label: 'too_large', source: 'loop' });
    rows.push({ kind: 'reason', text: `${boxy[i % 4]} (${i})`, label: 'changed_mind', source: 'loop' });
  }
  return rows;
}

describe('a return in doubt goes to a person (issue 15 item 3)', () => {
  it('48213584 ("runs small and the seam ripped") is human review until the reason is picked', async () => {
    const page = pageOf(48213584);
    const a = await analyseLoopReturn(page, deps());
    expect([...(a.classification.doubt?.candidates ?? [])].sort()).toEqual(['defective', 'too_small']);
    expect(a.decision.decision).toBe('human_review');
    expect(a.decision.rule).toBe('human_review.reason_unsure');
    // The stored lines say the same: a guessed reason is never an automatic outcome.
    expect(localStoredLines(page, { ...deps(), brand: '' })[0]?.decision).toBe('human_review');
  });

  it("the returns lead's pick is learnt: the same return is then decided on the picked reason", async () => {
    const page = pageOf(48213584);
    const picks: BrandExample[] = [
      { kind: 'reason', text: returnWords(page), label: 'defective', source: 'correction' },
    ];
    const a = await analyseLoopReturn(page, deps({ brandReason: brandReasonModel(picks, { picks: true }) }));
    expect(a.classification.reason).toBe('defective');
    expect(a.classification.doubt).toBeNull();
    expect(a.classification.learned).toEqual({ was: 'too_small', by: 'pick' });
    expect(a.decision.humanReview).not.toContain('human_review.reason_unsure');
  });

  it('a clear comment is not sent to a person for its reason', async () => {
    const a = await analyseLoopReturn(pageOf(48213583), deps());
    expect(a.classification.doubt).toBeNull();
    expect(a.decision.humanReview).not.toContain('human_review.reason_unsure');
  });
});

describe("the brand's reason model in live returns (issue 15 item 2)", () => {
  it('changes the reason of a comment the shipped cues cannot read, and says so', () => {
    const comment = 'the drop is off for me';
    const shipped = classifyReturn({ comment, selectedReason: 'Other' });
    expect(shipped.reason).not.toBe('too_large');
    const brand = brandReasonModel(brandExamples());
    const cls = withBrandReason(shipped, comment, brand);
    expect(cls.reason).toBe('too_large');
    expect(cls.learned).toEqual({ was: shipped.reason, by: 'model' });
  });

  it('leaves a clear comment to the shipped cues', () => {
    const comment = 'The zipper broke the first day';
    const shipped = classifyReturn({ comment, selectedReason: null });
    expect(shipped.doubt).toBeNull();
    expect(withBrandReason(shipped, comment, brandReasonModel(brandExamples()))).toBe(shipped);
  });

  it('without brand data the shipped classification is unchanged', () => {
    const comment = 'the drop is off for me';
    const shipped = classifyReturn({ comment, selectedReason: 'Other' });
    expect(brandReasonModel([])).toBeNull();
    expect(withBrandReason(shipped, comment, null)).toBe(shipped);
  });
});
