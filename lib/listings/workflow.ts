/**
 * The listings process as the extension runs it: capture the canonical product, check and derive
 * per channel, read a Seller Central editor into violations, drift and suggestions, and turn recorded
 * marketplace statuses into the catalogue's status per product × channel. Plain functions of plain
 * data (the background stores the results in Dexie).
 */
import { checkListing, verdictOf } from './check';
import { type DerivedVariant, deriveListing } from './derive';
import { type DriftEntry, listingDrift } from './drift';
import { cleanGtin } from './gtin';
import { type CanonicalChange, type CanonicalProduct, diffCanonical } from './model';
import { defaultAmazonPolicy } from './policy';
import { GTIN_RULES } from './rules/gtin';
import { htmlToText, norm } from './text';
import {
  type AmazonTitlePolicy,
  CHANNELS,
  type Channel,
  type ChannelListing,
  type Finding,
  type Severity,
  type Verdict,
} from './types';

export type AmazonPolicySetting = 'auto' | AmazonTitlePolicy;

/** The policy in force: the setting, or the date's regime for `auto`. */
export function resolvePolicy(
  setting: AmazonPolicySetting,
  today: string,
): { policy: AmazonTitlePolicy; auto: boolean } {
  return setting === 'auto' ? { policy: defaultAmazonPolicy(today), auto: true } : { policy: setting, auto: false };
}

// ---------------------------------------------------------------------------------------------
// Canonical capture

/** A stored canonical version (Dexie `products`). */
export interface ProductRecord {
  id: string;
  product: CanonicalProduct;
  version: number;
  capturedAt: string;
  updatedAt: string;
  source: string;
  /** Shopify's product status as read ("Active", "Draft"), or null. */
  shopifyStatus: string | null;
  checks: Partial<Record<Channel, ChannelCheck>>;
}

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

/** A history entry (Dexie `productHistory`). */
export interface HistoryRecord {
  id: string;
  productId: string;
  version: number;
  at: string;
  changes: CanonicalChange[];
}

