import { utf8Bytes } from '../../util/text';
import { removePhrases, removeSentencesWith } from '../phrase-removal';
import { amazonTitleMax, searchTermByteLimit } from '../policy';
import {
  chars,
  contactHits,
  cutAtBytes,
  cutAtWord,
  DETECTORS,
  EMOJI,
  findPhrases,
  HTML_TAG,
  htmlToText,
  norm,
  phraseRegex,
  words,
} from '../text';
import type { ChannelListing, Rule, RuleTable } from '../types';
import {
  attrBool,
  attrNum,
  attrStr,
  brandWords,
  capsShare,
  diseaseClaims,
  hit,
  isPureWhite,
  longestSide,
  mainImageIndex,
  nonLatinShare,
  PESTICIDE_RE,
  removeMatches,
  repeatedWords,
  STOP_WORDS,
  textFields,
} from './common';

// §1.9-B
export const AMZ_TITLE_PROMO = [
  'free shipping',
  'free delivery',
  'ships free',
  '100% quality guaranteed',
  'guaranteed',
  'money back',
  'sale',
  'on sale',
  'discount',
  '% off',
  'deal',
  'best price',
  'lowest price',
  'cheapest',
  'clearance',
  'limited time',
  'buy now',
  'hot sale',
];
const AMZ_TITLE_SUBJECTIVE = [
  'hot item',
  'best seller',
  'bestseller',
  'best selling',
  'top rated',
  '#1',
  'no. 1',
  'number one',
  'amazing',
  'premium quality',
];
// "% off" needs a digit before it; the phrase regex handles it as a literal.
export const TITLE_PROMO_RE = phraseRegex(AMZ_TITLE_PROMO.filter((p) => p !== '% off'));
const PERCENT_OFF = /\d+\s?%\s?off\b/gi;
const TITLE_SUBJECTIVE_RE = new RegExp(
  `${phraseRegex(AMZ_TITLE_SUBJECTIVE.filter((p) => p !== '#1')).source}|#1(?!\\d)`,
  'giu',
);
export const TITLE_BANNED_CHARS = /[!$?_{}^¬¦]/gu;
const RESTRICTED_RE = /\b(fsa\s*\/\s*hsa|hsa\s*\/\s*fsa)\s+eligible\b/i;
const NUMBER_WORDS_RE = phraseRegex(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  ),
);
export const TITLE_NONLANG = /[ÆŠŒŸŽ©®™★♥]/u;

const BULLET_CHARS_RE = /[™®€…†‡°¢£¥©±~â]/gu;
const PLACEHOLDER_RE = phraseRegex([
  'not applicable',
  'n/a',
  'not eligible',
  'yet to decide',
  'to be decided',
  'tbd',
  'copy pending',
]);
export const BULLET_CLAIMS_RE = phraseRegex([
  'eco-friendly',
  'eco friendly',
  'environmentally friendly',
  'ecologically friendly',
  'anti-microbial',
  'antimicrobial',
  'anti-bacterial',
  'antibacterial',
  'made from bamboo',
  'contains bamboo',
  'made from soy',
  'contains soy',
]);
const GUARANTEE_RE = phraseRegex([
  'full refund',
  'if not satisfied, send it back',
  'if not satisfied send it back',
  'unconditional guarantee',
  'money back guarantee',
  'money-back guarantee',
  '100% satisfaction guarantee',
  'satisfaction guaranteed',
]);
const COMPARE_RE = phraseRegex([
  'better than',
  'compared to',
  'compared with',
  'unlike other',
  'unlike others',
  'vs',
  'versus',
  'award-winning',
  'award winning',
  'clinically proven',
  'survey',
  'rated best',
]);
const PDP_PHRASES_RE = phraseRegex([
  'free shipping',
  'order now at',
  'buy it at',
  'available at',
  'visit our',
  'call us',
  'leave a review',
  'write a review',
  '5 star review',
  '5-star review',
  'testimonial',
  'customers say',
  'in stock now',
]);
const ENVIRONMENTAL_RE = phraseRegex([
  'biodegradable',
  'compostable',
  'recyclable',
  'eco-friendly',
  'eco friendly',
  'environmentally friendly',
  'earth friendly',
  'earth-friendly',
  'planet friendly',
  'planet-friendly',
]);
// §1.9-C
const KW_TEMPORARY = [
  'available now',
  'brand new',
  'current',
  'discounted',
  'just launched',
  'last chance',
  'last minute',
  'latest',
  'limited time',
  'new',
  'on sale',
  'this week',
  'this month',
  'this year',
  'today',
];
const KW_SUBJECTIVE = [
  'amazing',
  'best',
  'cheap',
  'cheapest',
  'effective',
  'fastest',
  'good deal',
  'least',
  'most',
  'popular',
  'trending',
];
export const KNOWN_BRANDS = [
  'apple',
  'nike',
  'amazon',
  'adidas',
  'samsung',
  'sony',
  'under armour',
  'lululemon',
  'patagonia',
  'the north face',
  'levis',
  "levi's",
  'gucci',
  'hanes',
  'gildan',
  'yeti',
  'stanley',
];
const KW_WORDS_RE = phraseRegex([...KW_TEMPORARY, ...KW_SUBJECTIVE]);
const KW_BRANDS_RE = phraseRegex(KNOWN_BRANDS);
// AMZ-KW-REQUIRED: product types where generic_keyword is required since 2023-12-06 (third-party list).
const KW_REQUIRED_TYPES = new Set(
  [
    'art and craft supply',
    'artificial tree',
    'balloon',
    'bar tool set',
    'bath pillow',
    'bath safety seating',
    'bath toy',
    'bathroom container set',
    'bathtub shower mat',
    'beauty',
    'bed linen',
    'bed linen set',
    'bed skirt',
    'bedding set',
    'blanket',
    'board game',
    'body care product',
    'body deodorant',
    'body paint',
    'body positioner',
    'bookend',
    'broom',
    'party favor',
  ].map((s) => s.replace(/ /g, '_').toUpperCase()),
);
const IMG_FORMATS_OK = new Set(['jpeg', 'jpg', 'tiff', 'tif', 'png', 'gif']);

