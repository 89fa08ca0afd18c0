import { cleanGtin } from '../gtin';
import { findPhrases, norm, phraseRegex, words } from '../text';
import type { ChannelListing, Rule, RuleTable } from '../types';
import { attrBool, attrNum, attrStr, diseaseClaims, hit, PESTICIDE_RE, textFields } from './common';
import { gtinsOf } from './gtin';

const COLORS = [
  'black',
  'white',
  'navy',
  'blue',
  'red',
  'green',
  'yellow',
  'orange',
  'purple',
  'pink',
  'brown',
  'gray',
  'grey',
  'beige',
  'tan',
  'ivory',
  'cream',
  'gold',
  'silver',
  'olive',
  'maroon',
  'teal',
  'charcoal',
  'khaki',
];
const COLOR_SET = new Set(COLORS);
const INCLUSIVE_RE = phraseRegex([
  'gypsy',
  'eskimo',
  'oriental',
  'tribal print',
  'spirit animal',
  'slave',
  'master bedroom',
  'blacklist',
  'crazy',
  'lame',
]);
const APPAREL = /shirt|tee|dress|pant|apparel|hoodie|sweater|jacket|legging|short|skirt|sock|wearable|clothing/i;

function colorWords(text: string): string[] {
  return words(text).filter((w) => COLOR_SET.has(w));
}

function variationValues(l: ChannelListing): string[] {
  return [attrStr(l, 'color'), attrStr(l, 'size')].filter((v): v is string => !!v && !!norm(v));
}

function hasPhrase(text: string, phrase: string): boolean {
  return phraseRegex([phrase], 'iu').test(norm(text));
}

const rules: Rule[] = [
  {
    id: 'TGT-UPC',
    field: 'gtin',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (channel partners only): a valid UPC of at most 13 digits is required',
    check(l) {
      const codes = gtinsOf(l);
      if (codes.length === 0) return [hit('gtin', 'blocks_submission', 'no UPC')];
      return codes.flatMap(({ field, code }) => {
        const c = cleanGtin(code);
        if (c.length <= 13) return [];
        return c.startsWith('0')
          ? [
              hit(
                field,
                'blocks_submission',
                'GTIN-14 padding: Target takes at most 13 digits',
                c.replace(/^0+(?=\d{12,13}$)/, ''),
              ),
            ]
          : [hit(field, 'blocks_submission', 'case-level GTIN-14 cannot be sent as a UPC')];
      });
    },
  },
  {
    id: 'TGT-TITLE-RECIPE',
    field: 'title',
    severity: 'recommendation',
    uncertain: true,
    message: 'uncertain: title recipe is brand + size group + feature + item type + model + size/colour + count',
    check(l) {
      const out = [];
      const brand = norm(l.brand);
      if (brand && !norm(l.title).toLowerCase().startsWith(brand.toLowerCase()))
        out.push(hit('title', 'recommendation', `title does not start with the brand "${brand}"`));
      const type = norm(l.item_type_keyword);
      if (type && !hasPhrase(l.title, type))
        out.push(hit('title', 'recommendation', `title does not name the item type "${type}"`));
      return out;
    },
  },
  {
    id: 'TGT-VARIATION-TITLE',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: parent title has no variation info; each child title = parent title + its variation values',
    check(l) {
      const parentage = attrStr(l, 'parentage');
      const vals = variationValues(l);
      if (parentage === 'parent') {
        const inTitle = vals.filter((v) => hasPhrase(l.title, v));
        return inTitle.length
          ? [hit('title', 'blocks_submission', `parent title names variation values: ${inTitle.join(', ')}`)]
          : [];
      }
      if (parentage === 'child') {
        const missing = vals.filter((v) => !hasPhrase(l.title, v));
        return missing.length
          ? [
              hit(
                'title',
                'blocks_submission',
                `child title lacks its variation values: ${missing.join(', ')}`,
                `${norm(l.title)} ${missing.join(' ')}`,
              ),
            ]
          : [];
      }
      return [];
    },
  },
  {
    id: 'TGT-TITLE-QUALITY',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (heuristic): no misspellings; title agrees with the item attributes',
    check(l) {
      const out = [];
      const ws = norm(l.title).toLowerCase().split(/\s+/);
      const doubled = ws.find((w, i) => i > 0 && /\p{L}/u.test(w) && w === ws[i - 1]);
      if (doubled) out.push(hit('title', 'blocks_submission', `doubled word "${doubled} ${doubled}"`));
      const tripled = ws.find((w) => /(\p{L})\1\1/u.test(w));
      if (tripled) out.push(hit('title', 'blocks_submission', `likely misspelling "${tripled}"`));
      const color = attrStr(l, 'color');
      if (color) {
        const own = new Set(colorWords(color));
        const other = colorWords(l.title).filter(
          (c) => !own.has(c) && !(c === 'grey' && own.has('gray')) && !(c === 'gray' && own.has('grey')),
        );
        if (own.size && other.length)
          out.push(
            hit('title', 'blocks_submission', `title says ${other.join(', ')} but the colour attribute is ${color}`),
          );
      }
      return out;
    },
  },
  {
    id: 'TGT-COLOR',
    field: 'title',
    severity: 'recommendation',
    uncertain: true,
    message: 'uncertain: at most 2 colours in the title; "multi-colored"/"assorted" only for 4+ colours',
    check(l) {
      const out = [];
      const cs = [...new Set(colorWords(l.title))];
      if (cs.length > 2)
        out.push(hit('title', 'recommendation', `${cs.length} colours in the title: ${cs.join(', ')}`));
      const n = attrNum(l, 'color_count');
      if (/\b(multi-?colou?red|assorted)\b/i.test(l.title) && n !== undefined && n < 4)
        out.push(hit('title', 'recommendation', `"multi-colored"/"assorted" with only ${n} colours`));
      return out;
    },
  },
  {
    id: 'TGT-INCLUSIVE',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message: "uncertain: (small word list): words that conflict with Target's inclusive-merchandising strategy",
    check(l) {
      return textFields(l).flatMap(({ field, text }) => {
        const f = findPhrases(text, INCLUSIVE_RE);
        return f.length ? [hit(field, 'blocks_submission', `review wording: ${f.join(', ')}`)] : [];
      });
    },
  },
  {
    id: 'TGT-COMPLIANCE',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: claims and hazmat/supplement items need compliance work (WERCS, Label Insights)',
    check(l) {
      const out = textFields(l).flatMap(({ field, text }) => {
        const claims = [
          ...diseaseClaims(text)
            .filter((c) => !c.symptom)
            .map((c) => c.term),
          ...findPhrases(text, PESTICIDE_RE),
        ];
        return claims.length
          ? [hit(field, 'blocks_submission', `claim needs compliance review: ${claims.join(', ')}`)]
          : [];
      });
      if (attrBool(l, 'hazmat') === true && attrBool(l, 'wercs_registered') !== true)
        out.push(hit('attributes.hazmat', 'blocks_submission', 'hazmat item without WERCS registration'));
      return out;
    },
  },
  {
    id: 'TGT-SIZECHART',
    field: 'attributes.size_chart',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: wearables need a size chart in grid (non-image) form',
    check(l) {
      const type = `${l.product_type ?? ''} ${l.item_type_keyword ?? ''}`;
      if (!APPAREL.test(type)) return [];
      const chart = l.attributes?.size_chart;
      return chart ? [] : [hit('attributes.size_chart', 'blocks_submission', 'apparel item without a size chart')];
    },
  },
];

export const TARGET_RULES: RuleTable = { channel: 'target', version: '2026-11-27.1', rules };
