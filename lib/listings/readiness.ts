/**
 * Readiness of a canonical product per channel: derived and re-checked one SKU at a time
 * (marketplaces list each SKU on its own), summed into one check per product × channel.
 */
import type { CanonicalProduct } from './canonical';
import { type DerivedVariant, deriveListing } from './derive';
import { type AmazonPolicySetting, resolvePolicy } from './policy';
import { type AmazonTitlePolicy, CHANNELS, type Channel, type Verdict } from './types';

/** One product × channel check (derive, then re-check by the channel's rules). */
export interface ChannelCheck {
  checkedAt: string;
  /** Canonical version the check ran on (older than the product's version = stale). */
  version: number;
  verdict: Verdict;
  ready: boolean;
  violations: number;
  blocking: number;
  specialistOwned: boolean;
  rulesVersion: string;
  /** Per SKU (marketplaces list each SKU on its own): each variant derived and checked as a single-variant listing. */
  skus?: Record<string, SkuCheck>;
}

/** One SKU × channel check. */
export interface SkuCheck {
  ready: boolean;
  verdict: Verdict;
  violations: number;
  blocking: number;
}

/** A channel listing derived for one SKU (the product narrowed to that variant). */
export interface SkuVariant {
  sku: string;
  derived: DerivedVariant;
}

export interface CheckSettings {
  policy: AmazonTitlePolicy;
  today: string;
  protectedSkus: readonly string[];
  wholesaleRatio?: number;
}

/** The listings settings in force on a day: what every derive and check of the process uses. */
export interface ListingsContext extends CheckSettings {
  /** The policy follows the date (setting `auto`). */
  auto: boolean;
  wholesaleRatio: number;
}

/** The saved listings settings resolved for `today` (the title policy of `auto` by the date). */
export function listingsContext(
  s: { amazonTitlePolicy: AmazonPolicySetting; protectedSkus: readonly string[]; faireWholesaleRatio: number },
  today: string,
): ListingsContext {
  const { policy, auto } = resolvePolicy(s.amazonTitlePolicy, today);
  return { policy, auto, today, protectedSkus: s.protectedSkus, wholesaleRatio: s.faireWholesaleRatio };
}

const deriveOptions = (s: CheckSettings) => ({
  policy: s.policy,
  today: s.today,
  protectedSkus: s.protectedSkus,
  wholesaleRatio: s.wholesaleRatio,
});

/** Derives and re-checks one product for every channel. */
export function deriveAll(product: CanonicalProduct, s: CheckSettings): Record<Channel, DerivedVariant> {
  const out = {} as Record<Channel, DerivedVariant>;
  for (const channel of CHANNELS) out[channel] = deriveListing(channel, product, deriveOptions(s));
  return out;
}

/** The SKUs a product lists under (a product without SKUs is one listing, under ''). */
export function listingSkus(p: CanonicalProduct): string[] {
  const skus = [...new Set(p.variants.map((v) => v.sku).filter(Boolean))];
  return skus.length ? skus : [''];
}

/** The canonical product narrowed to one variant (the listing is one SKU on Amazon). */
export function singleVariant(p: CanonicalProduct, sku: string): CanonicalProduct {
  const v = p.variants.find((x) => x.sku === sku);
  return v ? { ...p, variants: [v] } : p;
}

/**
 * Derives and re-checks one channel per SKU: each variant as its own single-variant listing, so one
 * variant's bad GTIN keeps only that SKU in draft.
 */
export function deriveSkus(channel: Channel, product: CanonicalProduct, s: CheckSettings): SkuVariant[] {
  return listingSkus(product).map((sku) => ({
    sku,
    derived: deriveListing(channel, sku ? singleVariant(product, sku) : product, deriveOptions(s)),
  }));
}

/** {@link deriveSkus} for every channel. */
export function deriveAllSkus(product: CanonicalProduct, s: CheckSettings): Record<Channel, SkuVariant[]> {
  const out = {} as Record<Channel, SkuVariant[]>;
  for (const channel of CHANNELS) out[channel] = deriveSkus(channel, product, s);
  return out;
}

function skuCheck(d: DerivedVariant): SkuCheck {
  return {
    ready: d.ready,
    verdict: d.verdict,
    violations: d.findings.length,
    blocking: d.findings.filter((f) => f.severity !== 'recommendation').length,
  };
}

const VERDICT_ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/** A product × channel check from its per-SKU variants: ready when every SKU is, with each SKU's result kept. */
export function checkSummarySkus(list: readonly SkuVariant[], version: number, at: string): ChannelCheck {
  const skus: Record<string, SkuCheck> = {};
  for (const { sku, derived } of list) skus[sku] = skuCheck(derived);
  const checks = Object.values(skus);
  return {
    checkedAt: at,
    version,
    verdict: list.reduce<Verdict>(
      (w, { derived }) => (VERDICT_ORDER[derived.verdict] > VERDICT_ORDER[w] ? derived.verdict : w),
      'pass',
    ),
    ready: checks.length > 0 && checks.every((c) => c.ready),
    violations: checks.reduce((n, c) => n + c.violations, 0),
    blocking: checks.reduce((n, c) => n + c.blocking, 0),
    specialistOwned: list.some(({ derived }) => derived.specialistOwned),
    rulesVersion: list[0]?.derived.rulesVersion ?? '',
    skus,
  };
}

/** Every channel's check of a product version from its per-SKU variants. */
export function channelChecks(
  derived: Record<Channel, SkuVariant[]>,
  version: number,
  at: string,
): Record<Channel, ChannelCheck> {
  const out = {} as Record<Channel, ChannelCheck>;
  for (const c of CHANNELS) out[c] = checkSummarySkus(derived[c], version, at);
  return out;
}

/** Re-checks a stored product on every channel: the new checks and how many SKU × channel listings are ready. */
export function recheckProduct(
  p: { product: CanonicalProduct; version: number; checks: Partial<Record<Channel, ChannelCheck>> },
  s: CheckSettings,
  at: string,
): { checks: Partial<Record<Channel, ChannelCheck>>; ready: number } {
  const derived = deriveAllSkus(p.product, s);
  const ready = CHANNELS.reduce((n, c) => n + derived[c].filter((x) => x.derived.ready).length, 0);
  return { checks: { ...p.checks, ...channelChecks(derived, p.version, at) }, ready };
}
