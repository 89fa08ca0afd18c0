import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURNS_CONFIG } from '../../returns/config';
import { analyseLoopReturn, localReturnsEngine } from '../../returns/service';
import { decidePasted, returnFromPaste } from './paste';

const NOW = new Date('2026-11-20T12:00:00Z');

async function analyse(text: string) {
  const pasted = returnFromPaste(text, '48213577');
  const engine = localReturnsEngine();
  const deps = {
    classifier: engine,
    drafter: engine,
    config: DEFAULT_RETURNS_CONFIG,
    brand: { name: 'Northwind', voice: 'warm' },
    vision: false,
    history: null,
    now: NOW,
  };
  const a = await analyseLoopReturn(pasted.page, deps);
  return { pasted, a: decidePasted(a, pasted, DEFAULT_RETURNS_CONFIG, 'Northwind') };
}

// What a person copies from a Loop return page: labels and values on one line, or a label on its own line.
const FULL = `Return #48213577
Order: #10482
Item: Classic Tee
SKU: TEE-CL-BLK-M
Price: $68.00
Delivered
Nov 3, 2026
Return created: 2026-11-10
Reason: Too small
Comment: It runs small, I need a size up.
Email: dana@example.com`;

describe('Loop paste: a return read from pasted text', () => {
  it('reads every labelled fact, and the rules decide on their own when nothing the decision needs is missing', async () => {
    const { pasted, a } = await analyse(FULL);
    expect(pasted.page.case).toMatchObject({
      items: [{ sku: 'TEE-CL-BLK-M', title: 'Classic Tee', price: 68 }],
      selected_reason: 'Too small',
      comment: 'It runs small, I need a size up.',
      order: { number: '#10482', delivered_at: '2026-11-03' },
      customer: { email: 'dana@example.com' },
      created_at: '2026-11-10',
    });
    expect(pasted.lacks).toEqual([]);
    expect(a.classification.reason).toBe('too_small');
    expect(a.decision.decision).not.toBe('human_review');
    expect(a.decision.window.days).toBe(7);
    expect(a.reply.draft).toMatch(/#10482/);
  });

  it('without a price or a date a person decides, and the reply says so without quoting a policy', async () => {
    const { pasted, a } = await analyse('Hi, the zipper broke after two days. I want my money back.');
    expect(pasted.blocking).toEqual(['the item’s price', 'the order or delivery date']);
    expect(pasted.lacks).toContain('the order number');
    expect(a.decision).toMatchObject({ decision: 'human_review', rule: 'human_review.incomplete_paste' });
    expect(a.decision.humanReview[0]).toBe('human_review.incomplete_paste');
    expect(a.decision.ruleText).toMatch(/pasted text/);
    expect(a.classification.reason).toBe('defective');
    expect(a.reply.draft).toMatch(/review|look/i);
    expect(a.reply.draft).not.toMatch(/refunded to the original payment method/);
  });

  it('reads German labels and a decimal comma; text under no label is the comment', async () => {
    const { pasted } = await analyse(
      'Bestellnummer: #20931\nPreis: 27,90 €\nZugestellt am: 04.11.2026\nDie Jacke ist zu groß, bitte umtauschen.',
    );
    expect(pasted.page.case.items[0]?.price).toBe(27.9);
    expect(pasted.page.case.order).toMatchObject({ number: '#20931', delivered_at: '2026-11-04' });
    expect(pasted.page.case.comment).toBe('Die Jacke ist zu groß, bitte umtauschen.');
    expect(pasted.blocking).toEqual([]);
  });
});
