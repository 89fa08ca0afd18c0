import { describe, expect, it } from 'vitest';
import { hash53, stableId } from './hash';

/** The definition stableId had before it hashed piece by piece. */
const reference = (source: string, ...key: (string | number)[]) =>
  `${source}:${hash53(`${source}\u001f${key.join('\u001f')}`).toString(36)}`;

describe('stableId', () => {
  it('gives the ids it gave when it hashed the joined key (stored rows keep their ids)', () => {
    const cases: [string, ...(string | number)[]][] = [
      ['shopify-orders', '#1001', 'SKU-00001', 1],
      ['amazon-orders', '114-1234567-1234567', 'SKU-ÄÖ', 2],
      ['s'],
      ['s', ''],
      ['s', '', ''],
      ['fba-inventory', 'SKU 😀', 'Warehouse', 0.5, -3],
      ['', 'a'],
    ];
    for (const [source, ...key] of cases) expect(stableId(source, ...key)).toBe(reference(source, ...key));
    expect(stableId('shopify-orders', '#1001', 'SKU-00001', 1)).toBe('shopify-orders:24sxuofmjm0');
  });
});
