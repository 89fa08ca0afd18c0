import { describe, expect, it } from 'vitest';
import { splitRationale } from './format';

describe('splitRationale', () => {
  it('splits the engine’s clause run into reasons and working; a "; " inside brackets stays', () => {
    const text =
      'sells 14.2/day: Shopify 10.1, Amazon 4.1; 10 days of cover (runs out Dec 6, before PO A arrives Dec 12); lead time 14±3 days; needs 199 over the lead time + safety stock 41 (95% service) = reorder point 240; on hand 142 incl. 60 on order (PO A, 40 arrive Dec 12; PO B, 20 arrive Dec 20); reorder 180 (up to 300); medium confidence: short history';
    const { reasons, working } = splitRationale(text);
    expect(reasons).toEqual([
      'Sells 14.2/day: Shopify 10.1, Amazon 4.1.',
      '10 days of cover (runs out Dec 6, before PO A arrives Dec 12).',
      'Reorder 180 (up to 300).',
      'Medium confidence: short history.',
    ]);
    expect(working).toEqual([
      'Lead time 14±3 days.',
      'Needs 199 over the lead time + safety stock 41 (95% service) = reorder point 240.',
      'On hand 142 incl. 60 on order (PO A, 40 arrive Dec 12; PO B, 20 arrive Dec 20).',
    ]);
  });

  it('keeps a one-sentence rationale as it is', () => {
    expect(splitRationale('No sales of this SKU in the imported orders: nothing to plan from yet.')).toEqual({
      reasons: ['No sales of this SKU in the imported orders: nothing to plan from yet.'],
      working: [],
    });
  });
});