function titleMax(l: ChannelListing, policy: Parameters<typeof amazonTitleMax>[0]): number {
  return amazonTitleMax(policy, l.product_type, attrStr(l, 'marketplace'));
}

function bulletHits(
  l: ChannelListing,
  test: (b: string, i: number) => string | null,
  severity: Rule['severity'],
  fix?: (b: string) => string,
) {
  return (l.bullets ?? []).flatMap((b, i) => {
    const msg = test(b, i);
    return msg ? [hit(`bullets[${i}]`, severity, msg, fix ? fix(b) : undefined)] : [];
  });
}

function jaccard(a: string, b: string): number {
  const sa = new Set(words(a));
  const sb = new Set(words(b));
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const w of sa) if (sb.has(w)) inter += 1;
  return inter / (sa.size + sb.size - inter);
}

function singular(w: string): string {
  return w.replace(/(ies)$/, 'y').replace(/(es|s)$/, '');
}

/**
 * A title cut to `max` characters where a person would cut it: at the last " - ", ", " or " | "
 * that keeps at least 60% of the limit, else at a word boundary.
 */
export function cutTitle(title: string, max: number): string {
  const t = norm(title);
  if (chars(t) <= max) return t;
  const head = [...t].slice(0, max + 1).join('');
  const at = Math.max(
    head.lastIndexOf(' - '),
    head.lastIndexOf(', '),
    head.lastIndexOf(' | '),
    head.lastIndexOf(' – '),
  );
  if (at >= 0 && chars(head.slice(0, at)) >= max * 0.6)
    return head
      .slice(0, at)
      .replace(/[\s,;:/|&+–—-]+$/u, '')
      .trim();
  return cutAtWord(t, max);
}

/** AMZ-PDP-PROHIBITED detectors that match a text: contact details, links, prices and the §1.4 phrases. */
function pdpHits(text: string, fileName = false): string[] {
  const kinds = fileName
    ? (['email', 'bareDomain', 'phone'] as const)
    : (['email', 'url', 'bareDomain', 'phone', 'price'] as const);
  return [...contactHits(text, kinds).map(plainDetector), ...findPhrases(text, PDP_PHRASES_RE).map((p) => `"${p}"`)];
}

const DETECTOR_WORDS: Record<string, string> = {
  email: 'an e-mail address',
  url: 'a link',
  bareDomain: 'a website',
  phone: 'a phone number',
  price: 'a price',
};
/** A contact detector's name in plain words ("bareDomain" → "a website"). */
function plainDetector(k: string): string {
  return DETECTOR_WORDS[k] ?? k;
}

function hasContact(s: string): boolean {
  return contactHits(s, ['email', 'url', 'bareDomain', 'phone']).length > 0;
}

/** The last path segment of an image URL, without query or extension. */
function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  return decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1)).replace(/\.[a-z0-9]{2,5}$/i, '');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function placeName(field: string): string {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) return `bullet ${Number(m[1]) + 1}`;
  return field === 'highlights' ? 'item highlights' : field;
}

