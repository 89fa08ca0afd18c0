import { isValidGtin } from '../gtin';
import { chars, cutAtWord, norm } from '../text';
import type { Rule, RuleTable } from '../types';
import { hit } from './common';

/** Shopify handle from a title: lower-case letters, digits and hyphens. */
export function slugify(s: string): string {
  return norm(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const rules: Rule[] = [
  {
    id: 'SHOP-TITLE-LEN',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (third-party figure): product title required, at most 255 characters',
    check(l) {
      const n = chars(l.title);
      if (n === 0) return [hit('title', 'blocks_submission', 'title is empty')];
      return n > 255
        ? [hit('title', 'blocks_submission', `title has ${n} characters (max 255)`, cutAtWord(l.title, 255))]
        : [];
    },
  },
  {
    id: 'SHOP-SEO-TITLE',
    field: 'seo_title',
    severity: 'blocks_submission',
    message: 'SEO title at most 70 characters; under 60 recommended',
    check(l) {
      const n = chars(l.seo_title);
      if (n > 70)
        return [
          hit(
            'seo_title',
            'blocks_submission',
            `SEO title has ${n} characters (max 70)`,
            cutAtWord(l.seo_title ?? '', 60),
          ),
        ];
      if (n >= 60)
        return [
          hit(
            'seo_title',
            'recommendation',
            `SEO title has ${n} characters (under 60 recommended)`,
            cutAtWord(l.seo_title ?? '', 59),
          ),
        ];
      return [];
    },
  },
  {
    id: 'SHOP-SEO-DESC',
    field: 'seo_description',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (sources say 320 or 160): meta description at most 320 characters, 160 recommended',
    check(l) {
      const n = chars(l.seo_description);
      if (n > 320)
        return [
          hit(
            'seo_description',
            'blocks_submission',
            `meta description has ${n} characters (max 320)`,
            cutAtWord(l.seo_description ?? '', 160),
          ),
        ];
      if (n > 160)
        return [
          hit(
            'seo_description',
            'recommendation',
            `meta description has ${n} characters (160 recommended)`,
            cutAtWord(l.seo_description ?? '', 160),
          ),
        ];
      return [];
    },
  },
  {
    id: 'SHOP-OPTIONS',
    field: 'options',
    severity: 'blocks_submission',
    message: 'at most 3 options; option names and values at most 255 characters',
    check(l) {
      const opts = l.options ?? [];
      const out = [];
      if (opts.length > 3) out.push(hit('options', 'blocks_submission', `${opts.length} options (max 3)`));
      opts.forEach((o, i) => {
        if (chars(o.name) > 255 || o.values.some((v) => chars(v) > 255))
          out.push(
            hit(
              `options[${i}]`,
              'blocks_submission',
              `option "${cutAtWord(o.name, 30)}" has a name or value over 255 characters`,
            ),
          );
      });
      return out;
    },
  },
  {
    id: 'SHOP-VARIANTS',
    field: 'variants',
    severity: 'blocks_submission',
    message: 'at most 2,048 variants; over 100 breaks apps on the REST product API',
    check(l) {
      const n = (l.variants ?? []).length;
      if (n > 2048) return [hit('variants', 'blocks_submission', `${n} variants (max 2048)`)];
      if (n > 100) return [hit('variants', 'recommendation', `${n} variants; apps on REST see at most 100`)];
      return [];
    },
  },
  {
    id: 'SHOP-PRICE',
    field: 'price',
    severity: 'blocks_submission',
    message: 'price must be ≥ 0',
    check(l) {
      const out = [];
      if (l.price !== undefined && l.price < 0)
        out.push(hit('price', 'blocks_submission', `price ${l.price} is negative`));
      (l.variants ?? []).forEach((v, i) => {
        if (v.price !== undefined && v.price < 0)
          out.push(hit(`variants[${i}].price`, 'blocks_submission', `price ${v.price} is negative`));
      });
      return out;
    },
  },
  {
    id: 'SHOP-COMPARE-AT',
    field: 'variants',
    severity: 'recommendation',
    message: 'compare-at price shows as a sale only when above the price',
    check(l) {
      const out = [];
      if (l.list_price !== undefined && l.price !== undefined && l.list_price <= l.price)
        out.push(
          hit(
            'list_price',
            'recommendation',
            `compare-at ${l.list_price} is not above price ${l.price}; it is ignored`,
          ),
        );
      (l.variants ?? []).forEach((v, i) => {
        if (v.compare_at_price !== undefined && v.price !== undefined && v.compare_at_price <= v.price)
          out.push(
            hit(
              `variants[${i}].compare_at_price`,
              'recommendation',
              `compare-at ${v.compare_at_price} is not above price ${v.price}; it is ignored`,
            ),
          );
      });
      return out;
    },
  },
  {
    id: 'SHOP-BARCODE',
    field: 'variants',
    severity: 'recommendation',
    message: 'Shopify does not validate barcodes: an invalid one blocks submission on marketplaces',
    check(l) {
      const out = [];
      if (norm(l.gtin) && !isValidGtin(norm(l.gtin)))
        out.push(hit('gtin', 'recommendation', `barcode ${norm(l.gtin)} is not a valid GTIN`));
      (l.variants ?? []).forEach((v, i) => {
        if (norm(v.gtin) && !isValidGtin(norm(v.gtin)))
          out.push(
            hit(
              `variants[${i}].gtin`,
              'recommendation',
              `barcode ${norm(v.gtin)} of ${v.sku || `variant ${i + 1}`} is not a valid GTIN`,
            ),
          );
      });
      return out;
    },
  },
  {
    id: 'SHOP-TAGS',
    field: 'tags',
    severity: 'blocks_submission',
    message: 'at most 250 tags per product',
    check(l) {
      const n = (l.tags ?? []).length;
      return n > 250 ? [hit('tags', 'blocks_submission', `${n} tags (max 250)`, (l.tags ?? []).slice(0, 250))] : [];
    },
  },
  {
    id: 'SHOP-HANDLE',
    field: 'handle',
    severity: 'blocks_submission',
    message: 'handle: letters, digits and hyphens only',
    check(l) {
      if (l.handle === undefined) return [];
      return /^[A-Za-z0-9-]+$/.test(l.handle)
        ? []
        : [hit('handle', 'blocks_submission', `handle "${l.handle}" has other characters`, slugify(l.handle))];
    },
  },
];

export const SHOPIFY_RULES: RuleTable = { channel: 'shopify', version: '2026-11-27.1', rules };
