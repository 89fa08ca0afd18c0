import { describe, expect, it } from 'vitest';
import { base36, hash53, stableId } from './hash';

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

describe('base36', () => {
  it('writes every whole number below 2^53 as Number.prototype.toString(36) does', () => {
    const cases = [
      0,
      1,
      35,
      36,
      37,
      1295,
      1296,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 53 - 1,
      2 ** 53 - 36,
      36 ** 10,
      36 ** 10 - 1,
    ];
    let x = 0x9e3779b9;
    for (let i = 0; i < 2000; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      cases.push(4294967296 * (x & 0x1fffff) + ((x * 2654435761) >>> 0), x, x % 100_000);
    }
    for (const n of cases) expect(base36(n)).toBe(n.toString(36));
  });
});
