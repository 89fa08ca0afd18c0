import { chars, cutAtWord, DETECTORS, EMOJI, findPhrases, htmlToText, norm } from '../text';
import type { Rule, RuleTable } from '../types';
import { KNOWN_BRANDS } from './amazon';
import { attrList, attrStr, hit, longestSide } from './common';
import { WMT_PROMO_RE } from './walmart';

const EBAY_CHARS = /[™♥½®©★☆♡¹²³⁰-⁹₀-₉]/gu;
const COMPARE_BRAND_RE = new RegExp(
  `\\b(like|not|similar to|style of|inspired by|vs\\.?)\\s+(${KNOWN_BRANDS.map((b) => b.replace(/'/g, "'?")).join('|')})\\b`,
  'iu',
);
const ACTIVE_RE = /<\s*(script|form|object|embed|applet|iframe)\b|\son[a-z]+\s*=|javascript:/i;
const SHORTENERS = /\b(bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly)\b/i;

function aspectsOf(attrs: Record<string, unknown> | undefined): [string, string][] {
  const a = attrs?.aspects;
  if (!a || typeof a !== 'object') return [];
  return Object.entries(a as Record<string, unknown>).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x) => [k, String(x)] as [string, string]),
  );
}

const rules: Rule[] = [
  {
    id: 'EBAY-TITLE-LEN',
    field: 'title',
    severity: 'blocks_submission',
    message: 'title at most 80 characters',
    check(l) {
      const n = chars(l.title);
      return n > 80
        ? [hit('title', 'blocks_submission', `title has ${n} characters (max 80)`, cutAtWord(l.title, 80))]
        : [];
    },
  },
  {
    id: 'EBAY-SUBTITLE-LEN',
    field: 'subtitle',
    severity: 'blocks_submission',
    message: 'subtitle at most 55 characters',
    check(l) {
      const n = chars(l.subtitle);
      return n > 55
        ? [
            hit(
              'subtitle',
              'blocks_submission',
              `subtitle has ${n} characters (max 55)`,
              cutAtWord(l.subtitle ?? '', 55),
            ),
          ]
        : [];
    },
  },
  {
    id: 'EBAY-CHARS',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'no superscript/subscript or decorative symbols (™ ♥ ½) in title, subtitle or item specifics',
    check(l) {
      const fields = [
        { field: 'title', text: l.title },
        { field: 'subtitle', text: l.subtitle ?? '' },
        ...aspectsOf(l.attributes).map(([k, v]) => ({ field: `attributes.aspects.${k}`, text: `${k} ${v}` })),
      ];
      return fields.flatMap(({ field, text }) => {
        const f = [...new Set(norm(text).match(EBAY_CHARS) ?? [])];
        if (EMOJI.test(text) && !f.length) f.push('emoji');
        return f.length
          ? [
              hit(
                field,
                'suppresses_listing',
                `decorative characters: ${f.join(' ')}`,
                field === 'title'
                  ? norm(text)
                      .replace(EBAY_CHARS, '')
                      .replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')
                      .replace(/\s{2,}/g, ' ')
                      .trim()
                  : undefined,
              ),
            ]
          : [];
      });
    },
  },
  {
    id: 'EBAY-KEYWORD-SPAM',
    field: 'title',
    severity: 'suppresses_listing',
    message: 'only words describing the item: no other brands, comparisons or "?"',
    check(l) {
      const out = [];
      if (l.title.includes('?'))
        out.push(hit('title', 'suppresses_listing', 'title contains "?"', norm(l.title).replace(/\?/g, '').trim()));
      for (const { field, text } of [
        { field: 'title', text: l.title },
        { field: 'description', text: htmlToText(l.description ?? '') },
      ]) {
        const m = norm(text).match(COMPARE_BRAND_RE);
        if (m) out.push(hit(field, 'suppresses_listing', `comparison with another brand: "${m[0]}"`));
      }
      return out;
    },
  },
  {
    id: 'EBAY-ASPECTS',
    field: 'attributes.aspects',
    severity: 'blocks_submission',
    uncertain: true,
    message:
      'uncertain: (limits differ by API): required item specifics present, ≤ 45 pairs, name ≤ 40 and value ≤ 50 characters',
    check(l) {
      const pairs = aspectsOf(l.attributes);
      const out = [];
      const names = new Set(pairs.map(([k]) => k.toLowerCase()));
      const required = (attrList(l, 'required_aspects') ?? []).map(String);
      const missing = required.filter((r) => !names.has(r.toLowerCase()));
      if (missing.length)
        out.push(
          hit('attributes.aspects', 'blocks_submission', `missing required item specifics: ${missing.join(', ')}`),
        );
      if (names.size > 45)
        out.push(hit('attributes.aspects', 'blocks_submission', `${names.size} item specifics (max 45)`));
      for (const [k, v] of pairs) {
        if (chars(k) > 40)
          out.push(hit(`attributes.aspects.${k}`, 'blocks_submission', `item specific name "${k}" over 40 characters`));
        if (chars(v) > 50)
          out.push(hit(`attributes.aspects.${k}`, 'blocks_submission', `value of "${k}" over 50 characters`));
        if (findPhrases(v, WMT_PROMO_RE).length)
          out.push(hit(`attributes.aspects.${k}`, 'blocks_submission', `promotional text in "${k}"`));
      }
      return out;
    },
  },
  {
    id: 'EBAY-PRODUCT-ID',
    field: 'gtin',
    severity: 'blocks_submission',
    message: 'new branded items need Brand + MPN + GTIN (or "Does not apply")',
    check(l) {
      const condition = (attrStr(l, 'condition') ?? 'new').toLowerCase();
      if (!condition.startsWith('new') && !condition.includes('manufacturer refurbished')) return [];
      const out = [];
      const mpn = attrStr(l, 'mpn') ?? '';
      if (!norm(l.brand)) out.push(hit('brand', 'blocks_submission', 'brand is missing'));
      if (!norm(l.gtin) && !(l.variants ?? []).some((v) => norm(v.gtin)))
        out.push(hit('gtin', 'blocks_submission', 'no UPC/EAN/ISBN; send "Does not apply" if none exists'));
      if (!norm(mpn))
        out.push(
          hit('attributes.mpn', 'blocks_submission', 'MPN is missing ("Does not apply" if none)', 'Does not apply'),
        );
      else if (chars(mpn) > 65) out.push(hit('attributes.mpn', 'blocks_submission', 'MPN over 65 characters'));
      return out;
    },
  },
  {
    id: 'EBAY-DESC-LEN',
    field: 'description',
    severity: 'blocks_submission',
    message: 'description ≤ 500,000 characters incl. HTML (Inventory API: 4,000)',
    check(l) {
      const max = attrStr(l, 'api') === 'inventory' ? 4000 : 500000;
      const n = chars(l.description);
      return n > max ? [hit('description', 'blocks_submission', `description has ${n} characters (max ${max})`)] : [];
    },
  },
  {
    id: 'EBAY-DESC-ACTIVE',
    field: 'description',
    severity: 'blocks_submission',
    message: 'no active content (JavaScript, forms, plug-ins) in the description',
    check(l) {
      const d = l.description ?? '';
      if (!ACTIVE_RE.test(d)) return [];
      const fixed = d
        .replace(/<(script|form|object|embed|applet|iframe)\b[\s\S]*?<\/\1>/gi, '')
        .replace(/<(script|form|object|embed|applet|iframe)\b[^>]*\/?>/gi, '')
        .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        .replace(/javascript:[^"'\s>]*/gi, '');
      return [hit('description', 'blocks_submission', 'description contains active content', fixed)];
    },
  },
  {
    id: 'EBAY-LINKS-CONTACT',
    field: 'description',
    severity: 'suppresses_listing',
    message: 'no e-mail, phone, off-eBay or non-HTTPS links, no shortened URLs',
    check(l) {
      const fields = [
        { field: 'title', text: l.title },
        { field: 'subtitle', text: l.subtitle ?? '' },
        { field: 'description', text: l.description ?? '' },
      ];
      return fields.flatMap(({ field, text }) => {
        const problems: string[] = [];
        if (DETECTORS.email.test(text)) problems.push('e-mail address');
        const phones = text.match(/\+?\d[\d\s().-]{8,}\d/g) ?? [];
        if (phones.some((p) => p.startsWith('+') || /[\s().-]/.test(p))) problems.push('phone number');
        if (SHORTENERS.test(text)) problems.push('shortened URL');
        for (const m of text.matchAll(/(https?:\/\/[^\s"'<>]+|www\.[^\s"'<>]+)/gi)) {
          const u = m[0];
          if (!u.toLowerCase().startsWith('https://')) problems.push(`non-HTTPS link ${u}`);
          else if (!/^https:\/\/([a-z0-9-]+\.)*(ebay\.[a-z.]+|ebayimg\.com|youtube\.com|youtu\.be)(\/|$)/i.test(u))
            problems.push(`off-eBay link ${u}`);
        }
        return problems.length ? [hit(field, 'suppresses_listing', [...new Set(problems)].join(', '))] : [];
      });
    },
  },
  {
    id: 'EBAY-DESC-MOBILE',
    field: 'description',
    severity: 'recommendation',
    message: 'mobile shows 800 characters: add a schema.org description snippet to long descriptions',
    check(l) {
      const d = l.description ?? '';
      if (chars(htmlToText(d)) <= 800) return [];
      return /itemprop\s*=\s*["']description["']/i.test(d)
        ? []
        : [hit('description', 'recommendation', 'long description without a mobile snippet (itemprop="description")')];
    },
  },
  {
    id: 'EBAY-PHOTO',
    field: 'images',
    severity: 'blocks_submission',
    uncertain: true,
    message: 'uncertain: (watermark policy changed): ≥ 1 photo, longest side ≥ 500 px, no borders, text or watermarks',
    check(l) {
      const imgs = l.images ?? [];
      if (imgs.length === 0) return [hit('images', 'blocks_submission', 'no photos')];
      return imgs.flatMap((im, i) => {
        const out = [];
        const side = longestSide(im);
        if (side !== undefined && side < 500)
          out.push(hit(`images[${i}]`, 'blocks_submission', `longest side ${side} px (min 500)`));
        else if (side !== undefined && side < 1000)
          out.push(hit(`images[${i}]`, 'recommendation', `longest side ${side} px (1000+ recommended)`));
        if (im.has_overlay || im.has_watermark)
          out.push(hit(`images[${i}]`, 'suppresses_listing', 'photo has a border, text or watermark'));
        return out;
      });
    },
  },
  {
    id: 'EBAY-PHOTO-COUNT',
    field: 'images',
    severity: 'blocks_submission',
    message: '≤ 24 pictures, HTTPS URLs, not mixing eBay-hosted and self-hosted',
    check(l) {
      const imgs = l.images ?? [];
      const out = [];
      if (imgs.length > 24) out.push(hit('images', 'blocks_submission', `${imgs.length} pictures (max 24)`));
      const urls = imgs.map((im) => im.url ?? '').filter((u) => u && !u.startsWith('data:'));
      if (urls.some((u) => u.startsWith('http://')))
        out.push(hit('images', 'blocks_submission', 'picture URL is not HTTPS'));
      const hosted = urls.filter((u) => /ebayimg\.com/i.test(u)).length;
      if (hosted > 0 && hosted < urls.length)
        out.push(hit('images', 'blocks_submission', 'mixes eBay-hosted and self-hosted pictures'));
      return out;
    },
  },
];

export const EBAY_RULES: RuleTable = { channel: 'ebay', version: '2026-11-27.1', rules };
