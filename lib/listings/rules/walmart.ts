import { chars, contactHits, cutAtWord, findPhrases, HTML_TAG, htmlToText, norm, phraseRegex, words } from '../text';
import type { Rule, RuleTable } from '../types';
import {
  attrBool,
  attrNum,
  capsShare,
  hit,
  isPureWhite,
  longestSide,
  mainImageIndex,
  nonLatinShare,
  removeMatches,
  repeatedWords,
  textFields,
} from './common';

export const WMT_SPECIAL_CHARS = /[~!*$™½@^♥♡★☆◆●■▲]/gu;
export const WMT_PROMO_RE = phraseRegex([
  'free shipping',
  'walmart fulfilled',
  'hot sale',
  'top rated',
  'premium quality',
  'best-selling',
  'best selling',
  'clearance',
  'black friday',
  'savings',
  'low price',
  '#1 rated',
  'rated #1',
  'high quality',
  'top quality',
]);
const RETAILERS_RE = /(?<![\p{L}\p{N}])(walmart|amazon|ebay|alexa|costco|etsy|target\.com)(?![\p{L}\p{N}])/giu;
// "target" is an ordinary English word: only the capitalised store name counts.
const TARGET_RE = /(?<![\p{L}\p{N}])Target(?![\p{L}\p{N}])/gu;
const IRRELEVANT_RE = phraseRegex([
  'coming soon',
  'out of stock',
  'discontinued',
  'back in stock',
  'pre-order',
  'preorder',
  'ships in',
  'ships within',
  'ships today',
  'same day shipping',
  'fast shipping',
  'in stock',
  'limited stock',
]);
const AUTH_RE = phraseRegex(['authentic', 'genuine', '100% original', 'not a replica', 'original product']);
const YEAR_RE = /\b(19|20)\d{2}\b(?!\s?(mah|w|watts?|lumens|mg|ml|count|ct|pcs|pieces|sq|ft|lbs?|thread))/gi;
const IMG_OK = new Set(['jpeg', 'jpg', 'png', 'bmp']);

function retailerRefs(text: string, brand: string | undefined): string[] {
  const b = norm(brand).toLowerCase();
  const t = norm(text);
  return [...t.matchAll(RETAILERS_RE), ...t.matchAll(TARGET_RE)]
    .map((m) => m[0].toLowerCase())
    .filter((r) => !b.includes(r));
}