const rules: Rule[] = [
  {
    id: 'AMZ-TITLE-LEN',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message:
      'uncertain: title is over the Amazon limit (75 chars under amazon-2026-07, 200 under amazon-2025-01 and for media)',
    check(l, ctx) {
      const max = titleMax(l, ctx.policy);
      const n = chars(l.title);
      return n > max
        ? [
            hit(
              'title',
              'blocks_submission',
              `title has ${n} characters; the limit is ${max} (${ctx.policy})`,
              cutTitle(l.title, max),
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-TITLE-CHAR-BANNED',
    field: 'title',
    severity: 'blocks_submission',
    message: 'title contains a prohibited character (! $ ? _ { } ^ ¬ ¦)',
    check(l, ctx) {
      let t = norm(l.title);
      const brand = norm(l.brand);
      // 2025 wording exempts the characters inside the exact brand string; 2026 moves the brand to the Brand field.
      if (ctx.policy === 'amazon-2025-01' && brand) t = t.split(brand).join(' ');
      const found = [...new Set(t.match(TITLE_BANNED_CHARS) ?? [])];
      if (found.length === 0) return [];
      const brandHasChar = brand !== '' && /[!$?_{}^¬¦]/u.test(brand) && norm(l.title).includes(brand);
      const fixed = norm(l.title)
        .replace(TITLE_BANNED_CHARS, ' ')
        .replace(/\s{2,}/g, ' ')
        .trim();
      return [
        hit(
          'title',
          'blocks_submission',
          `title contains ${found.join(' ')}${brandHasChar ? '; move the brand to the Brand field' : ''}`,
          fixed,
        ),
      ];
    },
  },
  {
    id: 'AMZ-TITLE-CHAR-CONTEXT',
    field: 'title',
    severity: 'blocks_submission',
    message: '~ # < > * are allowed only as identifiers or measurements',
    check(l) {
      const t = norm(l.title);
      const bad: string[] = [];
      if (/([~#<>*])\1/.test(t)) bad.push('doubled symbol');
      const cps = [...t];
      cps.forEach((c, i) => {
        if (!'~#<>*'.includes(c)) return;
        const next = cps[i + 1] === ' ' ? cps[i + 2] : cps[i + 1];
        const prev = cps[i - 1] === ' ' ? cps[i - 2] : cps[i - 1];
        if (!/\d/.test(next ?? '') && !/\d/.test(prev ?? '')) bad.push(`"${c}" not next to a number`);
      });
      return bad.length
        ? [hit('title', 'blocks_submission', `decorative symbol in title: ${[...new Set(bad)].join(', ')} (heuristic)`)]
        : [];
    },
  },
  {
    id: 'AMZ-TITLE-REPEAT',
    field: 'title',
    severity: 'blocks_submission',
    message: 'no word may appear more than twice in the title',
    check(l, ctx) {
      const brand = brandWords(l);
      return repeatedWords(l.title, 2).flatMap(({ word, count }) => {
        if (brand.has(word)) {
          // 2025: brand words exempt; 2026: counted, but a brand word reused in another sense is only a warning.
          if (ctx.policy === 'amazon-2025-01') return [];
          return [hit('title', 'recommendation', `brand word "${word}" appears ${count} times in the title`)];
        }
        return [hit('title', 'blocks_submission', `"${word}" appears ${count} times in the title`)];
      });
    },
  },
  {
    id: 'AMZ-TITLE-PROMO',
    field: 'title',
    severity: 'blocks_submission',
    message: 'title contains promotional wording',
    check(l) {
      const found = [...findPhrases(l.title, TITLE_PROMO_RE), ...(norm(l.title).match(PERCENT_OFF) ?? [])];
      if (found.length === 0) return [];
      const fixed = removeMatches(removeMatches(l.title, TITLE_PROMO_RE), PERCENT_OFF);
      return [hit('title', 'blocks_submission', `promotional wording in title: ${found.join(', ')}`, fixed)];
    },
  },
  {
    id: 'AMZ-TITLE-RESTRICTED-PHRASE',
    field: 'title',
    severity: 'blocks_submission',
    message: 'title must not say "FSA/HSA eligible"',
    check(l) {
      return RESTRICTED_RE.test(l.title)
        ? [
            hit(
              'title',
              'blocks_submission',
              'title says FSA/HSA eligible',
              removeMatches(l.title, new RegExp(RESTRICTED_RE.source, 'gi')),
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-TITLE-SUBJECTIVE',
    field: 'title',
    severity: 'recommendation',
    message: 'avoid subjective commentary in the title',
    check(l) {
      const found = findPhrases(l.title, TITLE_SUBJECTIVE_RE);
      return found.length
        ? [
            hit(
              'title',
              'recommendation',
              `subjective wording in title: ${found.join(', ')}`,
              removeMatches(l.title, TITLE_SUBJECTIVE_RE),
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-TITLE-MININFO',
    field: 'title',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: title should identify the product (brand + product type); heuristic, reported as a warning',
    check(l) {
      const tw = words(l.title);
      if (tw.length < 2) return [hit('title', 'recommendation', 'title has fewer than 2 words')];
      const keyword = l.item_type_keyword || (l.product_type ?? '').replace(/_/g, ' ');
      const kw = words(keyword)
        .map(singular)
        .filter((w) => !STOP_WORDS.has(w));
      if (kw.length === 0) return [];
      const have = new Set(tw.map(singular));
      return kw.some((w) => have.has(w))
        ? []
        : [hit('title', 'recommendation', `title does not name the product type ("${keyword}")`)];
    },
  },
  {
    id: 'AMZ-TITLE-CAPS',
    field: 'title',
    severity: 'recommendation',
    message: 'title should be in Title Case, not ALL CAPS or all lower case',
    check(l) {
      const { upper, letters } = capsShare(l.title, l.brand);
      if (letters >= 10 && upper / letters > 0.8) return [hit('title', 'recommendation', 'title is in ALL CAPS')];
      if (letters > 0 && upper === 0) return [hit('title', 'recommendation', 'title has no capital letters')];
      return [];
    },
  },
  {
    id: 'AMZ-TITLE-NUMERALS',
    field: 'title',
    severity: 'recommendation',
    message: 'write numbers in the title as digits ("2-Pack")',
    check(l) {
      const found = findPhrases(l.title, NUMBER_WORDS_RE);
      return found.length ? [hit('title', 'recommendation', `number words in title: ${found.join(', ')}`)] : [];
    },
  },
  {
    id: 'AMZ-TITLE-NONLANG',
    field: 'title',
    severity: 'recommendation',
    message: 'title should have no symbols or emoji (Æ Š Œ Ÿ Ž © ® ™ ★ ♥)',
    check(l) {
      const t = norm(l.title);
      if (!TITLE_NONLANG.test(t) && !EMOJI.test(t)) return [];
      const fixed = t
        .replace(/[ÆŠŒŸŽ©®™★♥]|\p{Extended_Pictographic}\uFE0F?/gu, '')
        .replace(/\s{2,}/g, ' ')
        .trim();
      return [hit('title', 'recommendation', 'symbol or emoji in title', fixed)];
    },
  },
  {
    id: 'AMZ-TITLE-VARIATION',
    field: 'title',
    severity: 'recommendation',
    message: 'a parent title carries no size/colour; children add their own',
    check(l) {
      if (/\bavailable in (\d+|multiple|many|several)\b|\b\d+\s+colou?rs\b/i.test(l.title))
        return [hit('title', 'recommendation', 'title lists available variations')];
      if (attrStr(l, 'parentage') === 'parent') {
        const vals = [attrStr(l, 'color'), attrStr(l, 'size')].filter((v): v is string => !!v);
        const lower = norm(l.title).toLowerCase();
        const inTitle = vals.filter((v) => lower.includes(v.toLowerCase()));
        if (inTitle.length)
          return [hit('title', 'recommendation', `parent title names a variation: ${inTitle.join(', ')}`)];
      }
      return [];
    },
  },
  {
    id: 'AMZ-TITLE-ORDER',
    field: 'title',
    severity: 'recommendation',
    message: 'suggested order: brand first, then style, product type, key attribute, colour, size, model',
    check(l) {
      const brand = norm(l.brand);
      if (!brand || brand.toLowerCase() === 'generic') return [];
      return norm(l.title).toLowerCase().startsWith(brand.toLowerCase())
        ? []
        : [hit('title', 'recommendation', `title does not start with the brand "${brand}"`)];
    },
  },
  {
    id: 'AMZ-HIGHLIGHTS-LEN',
    field: 'highlights',
    severity: 'blocks_submission',
    message: 'item highlights: at most 125 characters of comma-separated phrases (amazon-2026-07)',
    check(l, ctx) {
      if (ctx.policy !== 'amazon-2026-07' || !l.highlights) return [];
      const n = chars(l.highlights);
      if (n > 125)
        return [
          hit(
            'highlights',
            'blocks_submission',
            `item highlights have ${n} characters (max 125)`,
            cutAtWord(l.highlights, 125),
          ),
        ];
      if (/[.!?](\s|$)/.test(norm(l.highlights)))
        return [
          hit('highlights', 'recommendation', 'item highlights should be comma-separated phrases, not sentences'),
        ];
      return [];
    },
  },
  {
    id: 'AMZ-BULLET-COUNT',
    field: 'bullets',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: sellers give 3 to 5 bullet points',
    check(l) {
      const n = (l.bullets ?? []).filter((b) => norm(b)).length;
      if (n > 5)
        return [
          hit('bullets', 'blocks_submission', `${n} bullets; sellers may submit 5`, (l.bullets ?? []).slice(0, 5)),
        ];
      if (n < 3) return [hit('bullets', 'recommendation', `${n} bullets; include at least 3`)];
      return [];
    },
  },
  {
    id: 'AMZ-BULLET-LEN',
    field: 'bullets',
    severity: 'suppresses_listing',
    uncertain: true,
    message: 'uncertain: each bullet 10–255 characters (older sources: 250 or 500)',
    check(l) {
      return (l.bullets ?? []).flatMap((b, i) => {
        const n = chars(b);
        if (n > 255)
          return [
            hit(`bullets[${i}]`, 'suppresses_listing', `bullet has ${n} characters (max 255)`, cutAtWord(b, 255)),
          ];
        if (n < 10) return [hit(`bullets[${i}]`, 'recommendation', `bullet has ${n} characters (min 10)`)];
        return [];
      });
    },
  },
  {
    id: 'AMZ-BULLET-TOTAL',
    field: 'bullets',
    severity: 'recommendation',
    uncertain: true,
    message: 'uncertain: one third-party summary caps all bullets at 1,000 characters together',
    check(l) {
      const total = (l.bullets ?? []).reduce((s, b) => s + chars(b), 0);
      return total >= 1000 ? [hit('bullets', 'recommendation', `bullets total ${total} characters`)] : [];
    },
  },
  {
    id: 'AMZ-BULLET-FORMAT',
    field: 'bullets',
    severity: 'recommendation',
    message: 'bullets start with a capital, have no terminal . or !, and put a space between number and unit',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          const t = norm(b);
          const problems: string[] = [];
          if (/^\p{Ll}/u.test(t)) problems.push('starts lower-case');
          if (/[.!]$/.test(t)) problems.push('ends with punctuation');
          if (/\d(ml|oz|lb|lbs|kg|g|cm|mm|in|ft)\b/i.test(t)) problems.push('no space between number and unit');
          return problems.length ? problems.join(', ') : null;
        },
        'recommendation',
        (b) =>
          norm(b)
            .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
            .replace(/[.!]+$/, '')
            .replace(/(\d)(ml|oz|lb|lbs|kg|g|cm|mm|in|ft)\b/gi, '$1 $2'),
      );
    },
  },
  {
    id: 'AMZ-BULLET-CHARS',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'bullets must not contain ™ ® € … † ‡ ° ¢ £ ¥ © ± ~ â or emoji',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          // ™ and © are Extended_Pictographic too: "emoji" only for one beyond the listed symbols.
          const rest = norm(b).replace(BULLET_CHARS_RE, '');
          const found = [
            ...new Set([...(norm(b).match(BULLET_CHARS_RE) ?? []), ...(EMOJI.test(rest) ? ['emoji'] : [])]),
          ];
          return found.length ? `bullet contains ${found.join(' ')}` : null;
        },
        'suppresses_listing',
        (b) =>
          norm(b)
            .replace(/°/g, ' degrees')
            .replace(/…/g, '...')
            .replace(BULLET_CHARS_RE, '')
            .replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')
            .replace(/\s{2,}/g, ' ')
            .trim(),
      );
    },
  },
  {
    id: 'AMZ-BULLET-PLACEHOLDER',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'bullets must not hold placeholder text (N/A, TBD, copy pending…)',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          const found = findPhrases(b, PLACEHOLDER_RE);
          if (/^na$/i.test(norm(b))) found.push('NA');
          return found.length ? `placeholder text: ${found.join(', ')}` : null;
        },
        'suppresses_listing',
      );
    },
  },
  {
    id: 'AMZ-BULLET-ASIN',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'bullets must not contain an ASIN',
    check(l) {
      return bulletHits(l, (b) => (DETECTORS.asin.test(b) ? 'bullet contains an ASIN' : null), 'suppresses_listing');
    },
  },
  {
    id: 'AMZ-BULLET-CLAIMS',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'bullets must not use the banned claims (eco-friendly, antibacterial, made from bamboo…)',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          const f = findPhrases(b, BULLET_CLAIMS_RE);
          return f.length ? `banned claim: ${f.join(', ')}` : null;
        },
        'suppresses_listing',
        (b) => removePhrases(b, BULLET_CLAIMS_RE).text,
      );
    },
  },
  {
    id: 'AMZ-BULLET-GUARANTEE',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'bullets must not promise refunds or guarantees (use the warranty attribute)',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          const f = findPhrases(b, GUARANTEE_RE);
          return f.length ? `guarantee wording: ${f.join(', ')}` : null;
        },
        'suppresses_listing',
      );
    },
  },
  {
    id: 'AMZ-BULLET-EXTERNAL',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'bullets must not contain company info, links or contact details',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          const f = contactHits(b, ['email', 'url', 'bareDomain', 'phone']);
          return f.length ? `contact or link in bullet: ${f.map(plainDetector).join(', ')}` : null;
        },
        'suppresses_listing',
        (b) => removeSentencesWith(b, [hasContact]).text,
      );
    },
  },
  {
    id: 'AMZ-BULLET-DUPLICATE',
    field: 'bullets',
    severity: 'suppresses_listing',
    message: 'every bullet must carry unique information',
    check(l) {
      const bs = l.bullets ?? [];
      const out = [];
      for (let i = 0; i < bs.length; i++)
        for (let j = 0; j < i; j++)
          if (jaccard(bs[i] ?? '', bs[j] ?? '') >= 0.8) {
            out.push(hit(`bullets[${i}]`, 'suppresses_listing', `bullet ${i + 1} repeats bullet ${j + 1}`));
            break;
          }
      return out;
    },
  },
  {
    id: 'AMZ-BULLET-COMPARE',
    field: 'bullets',
    severity: 'recommendation',
    message: 'bullets should not compare with other products or claim unverifiable superlatives',
    check(l) {
      return bulletHits(
        l,
        (b) => {
          const f = findPhrases(b, COMPARE_RE);
          return f.length ? `comparison or superlative: ${f.join(', ')}` : null;
        },
        'recommendation',
      );
    },
  },
  {
    id: 'AMZ-DESC-HTML',
    field: 'description',
    severity: 'suppresses_listing',
    message: 'description must not contain HTML other than <br>',
    check(l) {
      const d = l.description ?? '';
      const withoutBr = d.replace(/<br\s*\/?>|<\/br>/gi, '');
      return HTML_TAG.test(withoutBr)
        ? [
            hit(
              'description',
              'suppresses_listing',
              'description contains HTML tags',
              htmlToText(d).split('\n').join('<br>'),
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-DESC-LEN',
    field: 'description',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: description at most 2,000 characters (no first-party source; the product-type schema decides)',
    check(l) {
      const n = chars(l.description);
      return n > 2000
        ? [
            hit(
              'description',
              'blocks_submission',
              `description has ${n} characters (max 2000)`,
              cutAtWord(l.description ?? '', 2000),
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-DESC-APLUS',
    field: 'description',
    severity: 'recommendation',
    message: 'A+ content is live: the plain description is hidden but still checked',
    check(l) {
      return attrBool(l, 'aplus_live') === true
        ? [hit('description', 'recommendation', 'A+ content is live; the description is hidden but still checked')]
        : [];
    },
  },
  {
    id: 'AMZ-PDP-PROHIBITED',
    field: 'title',
    severity: 'suppresses_listing',
    message:
      'no contact details, URLs, prices, shipping offers or reviews in title, highlights, bullets, description or images',
    check(l) {
      // §1.4: the rule covers every place the detail page shows text, whatever other rule also covers it
      // (a URL in a bullet is AMZ-BULLET-EXTERNAL too; "free shipping" in the title AMZ-TITLE-PROMO too).
      const out = [];
      const places = [
        { field: 'title', text: l.title },
        ...(l.highlights ? [{ field: 'highlights', text: l.highlights }] : []),
        ...(l.bullets ?? []).map((b, i) => ({ field: `bullets[${i}]`, text: b })),
        ...(l.description ? [{ field: 'description', text: l.description }] : []),
      ];
      for (const { field, text } of places) {
        const f = pdpHits(text);
        if (!f.length) continue;
        // Sentences with contact details or review/shipping phrases go; a title is left to its own rules' fixes.
        const fix =
          field === 'title'
            ? undefined
            : removeSentencesWith(text, [hasContact, (x) => findPhrases(x, PDP_PHRASES_RE).length > 0]).text;
        out.push(hit(field, 'suppresses_listing', `${placeName(field)} contains ${f.join(', ')}`, fix));
      }
      (l.images ?? []).forEach((im, i) => {
        // Image text we read: the alt text and the file name (words split on - and _), never the CDN host.
        const name = fileName(im.url ?? '');
        const f = [...new Set([...pdpHits(im.alt ?? ''), ...pdpHits(name.replace(/[-_]+/g, ' '), true)])];
        if (f.length)
          out.push(hit(`images[${i}]`, 'suppresses_listing', `image ${i + 1} text contains ${f.join(', ')}`));
      });
      return out;
    },
  },
  {
    id: 'AMZ-PDP-LANGUAGE',
    field: 'title',
    severity: 'suppresses_listing',
    message: "content must be in the store's language (heuristic: script check)",
    check(l) {
      const m = (attrStr(l, 'marketplace') ?? 'US').toUpperCase();
      if (/BOOK/i.test(l.product_type ?? '')) return [];
      return textFields(l).flatMap(({ field, text }) => {
        if (m === 'JP') {
          return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) || !/\p{L}/u.test(text)
            ? []
            : [hit(field, 'suppresses_listing', 'no Japanese text on a Japanese store')];
        }
        if (
          [
            'US',
            'UK',
            'GB',
            'CA',
            'AU',
            'IN',
            'SG',
            'IE',
            'DE',
            'FR',
            'IT',
            'ES',
            'NL',
            'SE',
            'PL',
            'BE',
            'MX',
            'BR',
            'TR',
          ].includes(m)
        )
          return nonLatinShare(text) > 0.3
            ? [hit(field, 'suppresses_listing', `text is mostly in a non-Latin script for store ${m}`)]
            : [];
        return [];
      });
    },
  },
  {
    id: 'AMZ-KW-BYTES',
    field: 'search_terms',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: search terms under 250 bytes (200 in error 97779 text; 200 on .in, 500 on .co.jp)',
    check(l) {
      const st = norm(l.search_terms);
      if (!st) return [];
      const limit = searchTermByteLimit(attrStr(l, 'marketplace'));
      const n = utf8Bytes(st);
      if (n >= limit)
        return [
          hit(
            'search_terms',
            'blocks_submission',
            `search terms are ${n} bytes (limit < ${limit})`,
            cutAtBytes(st, Math.min(limit - 1, 199)),
          ),
        ];
      if (limit === 250 && n >= 200)
        return [
          hit(
            'search_terms',
            'recommendation',
            `search terms are ${n} bytes; error 97779 names 200`,
            cutAtBytes(st, 199),
          ),
        ];
      return [];
    },
  },
  {
    id: 'AMZ-KW-PROHIBITED',
    field: 'search_terms',
    severity: 'suppresses_listing',
    message: 'search terms must not contain brand names, ASINs/UPCs, temporary or subjective words',
    check(l) {
      const st = norm(l.search_terms);
      if (!st) return [];
      const found = [...findPhrases(st, KW_BRANDS_RE), ...findPhrases(st, KW_WORDS_RE)];
      const own = brandWords(l);
      for (const w of words(st)) if (own.has(w) && !STOP_WORDS.has(w)) found.push(w);
      if (DETECTORS.asin.test(st.toUpperCase())) found.push('ASIN');
      if (/\b\d{8,14}\b/.test(st)) found.push('product code');
      if (found.length === 0) return [];
      const drop = new Set(found.flatMap((f) => words(f)));
      const fixed = words(st)
        .filter((w) => !drop.has(w) && !/^\d{8,14}$/.test(w) && !DETECTORS.asin.test(w.toUpperCase()))
        .join(' ');
      return [
        hit('search_terms', 'suppresses_listing', `prohibited search terms: ${[...new Set(found)].join(', ')}`, fixed),
      ];
    },
  },
  {
    id: 'AMZ-KW-FORMAT',
    field: 'search_terms',
    severity: 'recommendation',
    message:
      'search terms: lower case, space-separated, no punctuation, each word once, no articles, none already in the title',
    check(l) {
      const st = norm(l.search_terms);
      if (!st) return [];
      const problems: string[] = [];
      if (/\p{Lu}/u.test(st)) problems.push('capital letters');
      if (/[,;:.!?"]/.test(st)) problems.push('punctuation');
      const ws = words(st);
      if (new Set(ws).size < ws.length) problems.push('repeated words');
      if (ws.some((w) => STOP_WORDS.has(w))) problems.push('articles or prepositions');
      const titleWords = new Set(words(l.title));
      if (ws.some((w) => titleWords.has(w))) problems.push('words already in the title');
      if (problems.length === 0) return [];
      const fixed = [...new Set(ws)].filter((w) => !STOP_WORDS.has(w) && !titleWords.has(w)).join(' ');
      return [hit('search_terms', 'recommendation', `search terms: ${problems.join(', ')}`, fixed)];
    },
  },
  {
    id: 'AMZ-KW-REQUIRED',
    field: 'search_terms',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: search terms are required for this product type (third-party list of 23 types)',
    check(l) {
      const pt = (l.product_type ?? '')
        .trim()
        .replace(/[\s-]+/g, '_')
        .toUpperCase();
      return KW_REQUIRED_TYPES.has(pt) && !norm(l.search_terms)
        ? [hit('search_terms', 'blocks_submission', `search terms are required for ${pt}`)]
        : [];
    },
  },
  {
    id: 'AMZ-IMG-MAIN-PRESENT',
    field: 'images',
    severity: 'suppresses_listing',
    message: 'a MAIN image is required',
    check(l) {
      return mainImageIndex(l) < 0 ? [hit('images', 'suppresses_listing', 'no MAIN image')] : [];
    },
  },
  {
    id: 'AMZ-IMG-FORMAT',
    field: 'images',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (colour mode): images must be JPEG, TIFF, PNG or non-animated GIF',
    check(l) {
      return (l.images ?? []).flatMap((im, i) => {
        const f = (im.format ?? '').toLowerCase();
        return f && !IMG_FORMATS_OK.has(f)
          ? [hit(`images[${i}]`, 'blocks_submission', `image format ${f} is not accepted`)]
          : [];
      });
    },
  },
  {
    id: 'AMZ-IMG-SIZE',
    field: 'images',
    severity: 'blocks_submission',
    message: 'longest side 500–10,000 px (≥ 1,000 for zoom), file ≤ 10 MB',
    check(l) {
      return (l.images ?? []).flatMap((im, i) => {
        const side = longestSide(im);
        const out = [];
        if (side !== undefined) {
          if (side < 500 || side > 10000)
            out.push(hit(`images[${i}]`, 'blocks_submission', `longest side ${side} px (allowed 500–10000)`));
          else if (side < 1000)
            out.push(hit(`images[${i}]`, 'recommendation', `longest side ${side} px; zoom needs 1000`));
        }
        if (im.file_mb !== undefined && im.file_mb > 10)
          out.push(hit(`images[${i}]`, 'blocks_submission', `file is ${im.file_mb} MB (max 10)`));
        return out;
      });
    },
  },
  {
    id: 'AMZ-IMG-MAIN-BG',
    field: 'images',
    severity: 'suppresses_listing',
    message: 'MAIN image background must be pure white RGB(255,255,255)',
    check(l) {
      const i = mainImageIndex(l);
      const im = l.images?.[i];
      if (!im) return [];
      return isPureWhite(im.corner_rgb) === false
        ? [
            hit(
              `images[${i}]`,
              'suppresses_listing',
              `MAIN corners are not pure white (${JSON.stringify(im.corner_rgb?.[0])})`,
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-IMG-MAIN-FILL',
    field: 'images',
    severity: 'suppresses_listing',
    uncertain: true,
    message: 'uncertain: (measured on the longer side of the product box): the product fills ≥ 85% of the MAIN image',
    check(l) {
      const i = mainImageIndex(l);
      const im = l.images?.[i];
      if (!im || im.product_fill === undefined) return [];
      return im.product_fill < 0.85
        ? [
            hit(
              `images[${i}]`,
              'suppresses_listing',
              `product fills ${Math.round(im.product_fill * 100)}% of the MAIN image (min 85%)`,
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-IMG-MAIN-CONTENT',
    field: 'images',
    severity: 'suppresses_listing',
    message: 'MAIN image shows only the product: no text, logos, watermarks, borders or badges',
    check(l) {
      const i = mainImageIndex(l);
      const im = l.images?.[i];
      if (!im) return [];
      return im.has_overlay || im.has_watermark
        ? [
            hit(
              `images[${i}]`,
              'suppresses_listing',
              `MAIN image has ${im.has_watermark ? 'a watermark' : 'added text or graphics'}`,
            ),
          ]
        : [];
    },
  },
  {
    id: 'AMZ-IMG-COUNT',
    field: 'images',
    severity: 'recommendation',
    message: 'MAIN + up to 8 alternates; 6 or more images recommended',
    check(l) {
      const n = (l.images ?? []).filter((im) => (im.role ?? '').toUpperCase() !== 'SWATCH').length;
      if (n > 9) return [hit('images', 'recommendation', `${n} images; only MAIN + 8 alternates are used`)];
      if (n < 6) return [hit('images', 'recommendation', `${n} images; 6 or more recommended`)];
      return [];
    },
  },
  {
    id: 'AMZ-IMG-CATEGORY',
    field: 'images',
    severity: 'suppresses_listing',
    message: 'category MAIN rules: adult apparel on a model, kids/baby apparel flat',
    check(l) {
      const i = mainImageIndex(l);
      const im = l.images?.[i];
      if (!im || im.on_model === undefined) return [];
      const type = `${l.product_type ?? ''} ${l.item_type_keyword ?? ''}`.toLowerCase();
      const apparel = /shirt|tee|dress|pant|apparel|hoodie|sweater|jacket|legging|short/.test(type);
      if (!apparel) return [];
      const kids = /baby|kid|infant|toddler|child/.test(type);
      if (kids && im.on_model)
        return [hit(`images[${i}]`, 'suppresses_listing', 'kids/baby apparel MAIN must be flat, without a model')];
      if (!kids && !im.on_model)
        return [hit(`images[${i}]`, 'suppresses_listing', 'adult apparel MAIN must show a standing model')];
      return [];
    },
  },
  {
    id: 'AMZ-CLAIM-DISEASE',
    field: 'title',
    severity: 'suppresses_listing',
    uncertain: true,
    message: 'uncertain: (detector is fuzzy, needs human review): no claims to cure, treat or prevent a disease',
    check(l) {
      return textFields(l, { search: true }).flatMap(({ field, text }) =>
        diseaseClaims(text).map((c) =>
          hit(
            field,
            c.symptom ? 'recommendation' : 'suppresses_listing',
            `${c.symptom ? 'symptom' : 'disease'} claim: "${c.term}"`,
          ),
        ),
      );
    },
  },
  {
    id: 'AMZ-CLAIM-PESTICIDE',
    field: 'title',
    severity: 'suppresses_listing',
    uncertain: true,
    message: 'uncertain: (needs human review): pesticidal claims need EPA registration',
    check(l) {
      if (attrStr(l, 'pesticide_marking')) return [];
      return textFields(l, { search: true }).flatMap(({ field, text }) => {
        // Reported even where AMZ-BULLET-CLAIMS also bans the word: each rule fires wherever it holds.
        const f = findPhrases(text, PESTICIDE_RE);
        const fix = field === 'search_terms' ? undefined : removePhrases(text, PESTICIDE_RE).text;
        return f.length ? [hit(field, 'suppresses_listing', `pesticidal claim: ${f.join(', ')}`, fix)] : [];
      });
    },
  },
  {
    id: 'AMZ-CLAIM-ENVIRONMENTAL',
    field: 'title',
    severity: 'suppresses_listing',
    uncertain: true,
    message: 'uncertain: (needs human review): unqualified environmental claims are restricted',
    check(l) {
      return textFields(l, { search: true }).flatMap(({ field, text }) => {
        // An unqualified "eco-friendly" in a bullet is a banned bullet claim and an environmental claim.
        const f = findPhrases(text, ENVIRONMENTAL_RE);
        const fix = field === 'search_terms' ? undefined : removePhrases(text, ENVIRONMENTAL_RE).text;
        return f.length ? [hit(field, 'suppresses_listing', `environmental claim: ${f.join(', ')}`, fix)] : [];
      });
    },
  },
  {
    id: 'AMZ-PRICE-FAIR',
    field: 'price',
    severity: 'suppresses_listing',
    message: 'Fair Pricing: multi-pack unit price ≤ single price; list price only if really charged',
    check(l) {
      const out = [];
      const pack = attrNum(l, 'pack_qty');
      const single = attrNum(l, 'single_unit_price');
      if (l.price !== undefined && pack && pack > 1 && single !== undefined && l.price / pack > single)
        out.push(
          hit(
            'price',
            'suppresses_listing',
            `per-unit price ${(l.price / pack).toFixed(2)} is above the single-unit price ${single.toFixed(2)}`,
          ),
        );
      if (l.list_price !== undefined && attrBool(l, 'list_price_verified') !== true)
        out.push(
          hit(
            'list_price',
            'recommendation',
            'list price shown: confirm the store really sold at it (needs price history)',
          ),
        );
      return out;
    },
  },
  {
    id: 'AMZ-GTIN',
    field: 'gtin',
    severity: 'blocks_submission',
    message: 'a valid GTIN (UPC/EAN/ISBN) is required unless a GTIN exemption was granted',
    check(l) {
      if (attrBool(l, 'gtin_exemption') === true) return [];
      const variants = l.variants ?? [];
      if (!norm(l.gtin) && !variants.some((v) => norm(v.gtin)))
        return [hit('gtin', 'blocks_submission', 'no GTIN and no GTIN exemption')];
      // Every variant is its own Amazon listing: each needs its own GTIN (a single variant may use the product's).
      if (variants.length < 2) return [];
      return variants.flatMap((v, i) =>
        norm(v.gtin)
          ? []
          : [
              hit(
                `variants[${i}].gtin`,
                'blocks_submission',
                `variant ${i + 1}${v.sku ? ` (${v.sku})` : ''} has no GTIN`,
              ),
            ],
      );
    },
  },
  {
    id: 'AMZ-BRAND',
    field: 'brand',
    severity: 'blocks_submission',
    message: 'brand is required ("Generic" for unbranded products)',
    check(l) {
      return norm(l.brand) ? [] : [hit('brand', 'blocks_submission', 'brand is missing')];
    },
  },
];

export const AMAZON_RULES: RuleTable = { channel: 'amazon', version: '2026-11-27.1', rules };
