import { describe, expect, it } from 'vitest';
import { type CanonicalProduct, canonicalProductSchema, diffCanonical } from './canonical';

const v1: CanonicalProduct = canonicalProductSchema.parse({
  id: '8123456789',
  title: 'Classic Tee',
  description_html: '<p>Soft cotton.</p>',
  vendor: 'Northwind',
  tags: ['tee', 'cotton'],
  variants: [
    { sku: 'TEE-CL-BLK-M', barcode: '036000291452', price: 25, options: ['Black', 'M'] },
    { sku: 'TEE-CL-BLK-L', barcode: '850012345671', price: 25, options: ['Black', 'L'] },
  ],
  images: [{ url: 'https://cdn.example/tee.jpg', alt: 'Front' }],
});

describe('diffCanonical', () => {
  it('lists every field of a first capture as a change from nothing', () => {
    expect(diffCanonical(null, v1).map((c) => c.field)).toEqual(
      expect.arrayContaining(['title', 'description_html', 'tags', 'variants[TEE-CL-BLK-M]', 'images[0].url']),
    );
  });
  it('reports a price change on one variant by SKU, and nothing for reordered tags or variants', () => {
    const v2 = structuredClone(v1);
    v2.tags = ['cotton', 'tee'];
    v2.variants = [{ ...v1.variants[1]!, price: 27 }, v1.variants[0]!];
    expect(diffCanonical(v1, v2)).toEqual([{ field: 'variants[TEE-CL-BLK-L].price', before: 25, after: 27 }]);
  });
  it('reports removed variants and changed alt text', () => {
    const v2 = structuredClone(v1);
    v2.variants = [v1.variants[0]!];
    v2.images = [{ ...v1.images[0]!, alt: 'Front view' }];
    expect(diffCanonical(v1, v2).map((c) => c.field)).toEqual(['variants[TEE-CL-BLK-L]', 'images[0].alt']);
  });
  it('reports a change of collections (as a set), and reads a record stored without collections as none', () => {
    const v2 = structuredClone(v1);
    v2.collections = ['Summer Edit', 'Essentials'];
    const v3 = structuredClone(v2);
    v3.collections = ['Essentials', 'Summer Edit'];
    expect(diffCanonical(v1, v2)).toEqual([{ field: 'collections', before: [], after: ['Summer Edit', 'Essentials'] }]);
    expect(diffCanonical(v2, v3)).toEqual([]);
    const stored = { ...structuredClone(v1), collections: undefined } as unknown as CanonicalProduct;
    expect(diffCanonical(stored, v1)).toEqual([]);
  });
  it('returns no changes for an identical product', () => {
    expect(diffCanonical(v1, structuredClone(v1))).toEqual([]);
  });
});
