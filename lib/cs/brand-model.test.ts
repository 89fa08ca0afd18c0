import { describe, expect, it } from 'vitest';
import { type BrandExample, brandView, evaluateIntents, isHeldOut, trainBrandIntentModel } from './brand-model';
import { classifyText } from './classify';

/**
 * A confusable pair: this brand tags every "where is it, it was due on …" message as a late
 * delivery, where the shipped engine reads "where is my order" as an order-status question.
 * Sentences are paraphrases of the kind customers write (not from any reserved set).
 */
const asks = [
  'Where is my order?',
  'Hi, where is my parcel?',
  'Any news on my order?',
  'Can you tell me where my package is?',
  'Has my order shipped?',
  'What is happening with my order?',
  'Could you check on my order please?',
  'I am still waiting for my order.',
  'Can you look into my order?',
  'Where is my stuff?',
];
const dues = [
  'It was supposed to arrive on Friday.',
  'The site said it would be here by Tuesday.',
  'It should have come three days ago.',
  'You promised delivery last week.',
  'The estimated date was Monday and nothing yet.',
  'Delivery was due on the 12th.',
  'It was meant to be here before the weekend.',
  'Your email said it would arrive yesterday.',
  'The confirmation said two to three days, it has been eight.',
  'It was expected on Wednesday.',
];
const pairTexts = asks.flatMap((a, i) => dues.map((d, j) => ({ text: `${a} ${d}`, i, j })));
// 50 corrections from one half of the combinations, held-out brand data from the other half.
const corrections = pairTexts.filter((t) => (t.i + t.j) % 2 === 0).slice(0, 50);
const heldOut = pairTexts.filter((t) => (t.i + t.j) % 2 === 1);

describe('per-brand model', () => {
  it('50 corrections of one confusable pair raise accuracy on held-out brand data of that pair', () => {
    const examples: BrandExample[] = corrections.map((c) => ({
      kind: 'intent',
      text: c.text,
      label: 'delivery_late',
      source: 'correction',
    }));
    // The same brand also tags plain status questions (no due date) as order status.
    const statusOnly = asks.map((a) => ({
      kind: 'intent' as const,
      text: a,
      label: 'order_status',
      source: 'import' as const,
    }));
    const all = [...examples, ...statusOnly];
    const json = trainBrandIntentModel(all);
    const view = brandView(json, all.length);
    const right = (brand: typeof view) =>
      heldOut.filter((t) => classifyText(t.text, { brand }).intent === 'delivery_late').length / heldOut.length;
    const before = right(undefined);
    const after = right(view);
    console.info(`brand pair: before ${before.toFixed(2)} after ${after.toFixed(2)} on ${heldOut.length} held-out`);
    expect(corrections).toHaveLength(50);
    expect(before).toBeLessThan(0.6);
    expect(after).toBeGreaterThan(before + 0.25);
    // Plain status questions of the same brand stay order status.
    expect(classifyText('Hi, where is my parcel? Just checking.', { brand: view }).intent).toBe('order_status');
  });

  it('leaves intents the brand never labelled to the shipped engine', () => {
    const json = trainBrandIntentModel(
      corrections.map((c) => ({ kind: 'intent', text: c.text, label: 'delivery_late', source: 'correction' })),
    );
    const view = brandView(json, 50);
    expect(classifyText('I was charged twice for one order, please fix it', { brand: view }).intent).toBe('billing');
    expect(classifyText('Can I get a refund for the jacket I sent back?', { brand: view }).intent).toBe(
      'refund_status',
    );
  });

  it('measures before and after on the held-out fifth of the brand data, and counts corrections', () => {
    const examples: BrandExample[] = pairTexts.map((t) => ({
      kind: 'intent',
      text: t.text,
      label: 'delivery_late',
      source: t.i % 2 ? 'import' : 'correction',
    }));
    const r = evaluateIntents(examples);
    expect(r.heldOut).toBe(examples.filter((e) => isHeldOut(e.text)).length);
    expect(r.heldOut).toBeGreaterThan(5);
    expect(r.corrections).toBe(50);
    expect(r.rows[0]?.label).toBe('delivery_late');
    expect(r.overall.after).toBeGreaterThan(r.overall.before);
  });
});
