/**
 * The Seller Central listing editor: violations, drift from the canonical-derived variant and
 * suggested values for the page, and the listing status the read records.
 */
import type { ProductRecord } from './capture';
import { checkListing, verdictOf } from './check';
import { type DerivedVariant, deriveListing } from './derive';
import { type DriftEntry, listingDrift } from './drift';
import { fieldLabel, fieldValue, sameText, setValue } from './fields';
import { cleanGtin } from './gtin';
import type { ListingUpdate, MarketplaceStatus } from './marketplace-status';
import { type ListingsContext, singleVariant } from './readiness';
import type { AmazonTitlePolicy, ChannelListing, Finding, Severity, Verdict } from './types';

/** A listing editor as read (see `lib/sites/amazon/to-listing.ts`). */
export interface EditorPage {
  sku: string | null;
  asin: string | null;
  /** The store switcher's label ("Demo Store | United States"). */
  marketplace: string;
  /** The live listing in the checker's shape. */
  live: ChannelListing;
  /** The page's status alert, or null when it shows none. */
  status: { status: MarketplaceStatus; reason: string | null } | null;
}

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

const TEXT_FIELDS = ['title', 'brand', 'item_type_keyword', 'description', 'search_terms', 'highlights'] as const;

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

  /** A proposal for a field the page shows: clean when the live listing with it passes the field's rules. */
  const propose = (
    field: string,
    current: string,
    proposed: string,
    fixes: readonly Finding[],
    source: Suggestion['source'],
  ): Suggestion => {
    const after: ChannelListing = structuredClone(live);
    setValue(after, field, proposed);
    const clean = !checkListing('amazon', after, { policy, today }).findings.some(
      (f) => f.field === field && f.severity !== 'recommendation',
    );
    const rules = [...new Set(fixes.map((f) => f.rule))];
    return { field, label: fieldLabel(field), current, proposed, fixes: rules, source, clean };
  };

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
      suggestions.push(propose(field, current, proposed, byField.get(field) ?? [], 'canonical'));
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
      suggestions.push(propose(field, current, fix, fs, 'rule-fix'));
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

/**
 * The listing status an editor read records (none without a SKU); drift and violations only when a
 * canonical product matched, no status when the page shows no alert.
 */
export function editorListings(page: EditorPage, report: EditorReport, at: string): ListingUpdate[] {
  if (!page.sku) return [];
  return [
    {
      channel: 'amazon',
      sku: page.sku,
      asin: page.asin,
      title: page.live.title,
      status: page.status?.status ?? null,
      reason: page.status?.reason ?? null,
      seenAt: at,
      source: 'editor',
      productId: report.canonical?.productId ?? null,
      driftFields: report.canonical ? report.drift.filter((d) => d.status !== 'same').map((d) => d.field) : null,
      driftAt: report.canonical ? at : null,
      violations: report.findings.length,
    },
  ];
}

/** What the panel shows for an editor: the report, the page's status, and a label for every field named. */
export function editorPanel(page: EditorPage, report: EditorReport, ctx: Pick<ListingsContext, 'policy' | 'auto'>) {
  const labels: Record<string, string> = {};
  for (const f of [...report.findings.map((x) => x.field), ...report.drift.map((d) => d.field)])
    labels[f] = fieldLabel(f);
  return {
    sku: page.sku,
    asin: page.asin,
    marketplace: page.marketplace,
    policy: { policy: ctx.policy, auto: ctx.auto },
    verdict: report.verdict,
    findings: report.findings,
    marks: report.marks.slice(0, 200),
    canonical: report.canonical,
    drift: report.drift,
    suggestions: report.suggestions,
    specialistOwned: report.specialistOwned,
    priceFlags: report.priceFlags,
    derivedReady: report.derivedReady,
    status: page.status ? { status: page.status.status, reason: page.status.reason } : null,
    labels,
  };
}
