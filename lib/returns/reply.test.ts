import { describe, expect, it } from 'vitest';
import { analyseReturn } from './analyse';

const base = {
  items: [{ sku: 'TEE', title: 'Classic Tee', price: 45, quantity: 1 }],
  selected_reason: 'Changed my mind',
  comment: 'not for me',
  order: { number: '#1047', delivered_at: '2026-11-10T00:00:00Z', country: 'US' },
  customer: { name: 'Dana Whitfield', country: 'US' },
};
const now = new Date('2026-11-20T00:00:00Z');

describe('draftReturnReply', () => {
  it('quotes the deciding rule and cites the order number and amount it uses', () => {
    const { reply, decision } = analyseReturn(base, { now, brand: 'Northwind' });
    expect(decision.rule).toBe('default.refund');
    expect(reply.draft).toContain('Hi Dana,');
    expect(reply.draft).toContain('(order #1047)');
    expect(reply.draft).toContain('$45.00');
    expect(reply.draft).toContain('Northwind Customer Care');
    expect(reply.citations[0]).toMatchObject({ kind: 'policy', ref: 'default.refund' });
    expect(reply.citations.map((c) => c.text)).toContain('#1047');
  });

  it('tells a human-review customer a person will look, without naming the internal rule', () => {
    const { reply } = analyseReturn({ ...base, items: [{ title: 'Wool coat', price: 480, quantity: 1 }] }, { now });
    expect(reply.draft).toContain('reviewing your return personally');
    expect(reply.draft).not.toContain('300');
    expect(reply.citations[0]?.ref).toBe('human_review.high_value');
  });

  it('tells a late customer when they asked, measured from delivery, and cites that date', () => {
    const late = {
      ...base,
      created_at: '2026-11-02T15:00:00Z',
      order: { number: '#1', delivered_at: '2026-09-20T00:00:00Z' },
    };
    const { reply, decision } = analyseReturn(late, { now: new Date('2027-03-01T00:00:00Z') });
    expect(decision.rule).toBe('window.expired');
    expect(reply.draft).toContain('Your return request reached us on November 2, 2026, 43 days after delivery.');
    expect(reply.citations).toContainEqual({ kind: 'order', ref: 'return.created_at', text: 'November 2, 2026' });
    const de = analyseReturn(late, { now, lang: 'de' });
    expect(de.reply.draft).toContain('Ihre Rücksendeanfrage kam am 2. November 2026, 43 Tage nach der Zustellung.');
  });

  it('drafts in German', () => {
    const late = { ...base, order: { number: '#1', delivered_at: '2026-09-01T00:00:00Z' } };
    const { reply } = analyseReturn(late, { now, lang: 'de' });
    expect(reply.draft.startsWith('Hallo Dana,')).toBe(true);
    expect(reply.draft).toContain('Rückgabefrist');
  });

  it('offers a size only when the exchange is for fit; a defective item is exchanged for a new one', () => {
    const fit = analyseReturn(
      { ...base, selected_reason: 'Too small', comment: 'runs small, I need a size up' },
      { now },
    );
    expect(fit.decision.decision).toBe('exchange');
    expect(fit.reply.draft).toContain('a size that fits you better');
    const broken = analyseReturn(
      {
        ...base,
        selected_reason: 'Defective',
        comment: 'the zip broke on the first day',
        requested_outcome: 'exchange',
      },
      { now },
    );
    expect(broken.classification.reason).toBe('defective');
    expect(broken.decision.decision).toBe('exchange');
    expect(broken.reply.draft).not.toContain('size that fits');
    expect(broken.reply.draft).toContain('exchange it for a new one');
  });
});
