import { describe, expect, it } from 'vitest';
import { classifyReturn, findSafetySignals } from './classify';

const top = (comment: string, selectedReason = 'Other') => classifyReturn({ comment, selectedReason }).reason;

describe('classifyReturn', () => {
  it('finds a defect hidden behind "Changed my mind" and flags the mismatch', () => {
    const r = classifyReturn({ comment: 'the seam ripped on first wear', selectedReason: 'Changed my mind' });
    expect(r.reason).toBe('defective');
    expect(r.mismatch).toBe(true);
    expect(r.basis).toBe('comment');
    const ripped = r.reasons[0]?.evidence.find((e) => e.text === 'ripped');
    expect(ripped).toMatchObject({ start: 9, end: 15 });
  });

  it('gives evidence spans that index the original comment', () => {
    const comment = 'Lovely colour but WAY too tight in the arms';
    const r = classifyReturn({ comment, selectedReason: 'Size > Too small' });
    expect(r.reason).toBe('too_small');
    for (const e of r.reasons[0]?.evidence ?? []) expect(comment.slice(e.start, e.end)).toBe(e.text);
    expect(r.mismatch).toBe(false);
  });

  it('does not count a negated cue and cancels the dropdown prior it contradicts', () => {
    const r = classifyReturn({
      comment: "It's not too small, the sleeves are too long",
      selectedReason: 'Size > Too small',
    });
    expect(r.reason).toBe('fit_other');
    expect(r.reasons.map((x) => x.id)).not.toContain('too_small');
  });

  it('falls back to the dropdown when the comment is empty', () => {
    const r = classifyReturn({ comment: '', selectedReason: 'Size > Too large' });
    expect(r).toMatchObject({ reason: 'too_large', mismatch: false, basis: 'dropdown' });
    expect(r.reasons[0]?.confidence).toBe(0.5);
  });

  it('reports several reasons when the comment gives several', () => {
    const r = classifyReturn({
      comment: 'Runs small, and the zipper broke after two days',
      selectedReason: 'Size > Too small',
    });
    const ids = r.reasons.map((x) => x.id);
    expect(ids).toContain('defective');
    expect(ids).toContain('too_small');
  });

  it('moves breakage words to damage in transit when the parcel was crushed', () => {
    expect(top('The parcel was crushed and the vase inside is cracked')).toBe('damaged_in_transit');
  });

  it('tells carrier damage, wrong item, missing parts and late delivery apart', () => {
    expect(top('You sent me a green one instead of the red I picked')).toBe('wrong_item');
    expect(top('The remote was not included in the package')).toBe('missing_parts');
    expect(top('It turned up two weeks late, after my holiday')).toBe('arrived_late');
    expect(top('The outer box arrived soaking wet')).toBe('damaged_in_transit');
  });

  it('recognises the preference reasons', () => {
    expect(top('Same jacket is cheaper at another store')).toBe('better_price');
    expect(top('I was given this as a gift and it is not my thing')).toBe('unwanted_gift');
    expect(top('Accidentally placed the order twice')).toBe('duplicate_order');
    expect(top('Ordered two sizes to compare, sending back the larger')).toBe('ordered_multiple');
    expect(top("Not for me after all, I don't love the look")).toBe('changed_mind');
  });

  it('reads German comments with umlauts and ß', () => {
    expect(top('Leider zu groß', 'Size')).toBe('too_large');
    expect(top('Der Reißverschluss ist kaputt')).toBe('defective');
  });

  it('keeps the dropdown reason (no mismatch) for a comment with no cue', () => {
    const r = classifyReturn({ comment: 'thanks', selectedReason: 'Quality' });
    expect(r).toMatchObject({ reason: 'poor_quality', mismatch: false, basis: 'dropdown' });
  });

  it('never calls dropdown "Other" a mismatch', () => {
    expect(classifyReturn({ comment: 'the strap snapped', selectedReason: 'Other' }).mismatch).toBe(false);
  });
});

describe('findSafetySignals', () => {
  it('finds rashes, burns and choking, but not negated ones', () => {
    expect(findSafetySignals('It gave my son a rash').map((e) => e.text)).toEqual(['rash']);
    expect(findSafetySignals('The charger burned my hand').map((e) => e.text)).toEqual(['burned']);
    expect(findSafetySignals('no rash, just itchy fabric')).toEqual([]);
    expect(findSafetySignals('Too small in the chest')).toEqual([]);
  });
});
