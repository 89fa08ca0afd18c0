import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => Object.is(key[i], part));

describe('query keys', () => {
  it('puts every view of the panel tab under the panel prefix, so a page change refetches it', () => {
    for (const key of [
      queryKeys.panel.context(),
      queryKeys.cs.analysis('4101:2'),
      queryKeys.returns.analysis('R-1', '2026-11-27T10:00:00.000Z'),
      queryKeys.listings.product('p1'),
      queryKeys.listings.editor('p1'),
      queryKeys.listings.inventory(),
      queryKeys.planning.skuSummary(null),
    ])
      expect(startsWith(key, queryKeys.panel.all), key.join('/')).toBe(true);
  });

  it('keeps the CS draft out of the panel prefix: a page signal must not draft (and log) again', () => {
    expect(startsWith(queryKeys.cs.draft('a1b2c3d4'), queryKeys.panel.all)).toBe(false);
    expect(queryKeys.cs.draft('a1b2c3d4')).toEqual(['cs', 'draft', 'a1b2c3d4']);
  });

  it('lets an invalidation by prefix reach the keys it means', () => {
    expect(startsWith(queryKeys.listings.editor('p1'), queryKeys.listings.editorAll())).toBe(true);
    expect(startsWith(queryKeys.returns.insights('sku', 'week'), queryKeys.returns.all)).toBe(true);
  });
});
