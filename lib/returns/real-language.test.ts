import { describe, expect, it } from 'vitest';
import { classifyReturn } from './classify';

// Short paraphrases of real clothing-review sentences (the public Women's E-Commerce Clothing
// Reviews set, CC0; see bench/data/README.md), none from a reserved evaluation set.
const reason = (comment: string) => classifyReturn({ comment, selectedReason: null }).reason;

describe('real language of size (issue 15)', () => {
  it('hedged statements of size count', () => {
    expect(reason('The fit on the model looked loose but mine seemed a bit tight.')).toBe('too_small');
    expect(reason('It is a little baggy on me and the XS is the smallest size.')).toBe('too_large');
    expect(reason('Cute top, it was quite big on my waist.')).toBe('too_large');
  });

  it('comparative and past-tense statements count', () => {
    expect(reason('Really pretty, but runs at least a full size small.')).toBe('too_small');
    expect(reason('The dress ran very large in every way.')).toBe('too_large');
    expect(reason('I usually wear a 2 but the 2 was unbearably tight.')).toBe('too_small');
  });

  it('the size the customer should have ordered counts', () => {
    expect(reason('Fits snug and loosens a bit. Definitely should have gotten a large.')).toBe('too_small');
    expect(reason('I ordered a size up after reading reviews, but I should have ordered my own size.')).toBe(
      'too_large',
    );
    expect(reason('The medium fit well, a small probably would have fit better.')).toBe('too_large');
    expect(reason("I'd say size down! If you are a small you need an extra small.")).toBe('too_large');
  });

  it('a fit called fine is not a size problem, whatever else the comment mentions', () => {
    for (const c of [
      'Love the fit of this sweater, it hits just below the hips.',
      'I got the petite size 2 and it fit perfect with a tiny bit of room. Length was an inch lower than on the model.',
      'Unlike other reviewers I did not have any problem with the sizing, fit or length; it fit true to size.',
      'The sleeves are a nice length and are not too tight.',
    ])
      expect(['too_small', 'too_large', 'fit_other']).not.toContain(reason(c));
  });

  it('advice to other shoppers counts little', () => {
    expect(reason('It runs true to size. Those with a smaller bust might want to go down a size.')).not.toBe(
      'too_large',
    );
  });

  it('words naming a body area are not a defect', () => {
    const c = classifyReturn({
      comment: 'I am small busted and the top was too big under the arms.',
      selectedReason: null,
    });
    expect(c.reason).toBe('too_large');
    expect(c.reasons.map((r) => r.id)).not.toContain('defective');
    expect(reason('Too tight across the bust and the hips.')).toBe('too_small');
  });

  it('a negated need is not a change of mind', () => {
    expect(reason("I didn't need to size up, it runs small in the waist though")).toBe('too_small');
    expect(reason("I don't need it anymore, changed my mind")).toBe('changed_mind');
  });

  it('praise of the quality is not a quality problem', () => {
    expect(reason('Great quality material, but the dress ran very large.')).toBe('too_large');
  });

  it('several reasons at once are listed, and doubt is said when they pull as hard', () => {
    const c = classifyReturn({ comment: 'Runs small and the seam ripped on the first wear.', selectedReason: null });
    expect(c.reasons.map((r) => r.id).sort()).toEqual(['defective', 'too_small']);
    expect(c.doubt?.question).toMatch(/^Not sure: /);
    expect(classifyReturn({ comment: 'Way too small, could not zip it up.', selectedReason: null }).doubt).toBeNull();
  });

  it('French and Spanish size words count', () => {
    expect(reason('Trop petit pour moi, je prends normalement un M.')).toBe('too_small');
    expect(reason('Demasiado grande, me queda enorme.')).toBe('too_large');
  });
});
