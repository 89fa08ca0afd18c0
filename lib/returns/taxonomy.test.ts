import { describe, expect, it } from 'vitest';
import { groupOf, REASON_GROUPS, REASON_IDS, reasonsFromDropdown } from './taxonomy';

describe('taxonomy', () => {
  it('has the sixteen ids of issue 5, each in exactly one group', () => {
    expect(REASON_IDS).toHaveLength(16);
    const grouped = Object.values(REASON_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...REASON_IDS].sort());
    expect(groupOf('damaged_in_transit')).toBe('defect');
    expect(groupOf('fit_other')).toBe('sizing');
  });

  it('maps Loop dropdown texts, child reason before parent', () => {
    expect(reasonsFromDropdown('Size > Too small')).toEqual(['too_small']);
    expect(reasonsFromDropdown('Size')).toEqual(['fit_other', 'too_small', 'too_large']);
    expect(reasonsFromDropdown('Damaged/Defective')[0]).toBe('defective');
    expect(reasonsFromDropdown('Changed my mind')).toEqual(['changed_mind']);
    expect(reasonsFromDropdown('Size > Other')).toEqual(['fit_other', 'too_small', 'too_large']);
    expect(reasonsFromDropdown('Other')).toEqual(['other']);
    expect(reasonsFromDropdown('changed_mind')).toEqual(['changed_mind']);
    expect(reasonsFromDropdown('Something custom the merchant typed')).toEqual(['other']);
    expect(reasonsFromDropdown(undefined)).toEqual(['other']);
  });
});
