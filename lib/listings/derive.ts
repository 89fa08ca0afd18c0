import type { CanonicalProduct } from './canonical';
import { checkListing, rulesVersion } from './check';
import { toGtin14, toUpTo13 } from './gtin';
import { removePhrases } from './phrase-removal';
import { amazonTitleMax, defaultAmazonPolicy } from './policy';
import { BULLET_CLAIMS_RE, KNOWN_BRANDS, TITLE_BANNED_CHARS, TITLE_PROMO_RE } from './rules/amazon';
import { removeMatches, STOP_WORDS } from './rules/common';
import { slugify } from './rules/shopify';
import { WMT_PROMO_RE, WMT_SPECIAL_CHARS } from './rules/walmart';
import {
  chars,
  cutAtBytes,
  cutAtWord,
  DETECTORS,
  listItems,
  norm,
  paragraphs,
  phraseRegex,
  sentences,
  words,
} from './text';
import type { AmazonTitlePolicy, Channel, ChannelListing, Finding, Verdict } from './types';

export interface PriceFlag {
  sku: string;
  field: 'price' | 'list_price';
  /** What the transform would have set. */
  proposed: number | null;
  /** The live channel price, when known. */
  current: number | null;
  message: string;
}

export interface DerivedVariant {
  channel: Channel;
  productId: string;
  skus: string[];
  listing: ChannelListing;
  findings: Finding[];
  verdict: Verdict;
  /** True only when the re-check finds nothing that blocks submission or suppresses the listing. */
  ready: boolean;
  /** A protected SKU (top seller, hero product): the specialist owns it; suggestions only, never bulk apply. */
  specialistOwned: boolean;
  applyMode: 'bulk' | 'suggestion';
  priceFlags: PriceFlag[];
  /** Human-readable list of the transforms applied, for the panel's "what changed". */
  transforms: string[];
  policy: AmazonTitlePolicy;
  rulesVersion: string;
}

export interface DeriveOptions {
  protectedSkus?: readonly string[];
  policy?: AmazonTitlePolicy;
  /** The check date, YYYY-MM-DD (see `CheckOptions.today`). */
  today: string;
  /** Current prices on the channel per SKU, so price differences on protected SKUs can be flagged. */
  livePrices?: Record<string, number>;
  /** Faire wholesale = retail × this (keystone 0.5). */
  wholesaleRatio?: number;
}

const SEARCH_DROP_RE = phraseRegex([
  ...KNOWN_BRANDS,
  'new',
  'latest',
  'best',
  'cheap',
  'cheapest',
  'amazing',
  'sale',
  'today',
  'popular',
  'trending',
  'current',
  'discounted',
  'effective',
  'fastest',
  'most',
  'least',
]);
const CONTACT_SENTENCE = new RegExp(
  `${DETECTORS.email.source}|${DETECTORS.url.source}|${DETECTORS.bareDomain.source}|free shipping|call us|leave a review`,
  'i',
);

/** Bullets from the description: its `<li>` items, else its sentences (listing-rules §1.8). */
export function bulletsFromDescription(html: string, max = 5): string[] {
  const items = listItems(html);
  const source = items.length ? items : paragraphs(html).flatMap(sentences);
  const out: string[] = [];
  for (const raw of source) {
    if (CONTACT_SENTENCE.test(raw)) continue;
    const b = raw.replace(/\s+/g, ' ').trim();
    if (chars(b) < 10) continue;
    if (out.some((o) => o.toLowerCase() === b.toLowerCase())) continue;
    out.push(chars(b) > 255 ? cutAtWord(b, 255) : b);
    if (out.length === max) break;
  }
  return out;
}

/** Plain description paragraphs without contact details or links. */
function cleanParagraphs(html: string): string[] {
  return paragraphs(html)
    .map((p) =>
      sentences(p)
        // A lone question ("Questions?") is left over when the contact sentence after it is dropped.
        .filter((s) => !CONTACT_SENTENCE.test(s) && !(s.endsWith('?') && words(s).length < 3))
        .join(' '),
    )
    .filter(Boolean);
}

