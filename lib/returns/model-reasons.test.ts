import { describe, expect, it } from 'vitest';
import { classifyReturn } from './classify';
import { mergeModelReasons, modelReasonRequest, modelReasonSchema } from './model-reasons';

const comment = 'Love the colour. The seam ripped on first wear, and I got a rash from the dye.';
const local = classifyReturn({ comment, selectedReason: 'Changed my mind' });

describe('mergeModelReasons', () => {
  it('takes a model reason whose quotes are in the comment and gives their spans', () => {
    const model = modelReasonSchema.parse({
      reasons: [{ id: 'defective', confidence: 0.9, evidence: ['seam ripped on first wear'] }],
      photo_findings: ['defective'],
    });
    const m = mergeModelReasons(local, model, comment);
    expect(m.usedModel).toBe(true);
    expect(m.classification.reason).toBe('defective');
    expect(m.classification.mismatch).toBe(true);
    expect(m.classification.reasons[0]?.evidence[0]).toMatchObject({ start: 21, end: 46 });
    expect(m.photoFindings).toEqual(['defective']);
  });

  it('ignores invented quotes and keeps the local result', () => {
    const model = modelReasonSchema.parse({
      reasons: [{ id: 'changed_mind', confidence: 0.95, evidence: ['I just changed my mind'] }],
      photo_findings: [],
    });
    const m = mergeModelReasons(local, model, comment);
    expect(m.usedModel).toBe(false);
    expect(m.classification).toBe(local);
  });

  it('never drops the local health and safety signal', () => {
    const model = modelReasonSchema.parse({
      reasons: [{ id: 'poor_quality', confidence: 0.8, evidence: ['the dye'] }],
      photo_findings: [],
    });
    expect(mergeModelReasons(local, model, comment).classification.safety.map((s) => s.text)).toEqual(['rash']);
  });
});

describe('modelReasonRequest', () => {
  it('sends the comment as untrusted text, the dropdown as a source and only https/data image photos', () => {
    const r = modelReasonRequest({
      items: [{ title: 'Chino', variant: 'Khaki / 32' }],
      selected_reason: 'Changed my mind',
      comment,
      photos: ['https://cdn.example.com/a.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA'],
    });
    expect(r.text).toBe(comment);
    expect(r.images).toEqual(['https://cdn.example.com/a.jpg', 'data:image/png;base64,AAAA']);
    expect(r.sources.find((s) => s.id === 'dropdown')?.text).toBe('Changed my mind');
  });
});