const rules: Rule[] = [
  {
    id: 'WMT-TITLE-LEN',
    field: 'title',
    severity: 'suppresses_listing',
    uncertain: true,
    message: 'uncertain: (guides say 75 or 200): product name at most 150 characters, 50–75 recommended',
    check(l) {
      const n = chars(l.title);
      if (n > 150)
        return [
          hit('title', 'suppresses_listing', `product name has ${n} characters (max 150)`, cutAtWord(l.title, 150)),
        ];
      if (n > 75)
        return [
          hit(
            'title',
            'recommendation',
            `product name has ${n} characters (50–75 recommended)`,
            cutAtWord(l.title, 75),
          ),
        ];
      return [];
    },
  },
  {
    id: 'WMT-TITLE-CHARS',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'product name: no ALL CAPS and no special characters (~ ! * $ ™ ½ @ ^ hearts/shapes)',
    check(l) {
      const found = [...new Set(norm(l.title).match(WMT_SPECIAL_CHARS) ?? [])];
      const { upper, letters } = capsShare(l.title, l.brand);
      const caps = letters >= 10 && upper / letters > 0.8;
      if (!found.length && !caps) return [];
      const msg = [found.length ? `special characters ${found.join(' ')}` : '', caps ? 'ALL CAPS' : '']
        .filter(Boolean)
        .join(', ');
      return [
        hit(
          'title',
          'suppresses_listing',
          `product name has ${msg}`,
          norm(l.title)
            .replace(WMT_SPECIAL_CHARS, '')
            .replace(/\s{2,}/g, ' ')
            .trim(),
        ),
      ];
    },
  },
  {
    id: 'WMT-TITLE-PROMO',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no promotional claims in product name or description',
    check(l) {
      const out = [];
      const t = findPhrases(l.title, WMT_PROMO_RE);
      if (t.length)
        out.push(
          hit(
            'title',
            'suppresses_listing',
            `promotional claim: ${t.join(', ')}`,
            removeMatches(l.title, WMT_PROMO_RE),
          ),
        );
      const d = findPhrases(l.description, WMT_PROMO_RE);
      if (d.length) out.push(hit('description', 'suppresses_listing', `promotional claim: ${d.join(', ')}`));
      return out;
    },
  },
  {
    id: 'WMT-RETAILER-REF',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no Walmart or other retailer/marketplace names',
    check(l) {
      return textFields(l).flatMap(({ field, text }) => {
        const r = retailerRefs(text, l.brand);
        return r.length ? [hit(field, 'suppresses_listing', `retailer name: ${[...new Set(r)].join(', ')}`)] : [];
      });
    },
  },
  {
    id: 'WMT-TITLE-IRRELEVANT',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no status, shipping or sale text in the product name',
    check(l) {
      const f = findPhrases(l.title, IRRELEVANT_RE);
      return f.length
        ? [
            hit(
              'title',
              'suppresses_listing',
              `irrelevant text: ${f.join(', ')}`,
              removeMatches(l.title, IRRELEVANT_RE),
            ),
          ]
        : [];
    },
  },
  {
    id: 'WMT-URL',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no URLs in any text',
    check(l) {
      return textFields(l).flatMap(({ field, text }) =>
        contactHits(text, ['url', 'bareDomain']).length ? [hit(field, 'suppresses_listing', 'contains a URL')] : [],
      );
    },
  },
  {
    id: 'WMT-LANG',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'content must be in English (heuristic: script check)',
    check(l) {
      return textFields(l).flatMap(({ field, text }) =>
        nonLatinShare(text) > 0.3 ? [hit(field, 'suppresses_listing', 'text is mostly not in the Latin script')] : [],
      );
    },
  },
  {
    id: 'WMT-TITLE-YEAR',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no years in the product name unless the content standard calls for one',
    check(l) {
      if (attrBool(l, 'model_year') === true) return [];
      const y = norm(l.title).match(YEAR_RE);
      return y
        ? [hit('title', 'suppresses_listing', `year in product name: ${y.join(', ')}`, removeMatches(l.title, YEAR_RE))]
        : [];
    },
  },
  {
    id: 'WMT-TITLE-REPEAT',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no repeated keywords in the product name',
    check(l) {
      return repeatedWords(l.title, 2).map(({ word, count }) =>
        hit('title', 'suppresses_listing', `"${word}" appears ${count} times`),
      );
    },
  },
  {
    id: 'WMT-AUTHENTICITY',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no authenticity claims without Walmart approval',
    check(l) {
      if (attrBool(l, 'authenticity_approved') === true) return [];
      const f = findPhrases(l.title, AUTH_RE);
      return f.length
        ? [hit('title', 'suppresses_listing', `authenticity claim: ${f.join(', ')}`, removeMatches(l.title, AUTH_RE))]
        : [];
    },
  },
  {
    id: 'WMT-KF-COUNT',
    field: 'bullets',
    severity: 'recommendation',
    uncertain: true,
    message:
      'uncertain: (no first-party max): 3 or more key features; more than 10 or over 500 characters each is unusual',
    check(l) {
      const bs = (l.bullets ?? []).filter((b) => norm(b));
      const out = [];
      if (bs.length < 3) out.push(hit('bullets', 'recommendation', `${bs.length} key features; 3 or more recommended`));
      if (bs.length > 10) out.push(hit('bullets', 'recommendation', `${bs.length} key features; more than 10`));
      bs.forEach((b, i) => {
        if (chars(b) > 500) out.push(hit(`bullets[${i}]`, 'recommendation', `key feature has ${chars(b)} characters`));
      });
      return out;
    },
  },
  {
    id: 'WMT-KF-CONTENT',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'key features: no special characters, promotional or shipping/sales text',
    check(l) {
      return (l.bullets ?? []).flatMap((b, i) => {
        const f = [
          ...new Set(norm(b).match(WMT_SPECIAL_CHARS) ?? []),
          ...findPhrases(b, WMT_PROMO_RE),
          ...findPhrases(b, IRRELEVANT_RE),
        ];
        return f.length
          ? [
              hit(
                `bullets[${i}]`,
                'suppresses_listing',
                `key feature contains ${f.join(', ')}`,
                removeMatches(removeMatches(b, WMT_PROMO_RE), IRRELEVANT_RE).replace(WMT_SPECIAL_CHARS, '').trim(),
              ),
            ]
          : [];
      });
    },
  },
  {
    id: 'WMT-DESC',
    field: 'description',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (allowed HTML unknown): description required, ≤ 4,000 characters, ≥ 150 words recommended',
    check(l) {
      const d = norm(l.description);
      if (!d) return [hit('description', 'blocks_submission', 'description is missing')];
      const n = chars(d);
      if (n > 4000)
        return [
          hit(
            'description',
            'blocks_submission',
            `description has ${n} characters (max 4000)`,
            cutAtWord(htmlToText(d), 4000),
          ),
        ];
      const out = [];
      const w = words(htmlToText(d)).length;
      if (w < 150) out.push(hit('description', 'recommendation', `description has ${w} words (150+ recommended)`));
      if (HTML_TAG.test(d))
        out.push(
          hit(
            'description',
            'recommendation',
            'description has HTML; plain text with line breaks is safer',
            htmlToText(d),
          ),
        );
      return out;
    },
  },
  {
    id: 'WMT-IMG-FILE',
    field: 'images',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (1P spec is stricter): JPEG/PNG/BMP ≤ 5 MB; square, ≥ 1500 px recommended',
    check(l) {
      return (l.images ?? []).flatMap((im, i) => {
        const out = [];
        const f = (im.format ?? '').toLowerCase();
        if (f && !IMG_OK.has(f)) out.push(hit(`images[${i}]`, 'blocks_submission', `format ${f} not accepted`));
        if (im.file_mb !== undefined && im.file_mb > 5)
          out.push(hit(`images[${i}]`, 'blocks_submission', `file is ${im.file_mb} MB (max 5)`));
        if (im.width && im.height && im.width !== im.height)
          out.push(hit(`images[${i}]`, 'recommendation', `not square (${im.width}×${im.height})`));
        const side = longestSide(im);
        if (side !== undefined && side < 1500)
          out.push(hit(`images[${i}]`, 'recommendation', `longest side ${side} px; zoom needs 1500`));
        return out;
      });
    },
  },
  {
    id: 'WMT-IMG-MAIN',
    field: 'images',
    severity: 'suppresses_listing',
    message: 'main image: seamless white background, no added graphics, text or watermarks',
    check(l) {
      const i = mainImageIndex(l);
      const im = l.images?.[i];
      if (!im) return [];
      const out = [];
      if (isPureWhite(im.corner_rgb) === false)
        out.push(hit(`images[${i}]`, 'suppresses_listing', 'main image background is not pure white'));
      if (im.has_overlay || im.has_watermark)
        out.push(hit(`images[${i}]`, 'suppresses_listing', 'main image has added graphics or a watermark'));
      return out;
    },
  },
  {
    id: 'WMT-IMG-URL',
    field: 'images',
    severity: 'blocks_submission',
    message: 'image URL ends with an image extension, has no query string, port 80/443/8080/8443',
    check(l) {
      return (l.images ?? []).flatMap((im, i) => {
        const u = im.url ?? '';
        if (!u || u.startsWith('data:')) return [];
        let url: URL;
        try {
          url = new URL(u);
        } catch {
          return [hit(`images[${i}]`, 'blocks_submission', 'image URL is not a valid URL')];
        }
        const problems = [];
        if (url.search) problems.push('query string');
        if (!/\.(jpe?g|png|bmp|gif|tiff?)$/i.test(url.pathname)) problems.push('no image extension');
        if (url.port && !['80', '443', '8080', '8443'].includes(url.port)) problems.push(`port ${url.port}`);
        return problems.length
          ? [
              hit(
                `images[${i}]`,
                'blocks_submission',
                `image URL: ${problems.join(', ')}`,
                problems.length === 1 && url.search ? `${url.origin}${url.pathname}` : undefined,
              ),
            ]
          : [];
      });
    },
  },
  {
    id: 'WMT-IMG-COUNT',
    field: 'images',
    severity: 'recommendation',
    uncertain: true,
    message: 'uncertain: (older guide: 2): 4 or more images recommended',
    check(l) {
      const n = (l.images ?? []).length;
      return n < 4 ? [hit('images', 'recommendation', `${n} images; 4 or more recommended`)] : [];
    },
  },
  {
    id: 'WMT-GTIN',
    field: 'gtin',
    severity: 'blocks_submission',
    message: 'a product ID (GTIN-14, UPC, EAN, ISBN) is required; MPN/SKU are not accepted',
    check(l) {
      const any = norm(l.gtin) || (l.variants ?? []).some((v) => norm(v.gtin));
      return any ? [] : [hit('gtin', 'blocks_submission', 'no product ID (GTIN)')];
    },
  },
  {
    id: 'WMT-PRICE',
    field: 'price',
    severity: 'suppresses_listing',
    message: 'price must not be far above recent prices (checked against the Shopify retail price; warning only)',
    check(l) {
      const ref = attrNum(l, 'reference_price');
      if (ref === undefined || l.price === undefined) return [];
      return l.price > ref * 1.2
        ? [
            hit(
              'price',
              'recommendation',
              `price ${l.price.toFixed(2)} is more than 20% above the reference ${ref.toFixed(2)}`,
            ),
          ]
        : [];
    },
  },
];

export const WALMART_RULES: RuleTable = { channel: 'walmart', version: '2026-11-27.1', rules };