/** Backend search terms from tags and product type: lower case, each word once, nothing from the title or brand. */
export function searchTermsFrom(p: CanonicalProduct, title: string, maxBytes = 199): string {
  const exclude = new Set([...words(title), ...words(p.vendor)]);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words(removeMatches([...p.tags, p.product_type].join(' '), SEARCH_DROP_RE))) {
    const clean = w.replace(/[^\p{L}\p{N}']/gu, '');
    if (!clean || STOP_WORDS.has(clean) || exclude.has(clean) || seen.has(clean) || /^\d{8,14}$/.test(clean)) continue;
    seen.add(clean);
    out.push(clean);
  }
  return cutAtBytes(out.join(' '), maxBytes);
}

/** The canonical product as a channel would receive it untouched (for "before" checks): title, HTML, tags as search terms. */
export function asIsListing(p: CanonicalProduct): ChannelListing {
  return { ...baseListing(p), description: p.description_html, search_terms: p.tags.join(' ') };
}

/** Image roles by position when a Shopify image has none: the first is MAIN, then PT01… PT08. */
const IMAGE_ROLES = ['MAIN', 'PT01', 'PT02', 'PT03', 'PT04', 'PT05', 'PT06', 'PT07', 'PT08'] as const;

function baseListing(p: CanonicalProduct): ChannelListing {
  const first = p.variants[0];
  return {
    title: norm(p.title),
    brand: norm(p.vendor) || undefined,
    product_type: norm(p.product_type) || undefined,
    item_type_keyword: norm(p.product_type).toLowerCase() || undefined,
    gtin: p.variants.length === 1 && first?.barcode ? first.barcode : undefined,
    price: first?.price ?? undefined,
    // Shopify's compare-at price is a list price only when it is above the price (SHOP-COMPARE-AT).
    list_price:
      first?.compare_at_price != null && first.price != null && first.compare_at_price > first.price
        ? first.compare_at_price
        : undefined,
    images: p.images.map((im, i) => ({ ...im, role: im.role ?? IMAGE_ROLES[Math.min(i, 8)]! })),
    variants: channelVariants(p),
    attributes: {},
  };
}

/** The canonical variants in the checker's shape (barcode as GTIN). */
export function channelVariants(p: CanonicalProduct): NonNullable<ChannelListing['variants']> {
  return p.variants.map((v) => ({
    sku: v.sku,
    gtin: v.barcode || undefined,
    price: v.price ?? undefined,
    compare_at_price: v.compare_at_price ?? undefined,
    options: v.options,
  }));
}

function titleWithBrandFirst(title: string, brand: string): string {
  if (!brand || title.toLowerCase().startsWith(brand.toLowerCase())) return title;
  const without = removeMatches(title, phraseRegex([brand]));
  return `${brand} ${without}`.trim();
}

/** Title without promotional phrases or ! ? — what no channel wants in a product name. */
function plainTitle(title: string): string {
  return tidy(removeMatches(removeMatches(title, TITLE_PROMO_RE), /\d+\s?%\s?off\b/gi).replace(/[!?]+/g, ' '));
}

function tidy(s: string): string {
  return s
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/^[\s,;:/|–—-]+|[\s,;:/|–—-]+$/gu, '')
    .trim();
}