function shortValue(v: unknown): unknown {
  if (typeof v === 'string') return v.length > 300 ? `${v.slice(0, 297)}…` : v;
  if (v === null || typeof v !== 'object') return v;
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 297)}…` : v;
}

/**
 * Captures a product read from Shopify: a new version (with its history entry) when anything
 * changed since the stored one, else the stored record untouched.
 */
export function captureCanonical(
  prev: ProductRecord | null,
  product: CanonicalProduct,
  meta: { at: string; source: string; shopifyStatus: string | null },
): { record: ProductRecord; history: HistoryRecord | null; changed: boolean } {
  const id = product.id || product.handle || product.title;
  const changes = diffCanonical(prev?.product ?? null, product);
  if (prev && changes.length === 0) {
    const statusChanged = prev.shopifyStatus !== meta.shopifyStatus;
    return {
      record: statusChanged ? { ...prev, shopifyStatus: meta.shopifyStatus } : prev,
      history: null,
      changed: statusChanged,
    };
  }
  const version = (prev?.version ?? 0) + 1;
  const record: ProductRecord = {
    id,
    product: { ...product, id },
    version,
    capturedAt: prev?.capturedAt ?? meta.at,
    updatedAt: meta.at,
    source: meta.source,
    shopifyStatus: meta.shopifyStatus,
    checks: prev?.checks ?? {},
  };
  const history: HistoryRecord = {
    id: `${id}:${version}`,
    productId: id,
    version,
    at: meta.at,
    changes: changes
      .slice(0, 200)
      .map((c) => ({ field: c.field, before: shortValue(c.before), after: shortValue(c.after) })),
  };
  return { record, history, changed: true };
}

export interface CheckSettings {
  policy: AmazonTitlePolicy;
  today: string;
  protectedSkus: readonly string[];
  wholesaleRatio?: number;
}

/** Derives and re-checks one product for every channel. */
export function deriveAll(product: CanonicalProduct, s: CheckSettings): Record<Channel, DerivedVariant> {
  const out = {} as Record<Channel, DerivedVariant>;
  for (const channel of CHANNELS)
    out[channel] = deriveListing(channel, product, {
      policy: s.policy,
      today: s.today,
      protectedSkus: s.protectedSkus,
      wholesaleRatio: s.wholesaleRatio,
    });
  return out;
}

/** The SKUs a product lists under (a product without SKUs is one listing, under ''). */
export function listingSkus(p: CanonicalProduct): string[] {
  const skus = [...new Set(p.variants.map((v) => v.sku).filter(Boolean))];
  return skus.length ? skus : [''];
}

/**
 * Derives and re-checks one channel per SKU: each variant as its own single-variant listing, so one
 * variant's bad GTIN keeps only that SKU in draft.
 */
export function deriveSkus(channel: Channel, product: CanonicalProduct, s: CheckSettings): SkuVariant[] {
  return listingSkus(product).map((sku) => ({
    sku,
    derived: deriveListing(channel, sku ? singleVariant(product, sku) : product, {
      policy: s.policy,
      today: s.today,
      protectedSkus: s.protectedSkus,
      wholesaleRatio: s.wholesaleRatio,
    }),
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

export function checkSummary(d: DerivedVariant, version: number, at: string): ChannelCheck {
  return {
    checkedAt: at,
    version,
    verdict: d.verdict,
    ready: d.ready,
    violations: d.findings.length,
    blocking: d.findings.filter((f) => f.severity !== 'recommendation').length,
    specialistOwned: d.specialistOwned,
    rulesVersion: d.rulesVersion,
  };
}

/** The canonical product as Shopify holds it, in the checker's shape (for the Shopify rules as-is). */
export function shopifyAsIs(p: CanonicalProduct): ChannelListing {
  const first = p.variants[0];
  return {
    title: norm(p.title),
    description: p.description_html,
    brand: norm(p.vendor) || undefined,
    product_type: norm(p.product_type) || undefined,
    seo_title: p.seo_title || undefined,
    seo_description: p.seo_description || undefined,
    handle: p.handle || undefined,
    tags: p.tags,
    options: p.options,
    price: first?.price ?? undefined,
    images: p.images,
    variants: p.variants.map((v) => ({
      sku: v.sku,
      gtin: v.barcode || undefined,
      price: v.price ?? undefined,
      compare_at_price: v.compare_at_price ?? undefined,
      options: v.options,
    })),
  };
}

export interface GtinProblem {
  sku: string;
  code: string;
  rule: string;
  severity: Severity;
  message: string;
}

/** GTIN problems of every variant barcode (format, check digit, prefix…), by SKU. */
export function gtinProblems(p: CanonicalProduct, today: string): GtinProblem[] {
  const out: GtinProblem[] = [];
  p.variants.forEach((v) => {
    const code = norm(v.barcode);
    if (!code) return;
    const listing: ChannelListing = { title: p.title, gtin: code, product_type: p.product_type };
    for (const rule of GTIN_RULES.rules) {
      for (const h of rule.check(listing, { channel: 'amazon', policy: defaultAmazonPolicy(today), today }))
        out.push({ sku: v.sku || '(no SKU)', code, rule: rule.id, severity: h.severity, message: h.message });
    }
  });
  return out;
}

/** Variants without a barcode (every marketplace needs a GTIN or an exemption). */
export function missingBarcodes(p: CanonicalProduct): string[] {
  return p.variants.filter((v) => !norm(v.barcode)).map((v) => v.sku || '(no SKU)');
}

// ---------------------------------------------------------------------------------------------
// Seller Central listing editor

/** A finding with its place on the page, for the panel and for the outline next to the field. */
export interface FieldFinding {
  rule: string;
  field: string;
  severity: Severity;
  message: string;
}

/** A suggested value for one field, with the rules it fixes and whether the panel may put it on the page. */
export interface Suggestion {
  field: string;
  label: string;
  current: string;
  proposed: string;
  /** Rule ids whose findings on this field the proposal clears, and where it came from. */
  fixes: string[];
  source: 'canonical' | 'rule-fix';
  /** The proposal passes the field's rules. */
  clean: boolean;
}

export interface PriceFlagView {
  sku: string;
  message: string;
}

/** Field label for the panel (`bullets[2]` → "Bullet 3"). */
export function fieldLabel(field: string): string {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) return `Bullet ${Number(m[1]) + 1}`;
  const v = field.match(/^variants\[(\d+)\]\.(\w+)$/);
  if (v) return `Variant ${Number(v[1]) + 1} ${v[2]}`;
  const img = field.match(/^images\[(\d+)\]/);
  if (img) return `Image ${Number(img[1]) + 1}`;
  const names: Record<string, string> = {
    title: 'Item name',
    brand: 'Brand',
    description: 'Description',
    search_terms: 'Search terms',
    item_type_keyword: 'Item type keyword',
    gtin: 'Product ID (GTIN)',
    price: 'Your price',
    list_price: 'List price',
    highlights: 'Item highlights',
    images: 'Images',
    bullets: 'Bullets',
  };
  return names[field] ?? field;
}

/** The canonical product a listing belongs to: by SKU, else by GTIN. */
export function matchCanonical(
  products: readonly ProductRecord[],
  sku: string | null,
  gtin: string | undefined,
): { record: ProductRecord; matchedBy: 'sku' | 'gtin'; variantSku: string } | null {
  if (sku) {
    for (const r of products) {
      const v = r.product.variants.find((x) => x.sku && x.sku === sku);
      if (v) return { record: r, matchedBy: 'sku', variantSku: v.sku };
    }
  }
  const g = cleanGtin(gtin ?? '');
  if (g.length >= 8) {
    for (const r of products) {
      const v = r.product.variants.find((x) => cleanGtin(x.barcode).padStart(14, '0') === g.padStart(14, '0'));
      if (v) return { record: r, matchedBy: 'gtin', variantSku: v.sku };
    }
  }
  return null;
}

/** The canonical product narrowed to one variant (the listing is one SKU on Amazon). */
export function singleVariant(p: CanonicalProduct, sku: string): CanonicalProduct {
  const v = p.variants.find((x) => x.sku === sku);
  return v ? { ...p, variants: [v] } : p;
}

const TEXT_FIELDS = ['title', 'brand', 'item_type_keyword', 'description', 'search_terms', 'highlights'] as const;

function fieldValue(l: ChannelListing, field: string): string {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) return l.bullets?.[Number(m[1])] ?? '';
  const v = (l as Record<string, unknown>)[field];
  return typeof v === 'number' ? v.toFixed(2) : typeof v === 'string' ? v : '';
}

function sameText(a: string, b: string): boolean {
  const t = (s: string) => htmlToText(norm(s)).replace(/\s+/g, ' ').trim();
  return t(a) === t(b);
}

export interface EditorReportInput {
  live: ChannelListing;
  sku: string | null;
  products: readonly ProductRecord[];
  policy: AmazonTitlePolicy;
  today: string;
  protectedSkus: readonly string[];
}

export interface EditorReport {
  verdict: Verdict;
  findings: FieldFinding[];
  /** Marks for the page (checker path, severity, note), one per finding on a field the editor shows. */
  marks: { field: string; severity: string; note: string }[];
  canonical: {
    productId: string;
    title: string;
    version: number;
    updatedAt: string;
    matchedBy: 'sku' | 'gtin';
    variantSku: string;
  } | null;
  drift: DriftEntry[];
  suggestions: Suggestion[];
  specialistOwned: boolean;
  priceFlags: PriceFlagView[];
  derivedReady: boolean | null;
  derivedFindings: number | null;
}

const NOT_ON_PAGE = /^(images|variants)/;

/** Violations, drift and suggestions for a Seller Central listing editor. */
export function editorReport(input: EditorReportInput): EditorReport {
  const { live, policy, today } = input;
  const checked = checkListing('amazon', live, { policy, today });
  // The editor's text tabs do not show the pictures: with no image data read, image rules would only
  // report "0 images", so they are left to the page's own alert (and the Images tab).
  const result =
    live.images === undefined
      ? (() => {
          const kept = checked.findings.filter((f) => !f.field.startsWith('images'));
          return { findings: kept, verdict: verdictOf(kept) };
        })()
      : checked;
  const findings: FieldFinding[] = result.findings.map((f) => ({
    rule: f.rule,
    field: f.field,
    severity: f.severity,
    message: f.message,
  }));
  const marks = result.findings
    .filter((f) => !NOT_ON_PAGE.test(f.field))
    .map((f) => ({ field: f.field, severity: f.severity, note: `${f.rule}: ${f.message}`.slice(0, 500) }));

  const match = matchCanonical(input.products, input.sku, live.gtin);
  const protectedSet = new Set(input.protectedSkus);
  const specialistOwned = Boolean(
    (input.sku && protectedSet.has(input.sku)) || (match && protectedSet.has(match.variantSku)),
  );
  const byField = new Map<string, Finding[]>();
  for (const f of result.findings) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);

  const suggestions: Suggestion[] = [];
  const priceFlags: PriceFlagView[] = [];
  let drift: DriftEntry[] = [];
  let derived: DerivedVariant | null = null;

  const fieldClean = (listing: ChannelListing, field: string) =>
    !checkListing('amazon', listing, { policy, today }).findings.some(
      (f) => f.field === field && f.severity !== 'recommendation',
    );

  if (match) {
    const product = singleVariant(match.record.product, match.variantSku);
    const livePrices: Record<string, number> = {};
    if (live.price !== undefined) livePrices[match.variantSku] = live.price;
    derived = deriveListing('amazon', product, {
      policy,
      today,
      protectedSkus: specialistOwned ? [...input.protectedSkus, match.variantSku] : input.protectedSkus,
      livePrices,
    });
    const d = derived.listing;
    drift = listingDrift(d, live);
    const fields = [
      ...TEXT_FIELDS,
      ...Array.from({ length: Math.max(d.bullets?.length ?? 0, live.bullets?.length ?? 0) }, (_, i) => `bullets[${i}]`),
    ];
    for (const field of fields) {
      const proposed = fieldValue(d, field);
      const current = fieldValue(live, field);
      if (!proposed || sameText(proposed, current)) continue;
      if (field === 'highlights' && policy !== 'amazon-2026-07') continue;
      const after: ChannelListing = structuredClone(live);
      setValue(after, field, proposed);
      suggestions.push({
        field,
        label: fieldLabel(field),
        current,
        proposed,
        fixes: [...new Set((byField.get(field) ?? []).map((f) => f.rule))],
        source: 'canonical',
        clean: fieldClean(after, field),
      });
    }
    if (specialistOwned) {
      for (const f of derived.priceFlags) priceFlags.push({ sku: f.sku, message: f.message });
      const canonicalPrice = product.variants[0]?.price ?? null;
      if (
        canonicalPrice !== null &&
        live.price !== undefined &&
        Math.round(canonicalPrice * 100) !== Math.round(live.price * 100)
      )
        priceFlags.push({
          sku: match.variantSku,
          message: `Canonical price ${canonicalPrice.toFixed(2)} differs from the live price ${live.price.toFixed(2)}; flagged for the specialist, not proposed.`,
        });
    } else if (
      d.price !== undefined &&
      live.price !== undefined &&
      Math.round(d.price * 100) !== Math.round(live.price * 100)
    ) {
      suggestions.push({
        field: 'price',
        label: fieldLabel('price'),
        current: live.price.toFixed(2),
        proposed: d.price.toFixed(2),
        fixes: [],
        source: 'canonical',
        clean: true,
      });
    }
  } else {
    // No canonical product: the rules' own fixes are the only suggestions.
    for (const [field, fs] of byField) {
      if (NOT_ON_PAGE.test(field)) continue;
      const fix = fs.find((f) => typeof f.fix === 'string')?.fix as string | undefined;
      if (fix === undefined) continue;
      const current = fieldValue(live, field);
      if (sameText(fix, current)) continue;
      const after: ChannelListing = structuredClone(live);
      setValue(after, field, fix);
      suggestions.push({
        field,
        label: fieldLabel(field),
        current,
        proposed: fix,
        fixes: [...new Set(fs.map((f) => f.rule))],
        source: 'rule-fix',
        clean: fieldClean(after, field),
      });
    }
  }

  return {
    verdict: result.verdict,
    findings,
    marks,
    canonical: match
      ? {
          productId: match.record.id,
          title: match.record.product.title,
          version: match.record.version,
          updatedAt: match.record.updatedAt,
          matchedBy: match.matchedBy,
          variantSku: match.variantSku,
        }
      : null,
    drift,
    suggestions: suggestions.slice(0, 30),
    specialistOwned,
    priceFlags,
    derivedReady: derived ? derived.ready : null,
    derivedFindings: derived ? derived.findings.length : null,
  };
}

/** Sets a checker path on a listing (title, bullets[i], search_terms…). */
export function setValue(l: ChannelListing, field: string, value: string): void {
  const m = field.match(/^bullets\[(\d+)\]$/);
  if (m) {
    const bs = [...(l.bullets ?? [])];
    bs[Number(m[1])] = value;
    l.bullets = bs;
    return;
  }
  if (field === 'price' || field === 'list_price') {
    const n = Number(value);
    if (Number.isFinite(n)) l[field] = n;
    return;
  }
  (l as Record<string, unknown>)[field] = value;
}

// ---------------------------------------------------------------------------------------------
// Marketplace status and the catalogue

export const CATALOGUE_STATUSES = ['draft', 'ready', 'submitted', 'live', 'suppressed'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];
export type MarketplaceStatus = 'active' | 'inactive' | 'suppressed' | 'incomplete' | 'unknown';

/** A listing's status on a marketplace (Dexie `listings`, id `channel:sku`). */
export interface ListingRecord {
  id: string;
  channel: Channel;
  sku: string;
  asin: string | null;
  title: string;
  status: MarketplaceStatus;
  reason: string | null;
  seenAt: string;
  source: 'inventory' | 'editor';
  productId: string | null;
  /** Fields that differ from the canonical-derived variant at the last editor read. */
  driftFields: string[] | null;
  driftAt: string | null;
  violations: number | null;
}

/** Catalogue status of a product on a channel from its marketplace records and its last check. */
export function catalogueStatus(
  channel: Channel,
  records: readonly ListingRecord[],
  check: { ready: boolean } | undefined,
  shopifyStatus: string | null,
): CatalogueStatus {
  if (channel === 'shopify') {
    if (shopifyStatus && /draft|archived/i.test(shopifyStatus)) return 'draft';
    return 'live';
  }
  if (records.some((r) => r.status === 'suppressed')) return 'suppressed';
  if (records.some((r) => r.status === 'active')) return 'live';
  if (records.some((r) => r.status === 'inactive' || r.status === 'incomplete')) return 'submitted';
  return check?.ready ? 'ready' : 'draft';
}

export interface InventorySummary {
  counts: Record<MarketplaceStatus, number>;
  suppressed: { sku: string; title: string; reason: string | null }[];
  /** Reasons with how many listings each (suppressed and inactive). */
  reasons: { reason: string; count: number }[];
}

export function inventorySummary(
  rows: readonly { sku: string; title: string; status: MarketplaceStatus; reason: string | null }[],
): InventorySummary {
  const counts: Record<MarketplaceStatus, number> = {
    active: 0,
    inactive: 0,
    suppressed: 0,
    incomplete: 0,
    unknown: 0,
  };
  const reasons = new Map<string, number>();
  for (const r of rows) {
    counts[r.status] += 1;
    if (r.status !== 'active' && r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  return {
    counts,
    suppressed: rows
      .filter((r) => r.status === 'suppressed')
      .map((r) => ({ sku: r.sku, title: r.title, reason: r.reason })),
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

/** Rules as instructions for a model rewrite of an Amazon title (the same rules re-check the answer). */
export function rewriteInstructions(policy: AmazonTitlePolicy, maxChars: number): string {
  return [
    'Rewrite the Amazon product title in the source for search on Amazon. Answer with the title only, one line.',
    `Rules: at most ${maxChars} characters including spaces (${policy}); start with the brand;`,
    'then product type, key attribute, colour, size or pack count;',
    'none of the characters ! $ ? _ { } ^ ¬ ¦; no promotional or subjective phrases (free shipping, best seller, #1, sale);',
    'no word more than twice; no emoji or symbols such as ™ ® ©; numbers as digits; Title Case; no claims the source does not make.',
  ].join(' ');
}
