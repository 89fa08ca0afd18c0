import { HTML_TAG, htmlToText, norm } from '../text';
import type { ChannelListing, Rule, RuleTable } from '../types';
import { attrBool, attrList, attrNum, hit } from './common';

/** Wholesale ÷ retail, when both are known (price = wholesale on Faire, attributes.retail_price = MSRP). */
function ratio(l: ChannelListing): number | undefined {
  const retail = attrNum(l, 'retail_price');
  if (l.price === undefined || retail === undefined || retail <= 0) return undefined;
  return l.price / retail;
}

const rules: Rule[] = [
  {
    id: 'FAI-PRICE-PARITY',
    field: 'price',
    severity: 'suppresses_listing',
    message: "Faire wholesale price must not exceed the brand's wholesale price on other channels",
    check(l) {
      const others = (attrList(l, 'other_wholesale_prices') ?? []).map(Number).filter((n) => Number.isFinite(n));
      if (l.price === undefined || others.length === 0) return [];
      const min = Math.min(...others);
      return l.price > min
        ? [hit('price', 'suppresses_listing', `wholesale ${l.price.toFixed(2)} is above ${min.toFixed(2)} elsewhere`)]
        : [];
    },
  },
  {
    id: 'FAI-PRICE-RATIO',
    field: 'price',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (third-party figure): wholesale between 10% and 80% of retail',
    check(l) {
      const r = ratio(l);
      if (r === undefined) return [];
      return r < 0.1 || r > 0.8
        ? [hit('price', 'blocks_submission', `wholesale is ${Math.round(r * 100)}% of retail (allowed 10–80%)`)]
        : [];
    },
  },
  {
    id: 'FAI-PRICE-KEYSTONE',
    field: 'price',
    severity: 'recommendation',
    uncertain: true,
    message: 'uncertain: (industry practice): retail is usually about 2 × wholesale',
    check(l) {
      const r = ratio(l);
      return r !== undefined && r > 0.6 && r <= 0.8
        ? [hit('price', 'recommendation', `wholesale is ${Math.round(r * 100)}% of retail; keystone is 50%`)]
        : [];
    },
  },
  {
    id: 'FAI-CASE-MOQ',
    field: 'attributes.case_size',
    severity: 'blocks_submission',
    message: 'selling by the case: case size ≥ 2 and minimum order ≥ case size',
    check(l) {
      const out = [];
      const byCase = attrBool(l, 'sell_by_case') === true;
      const cs = attrNum(l, 'case_size');
      const moq = attrNum(l, 'moq');
      if (byCase && cs !== undefined && cs < 2)
        out.push(hit('attributes.case_size', 'blocks_submission', 'case size 1: sell by the item instead'));
      if (byCase && cs !== undefined && moq !== undefined && moq < cs)
        out.push(hit('attributes.moq', 'blocks_submission', `minimum order ${moq} is below the case size ${cs}`, cs));
      return out;
    },
  },
  {
    id: 'FAI-BUNDLE',
    field: 'title',
    severity: 'blocks_submission',
    message: 'bundles billed as one unit are not permitted (use collections)',
    check(l) {
      return attrBool(l, 'is_bundle') === true || /\bbundle\b/i.test(norm(l.title))
        ? [hit('title', 'blocks_submission', 'listing is a bundle')]
        : [];
    },
  },
  {
    id: 'FAI-DESC-HTML',
    field: 'description',
    severity: 'recommendation',
    message: 'descriptions are plain text (HTML not supported)',
    check(l) {
      return HTML_TAG.test(l.description ?? '')
        ? [hit('description', 'recommendation', 'description contains HTML', htmlToText(l.description ?? ''))]
        : [];
    },
  },
];

export const FAIRE_RULES: RuleTable = { channel: 'faire', version: '2026-11-27.1', rules };