function channelTransform(
  channel: Channel,
  p: CanonicalProduct,
  policy: AmazonTitlePolicy,
  t: string[],
): ChannelListing {
  const l = baseListing(p);
  const brand = norm(p.vendor);
  const html = p.description_html;
  switch (channel) {
    case 'amazon': {
      let title = tidy(
        removeMatches(removeMatches(l.title, TITLE_PROMO_RE), /\d+\s?%\s?off\b/gi).replace(TITLE_BANNED_CHARS, ' '),
      );
      title = tidy(title.replace(/[ÆŠŒŸŽ©®™★♥]|\p{Extended_Pictographic}\uFE0F?/gu, ''));
      title = titleWithBrandFirst(title, brand);
      const max = amazonTitleMax(policy, l.product_type);
      if (chars(title) > max) {
        const cut = cutAtWord(title, max);
        const rest = tidy(title.slice(cut.length));
        if (policy === 'amazon-2026-07' && rest) l.highlights = cutAtWord(rest.replace(/\s+-\s+/g, ', '), 125);
        t.push(
          `title cut at a word boundary to ${max} characters${l.highlights ? '; overflow moved to item highlights' : ''}`,
        );
        title = cut;
      }
      l.title = title;
      // A claim comes out with its phrase ("Eco-friendly dyes, pre-shrunk fabric" → "Pre-shrunk fabric"), never as "Dyes, …".
      l.bullets = bulletsFromDescription(html).map((b) => {
        const claim = removePhrases(b, BULLET_CLAIMS_RE);
        if (claim.removed.length)
          t.push(
            claim.text
              ? `took “${claim.dropped.join('”, “') || claim.removed.join('”, “')}” out of “${b}”: Amazon bans unqualified claims in bullets; name a certification instead if one backs it`
              : `left out the bullet “${b}”: it only held a claim Amazon bans in bullets`,
          );
        return tidy(
          claim.text
            .replace(/°/g, ' degrees')
            .replace(/[™®€…†‡¢£¥©±~]/gu, '')
            .replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')
            .replace(/[.!]+$/, '')
            .replace(/(\d)(ml|oz|lb|lbs|kg|g|cm|mm|in|ft)\b/gi, '$1 $2')
            .replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
        );
      });
      l.bullets = l.bullets.filter((b) => chars(b) >= 10);
      t.push(`${l.bullets.length} bullets built from the description`);
      l.description = cutAtWord(cleanParagraphs(html).join('<br>'), 2000);
      t.push('description reduced to plain text with <br>');
      l.search_terms = searchTermsFrom(p, l.title);
      t.push('search terms from tags, ≤ 199 bytes');
      break;
    }
    case 'walmart': {
      let title = tidy(removeMatches(l.title, WMT_PROMO_RE).replace(WMT_SPECIAL_CHARS, ''));
      title = titleWithBrandFirst(title, brand);
      if (chars(title) > 150) {
        title = cutAtWord(title, 150);
        t.push('product name cut to 150 characters');
      }
      l.title = title;
      l.bullets = bulletsFromDescription(html, 10).map((b) =>
        tidy(removeMatches(b, WMT_PROMO_RE).replace(WMT_SPECIAL_CHARS, '')),
      );
      l.description = cutAtWord(cleanParagraphs(html).join('\n'), 4000);
      t.push('key features from the description; description as plain text');
      if (l.gtin) l.gtin = toGtin14(l.gtin);
      for (const v of l.variants ?? []) if (v.gtin) v.gtin = toGtin14(v.gtin);
      t.push('GTINs padded to 14 digits');
      if (l.price !== undefined) l.attributes = { ...l.attributes, reference_price: l.price };
      break;
    }
    case 'ebay': {
      let title = tidy(plainTitle(l.title).replace(/[™♥½®©★☆♡]/gu, ''));
      if (chars(title) > 80) {
        title = cutAtWord(title, 80);
        t.push('title cut to 80 characters');
      }
      l.title = title;
      // Rebuilt from clean parts: paragraphs and list items as simple HTML, no scripts, links or contact lines.
      const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const items = listItems(html).filter((i) => !CONTACT_SENTENCE.test(i));
      l.description = [
        ...cleanParagraphs(html).map((p) => `<p>${esc(p)}</p>`),
        items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '',
      ].join('');
      t.push('description rebuilt as simple HTML without active content or contact details');
      l.attributes = { ...l.attributes, mpn: 'Does not apply', condition: 'new' };
      break;
    }
    case 'target': {
      l.title = titleWithBrandFirst(plainTitle(l.title), brand);
      l.bullets = bulletsFromDescription(html);
      l.description = cleanParagraphs(html).join('\n');
      if (l.gtin) l.gtin = toUpTo13(l.gtin);
      for (const v of l.variants ?? []) if (v.gtin) v.gtin = toUpTo13(v.gtin);
      t.push('UPC limited to 13 digits; description as plain text');
      break;
    }
    case 'faire': {
      l.title = plainTitle(l.title);
      l.description = cleanParagraphs(html).join('\n');
      t.push('description as plain text');
      break;
    }
    case 'shopify': {
      l.description = html;
      l.seo_title = p.seo_title || undefined;
      l.seo_description = p.seo_description || undefined;
      l.handle = p.handle || slugify(p.title);
      l.tags = p.tags;
      l.options = p.options;
      break;
    }
  }
  return l;
}

