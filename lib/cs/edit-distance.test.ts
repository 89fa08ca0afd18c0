import { describe, expect, it } from 'vitest';
import { aggregateDraftStats, draftOutcome, levenshtein, normalisedEditDistance } from './edit-distance';

describe('edit distance', () => {
  it('computes Levenshtein distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
    expect(normalisedEditDistance('kitten', 'sitting')).toBeCloseTo(3 / 7, 10);
  });

  it('handles long texts with a small edit in the middle', () => {
    const a = `${'a'.repeat(5000)}X${'b'.repeat(5000)}`;
    const b = `${'a'.repeat(5000)}YZ${'b'.repeat(5000)}`;
    expect(levenshtein(a, b)).toBe(2);
  });

  it('classifies sent text as accepted, edited or discarded', () => {
    expect(draftOutcome('Hi Jane,\n\nYour order shipped.', 'Hi Jane, Your order  shipped.')).toEqual({
      outcome: 'accepted',
    });
    // "to" → "yester": 5 edits over 29 characters.
    expect(draftOutcome('Your order shipped today.', 'Your order shipped yesterday.')).toEqual({
      outcome: 'edited',
      distance: 0.172,
    });
    expect(draftOutcome('Your order shipped today.', null)).toEqual({ outcome: 'discarded', distance: null });
    expect(draftOutcome('Your order shipped today.', 'Please call us.').outcome).toBe('discarded');
  });

  it('aggregates outcomes per intent with the mean edit distance of edited drafts', () => {
    const stats = aggregateDraftStats([
      { intent: 'order_status', draft: 'abcd', finalText: 'abcd' },
      { intent: 'order_status', draft: 'abcd', finalText: 'abce' },
      { intent: 'order_status', draft: 'abcdefghij', finalText: 'abcdefghxy' },
      { intent: 'size_fit', draft: 'abcd', finalText: null },
    ]);
    expect(stats).toEqual([
      {
        intent: 'order_status',
        total: 3,
        accepted: 1,
        edited: 2,
        discarded: 0,
        avgEditDistance: 0.225,
        acceptedRate: 0.333,
      },
      { intent: 'size_fit', total: 1, accepted: 0, edited: 0, discarded: 1, avgEditDistance: null, acceptedRate: 0 },
    ]);
  });
});
