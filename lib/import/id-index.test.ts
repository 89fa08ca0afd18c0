import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random';
import { IdIndex } from './id-index';

describe('IdIndex', () => {
  it('keeps records as a Map by id would: first-seen order, a repeated id replacing its record in place', () => {
    const rand = mulberry32(3);
    const index = new IdIndex<{ id: string; n: number }>();
    const map = new Map<string, { id: string; n: number }>();
    let repeats = 0;
    for (let n = 0; n < 20_000; n++) {
      // Ids of all lengths, a third of them repeats, some differing only in one character.
      const id = rand() < 0.33 ? `id-${Math.floor(rand() * 3000)}` : `x${n.toString(36)}${'é'.repeat(n % 3)}`;
      const record = { id, n };
      const had = map.has(id);
      if (had) repeats += 1;
      map.set(id, record);
      expect(index.put(record)).toBe(had);
    }
    expect(repeats).toBeGreaterThan(1000);
    expect(index.size).toBe(map.size);
    expect(index.items).toEqual([...map.values()]);
    for (const id of ['id-7', 'x1', 'missing', '']) expect(index.get(id)).toBe(map.get(id));
  });
});