const FIXABLE =
  /^(title|description|search_terms|highlights|subtitle|seo_title|seo_description|handle|bullets\[\d+\])$/;

function applyFix(l: ChannelListing, field: string, fix: unknown): boolean {
  if (typeof fix !== 'string') return false;
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) {
    const bs = [...(l.bullets ?? [])];
    const i = Number(m[1]);
    if (bs[i] === fix) return false;
    if (fix.trim() === '') bs.splice(i, 1);
    else bs[i] = fix;
    l.bullets = bs;
    return true;
  }
  const rec = l as Record<string, unknown>;
  if (rec[field] === fix) return false;
  rec[field] = fix;
  return true;
}

/**
 * Derives a channel variant from the canonical product by deterministic transforms, then re-checks
 * it with the channel's rules, applying each rule's own fix until nothing more can be fixed.
 */
export function deriveListing(channel: Channel, canonical: CanonicalProduct, opts: DeriveOptions): DerivedVariant {
  const today = opts.today;
  const policy = opts.policy ?? defaultAmazonPolicy(today);
  const transforms: string[] = [];
  const listing = channelTransform(channel, canonical, policy, transforms);

  const protectedSet = new Set(opts.protectedSkus ?? []);
  const skus = canonical.variants.map((v) => v.sku).filter(Boolean);
  const specialistOwned = skus.some((s) => protectedSet.has(s));
  const priceFlags: PriceFlag[] = [];

  if (channel === 'faire') {
    const ratio = opts.wholesaleRatio ?? 0.5;
    const retail = listing.price;
    if (retail !== undefined) {
      listing.attributes = { ...listing.attributes, retail_price: retail };
      listing.price = Math.round(retail * ratio * 100) / 100;
      for (const v of listing.variants ?? [])
        if (v.price !== undefined) v.price = Math.round(v.price * ratio * 100) / 100;
      transforms.push(`wholesale = retail × ${ratio}`);
    }
  }

  // Protected SKUs: price changes are flagged for the specialist, never proposed.
  if (specialistOwned) {
    for (const v of listing.variants ?? []) {
      if (!protectedSet.has(v.sku)) continue;
      const current = opts.livePrices?.[v.sku] ?? null;
      const proposed = v.price ?? null;
      if (proposed !== null && current !== proposed)
        priceFlags.push({
          sku: v.sku,
          field: 'price',
          proposed,
          current,
          message:
            current === null
              ? `specialist-owned: price ${proposed.toFixed(2)} not proposed; the live price is the specialist's call`
              : `specialist-owned: canonical-derived price ${proposed.toFixed(2)} differs from live ${current.toFixed(2)}; flagged, not proposed`,
        });
      v.price = current ?? undefined;
    }
    const firstProtected = (listing.variants ?? []).find((v) => protectedSet.has(v.sku));
    if (firstProtected && listing.variants?.length === 1) listing.price = firstProtected.price;
    else if (firstProtected) listing.price = undefined;
  }

  let result = checkListing(channel, listing, { policy, today });
  for (let round = 0; round < 6; round++) {
    const touched = new Set<string>();
    let changed = false;
    for (const f of result.findings) {
      if (f.fix === undefined || !FIXABLE.test(f.field) || touched.has(f.field)) continue;
      if (applyFix(listing, f.field, f.fix)) {
        touched.add(f.field);
        transforms.push(`${f.rule}: fixed ${f.field}`);
        changed = true;
        // Removing a bullet shifts the indices of the others: re-check before the next bullet fix.
        if (f.field.startsWith('bullets')) break;
      }
    }
    if (!changed) break;
    result = checkListing(channel, listing, { policy, today });
  }

  return {
    channel,
    productId: canonical.id,
    skus,
    listing,
    findings: result.findings,
    verdict: result.verdict,
    ready: result.verdict !== 'fail',
    specialistOwned,
    applyMode: specialistOwned ? 'suggestion' : 'bulk',
    priceFlags,
    transforms,
    policy,
    rulesVersion: rulesVersion(channel),
  };
}
