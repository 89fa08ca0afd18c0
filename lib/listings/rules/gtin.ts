import { cleanGtin, expectedCheck, gtinKind, packagingIndicator, prefixProblem } from '../gtin';
import { norm, words } from '../text';
import type { ChannelListing, Rule, RuleTable } from '../types';
import { attrStr, hit } from './common';

/** Every GTIN on the listing with its field path: the top-level one and each variant's. */
export function gtinsOf(l: ChannelListing): { field: string; code: string }[] {
  const out: { field: string; code: string }[] = [];
  if (norm(l.gtin)) out.push({ field: 'gtin', code: norm(l.gtin) });
  (l.variants ?? []).forEach((v, i) => {
    // A single-variant listing repeats its GTIN at the top level: report it once.
    if (norm(v.gtin) && norm(v.gtin) !== norm(l.gtin)) out.push({ field: `variants[${i}].gtin`, code: norm(v.gtin) });
  });
  return out;
}

const rules: Rule[] = [
  {
    id: 'GTIN-FORMAT',
    field: 'gtin',
    severity: 'blocks_submission',
    message: 'GTIN must be 8, 12, 13 or 14 digits (or an ISBN-10)',
    check(l) {
      return gtinsOf(l).flatMap(({ field, code }) =>
        gtinKind(code) ? [] : [hit(field, 'blocks_submission', `"${code}" is not a GTIN-8/12/13/14 or ISBN-10`)],
      );
    },
  },
  {
    id: 'GTIN-CHECK',
    field: 'gtin',
    severity: 'blocks_submission',
    message: 'GTIN check digit is wrong',
    check(l) {
      return gtinsOf(l).flatMap(({ field, code }) => {
        const e = expectedCheck(code);
        const c = cleanGtin(code).toUpperCase();
        // The right check digit is reported, never offered as a fix: changing it would invent a different code.
        return e !== null && !c.endsWith(e)
          ? [hit(field, 'blocks_submission', `check digit of ${c} is ${c.slice(-1)}; the digits before it give ${e}`)]
          : [];
      });
    },
  },
  {
    id: 'GTIN-PREFIX',
    field: 'gtin',
    severity: 'blocks_submission',
    message:
      'GTIN prefix is not meant for trade items (restricted circulation, coupons, refunds, ISBN/ISSN outside books)',
    check(l) {
      const type = `${l.product_type ?? ''} ${l.item_type_keyword ?? ''}`;
      const book = /book/i.test(type);
      const periodical = /magazine|periodical|journal/i.test(type);
      return gtinsOf(l).flatMap(({ field, code }) => {
        const p = prefixProblem(code);
        if (!p || (p.unlessBook && book) || (p.unlessPeriodical && periodical)) return [];
        return [hit(field, 'blocks_submission', `${cleanGtin(code)}: prefix ${p.prefix} is ${p.reason}`)];
      });
    },
  },
  {
    id: 'GTIN-LEVEL',
    field: 'gtin',
    severity: 'recommendation',
    message: 'GTIN-14 indicator 1–9 marks a case or variable-measure level; list the consumer unit',
    check(l) {
      return gtinsOf(l).flatMap(({ field, code }) => {
        const ind = packagingIndicator(code);
        return ind === null
          ? []
          : [
              hit(
                field,
                'recommendation',
                `GTIN-14 indicator digit ${ind} is a ${ind === 9 ? 'variable-measure' : 'packaging'} level`,
              ),
            ];
      });
    },
  },
  {
    id: 'GTIN-REGISTRY',
    field: 'gtin',
    severity: 'recommendation',
    message: 'GS1 company prefix should be licensed to the brand owner (not checkable offline)',
    check(l) {
      const owner = attrStr(l, 'gs1_company_name');
      if (!owner || !norm(l.brand) || gtinsOf(l).length === 0) return [];
      const b = words(l.brand);
      const o = new Set(words(owner));
      return b.some((w) => o.has(w))
        ? []
        : [hit('gtin', 'recommendation', `GS1 registrant "${owner}" does not match brand "${norm(l.brand)}"`)];
    },
  },
  {
    id: 'GTIN-UNIQUE',
    field: 'gtin',
    severity: 'blocks_submission',
    message: 'one GTIN per variant',
    check(l) {
      const seen = new Map<string, { i: number; opts: string }>();
      const out = [];
      for (const [i, v] of (l.variants ?? []).entries()) {
        const code = cleanGtin(v.gtin ?? '');
        if (!code) continue;
        const key = code.padStart(14, '0');
        const opts = v.options.join('/');
        const prev = seen.get(key);
        if (prev && prev.opts !== opts)
          out.push(hit(`variants[${i}].gtin`, 'blocks_submission', `GTIN ${code} is also on variant ${prev.i + 1}`));
        else if (!prev) seen.set(key, { i, opts });
      }
      return out;
    },
  },
];

export const GTIN_RULES: RuleTable = { channel: 'gtin', version: '2026-11-27.1', rules };
