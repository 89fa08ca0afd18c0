/**
 * The Seller Central listing editor: violations, drift from the canonical-derived variant and
 * suggested values for the page, and the listing status the read records.
 */
import type { ProductRecord } from './capture';
import { describeChange } from './change-words';
import { checkListing, verdictOf } from './check';
import { type DerivedVariant, deriveListing } from './derive';
import { type DriftEntry, listingDrift } from './drift';
import { fieldLabel, fieldValue, inPageOrder, plainMessage, sameText, setValue } from './fields';
import { cleanGtin } from './gtin';
import type { ListingUpdate, MarketplaceStatus } from './marketplace-status';
import { type ListingsContext, singleVariant } from './readiness';
import { norm } from './text';
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

/**
 * A suggested value for one field. `kind: 'fix'` when the field breaks a rule (only these go into
 * "Fix all"); `kind: 'sync'` when no rule is broken but the value differs from the canonical-derived
 * variant (offered one at a time, never in a batch: it may be good live copy).
 */
export interface Suggestion {
  field: string;
  label: string;
  current: string;
  proposed: string;
  /** Rule ids whose findings on this field the proposal clears. */
  fixes: string[];
  /** `rule-fix`: the live text with only the offending words taken out; `canonical`: the canonical product's text. */
  source: 'canonical' | 'rule-fix';
  /** The proposal leaves no must-fix finding on the field. */
  clean: boolean;
  kind: 'fix' | 'sync';
  /** The field has a must-fix finding now. */
  mustFix: boolean;
  /** What changes, in plain words ("Takes out “Free Shipping”", "113 → 67 characters"). */
  changes: string[];
  /** Why, and what to do when something had to go (a claim, contact details); null when nothing to add. */
  note: string | null;
  /** Advice rules the proposal newly breaks on this field (shown in the preview). */
  adds: string[];
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
/** Text fields of the editor a suggestion may fill (not prices: those are one at a time, from canonical). */
const ON_PAGE_TEXT = /^(title|brand|item_type_keyword|description|search_terms|highlights|bullets\[\d+\])$/;
/** Rules that cut a field to length: applied after the rules that take words out. */
const LENGTH_RULES = new Set(['AMZ-TITLE-LEN', 'AMZ-HIGHLIGHTS-LEN', 'AMZ-BULLET-LEN', 'AMZ-DESC-LEN', 'AMZ-KW-BYTES']);

/** Must fix: blocks submission or suppresses the listing (the verdict's `fail`); the rest is advice. */
export const enforced = (f: { severity: Severity }) => f.severity !== 'recommendation';

function fieldFindings(l: ChannelListing, field: string, opts: { policy: AmazonTitlePolicy; today: string }) {
  return checkListing('amazon', l, opts).findings.filter((f) => f.field === field);
}

/**
 * The live value with only the offending words taken out: the field's own rule fixes, one at a time
 * and re-checked, length cuts last. `overflow`: what a length cut dropped (for the note).
 */
export function fixInPlace(
  live: ChannelListing,
  field: string,
  opts: { policy: AmazonTitlePolicy; today: string },
): { value: string; applied: string[]; overflow: string } {
  const l: ChannelListing = structuredClone(live);
  const applied: string[] = [];
  let overflow = '';
  const tried = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const current = fieldValue(l, field);
    const fs = fieldFindings(l, field, opts).filter(
      (f) => typeof f.fix === 'string' && f.fix !== current && !tried.has(`${f.rule}\u0000${f.fix}`),
    );
    const f = fs.find((x) => !LENGTH_RULES.has(x.rule)) ?? fs[0];
    if (!f) break;
    tried.add(`${f.rule}\u0000${f.fix}`);
    const next = f.fix as string;
    if (LENGTH_RULES.has(f.rule) && current.startsWith(next))
      overflow = current.slice(next.length).replace(/^[\s,;:|–—-]+/u, '');
    setValue(l, field, next);
    applied.push(f.rule);
    if (next === '') break;
  }
  return { value: fieldValue(l, field), applied, overflow };
}

const NOTES: [RegExp, string][] = [
  [
    /^AMZ-(BULLET-CLAIMS|CLAIM-ENVIRONMENTAL)$/,
    'Amazon does not allow unqualified environmental claims such as “eco-friendly”. If a certification backs it (for example OEKO-TEX), name that instead.',
  ],
  [/^AMZ-CLAIM-PESTICIDE$/, 'Claims such as “antibacterial” need EPA registration, so they were taken out.'],
  [
    /^AMZ-(BULLET-EXTERNAL|PDP-PROHIBITED)$/,
    'Amazon does not allow contact details, links, shipping offers or review requests on the detail page.',
  ],
  [/^AMZ-TITLE-PROMO$/, 'Promotional wording such as “Free Shipping” is not allowed in titles.'],
  [/^AMZ-KW-PROHIBITED$/, 'Search terms may not hold brand names or temporary words such as “new”.'],
  [/^AMZ-BULLET-CHARS$/, 'Symbols such as ™ and ® are not allowed in bullets.'],
  [/^AMZ-DESC-HTML$/, 'Only line breaks may be HTML in the description: the other tags go, their words stay.'],
];

function noteFor(
  field: string,
  before: readonly Finding[],
  pick: { value: string; source: Suggestion['source'] },
  overflow: string,
): string | null {
  const out: string[] = [];
  const rules = new Set(before.map((f) => f.rule));
  for (const [re, text] of NOTES) if ([...rules].some((r) => re.test(r)) && !out.includes(text)) out.push(text);
  if (pick.value === '')
    out.push(
      `Nothing is left of this ${field.startsWith('bullets') ? 'bullet' : 'field'} once that goes: remove it, or write a product fact in its place.`,
    );
  else if (pick.source === 'canonical')
    out.push('The live text could not be fixed in place, so this is the canonical product’s text for the field.');
  if (overflow && pick.source === 'rule-fix') {
    const where = field === 'title' ? ' They can go in Item highlights.' : '';
    out.push(`Cut at the limit: “${overflow}” is left out.${where}`);
  }
  return out.length ? out.join(' ') : null;
}

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
  const findings: FieldFinding[] = inPageOrder(result.findings).map((f) => ({
    rule: f.rule,
    field: f.field,
    severity: f.severity,
    message: f.message,
  }));
  const marks = result.findings
    .filter((f) => !NOT_ON_PAGE.test(f.field))
    .map((f) => {
      // Shown on Seller Central next to the field, in plain words (rule ids stay in the panel's details).
      const p = plainMessage(f.message);
      const note = `${f.severity === 'recommendation' ? 'Advice' : 'Must fix'}: ${p.text}${p.review ? ' (needs your review)' : ''}`;
      return { field: f.field, severity: f.severity, note: note.slice(0, 500) };
    });

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

  const opts = { policy, today };
  const proposeFix = (field: string): Suggestion | null => {
    const current = fieldValue(live, field);
    const before = byField.get(field) ?? [];
    const mustFix = before.some(enforced);
    const minimal = fixInPlace(live, field, opts);
    const canonical = derived ? fieldValue(derived.listing, field) : '';
    const after = (value: string) => {
      const l: ChannelListing = structuredClone(live);
      setValue(l, field, value);
      return fieldFindings(l, field, opts);
    };
    const candidates: { value: string; source: Suggestion['source'] }[] = [];
    if (minimal.value && norm(minimal.value) !== norm(current))
      candidates.push({ value: minimal.value, source: 'rule-fix' });
    // The canonical text only where the live text cannot be fixed in place (a bullet that held nothing but
    // contact details), and never for a field that has advice only.
    if (mustFix && canonical && !sameText(canonical, current))
      candidates.push({ value: canonical, source: 'canonical' });
    if (minimal.value === '' && current) candidates.push({ value: '', source: 'rule-fix' });
    let pick: { value: string; source: Suggestion['source']; fs: Finding[] } | null = null;
    for (const c of candidates) {
      const fs = after(c.value);
      if (!fs.some(enforced)) {
        pick = { ...c, fs };
        break;
      }
      pick ??= { ...c, fs };
    }
    if (!pick) return null;
    const beforeRules = new Set(before.map((f) => f.rule));
    const afterRules = new Set(pick.fs.map((f) => f.rule));
    return {
      field,
      label: fieldLabel(field),
      current,
      proposed: pick.value,
      fixes: [...beforeRules].filter((r) => !afterRules.has(r)),
      source: pick.source,
      clean: !pick.fs.some(enforced),
      kind: 'fix',
      mustFix,
      changes: describeChange(current, pick.value),
      note: noteFor(field, before, pick, minimal.overflow),
      adds: [...afterRules].filter((r) => !beforeRules.has(r)),
    };
  };
  const sync = (field: string, current: string, proposed: string): Suggestion => {
    const fs = (() => {
      const l: ChannelListing = structuredClone(live);
      setValue(l, field, proposed);
      return fieldFindings(l, field, opts);
    })();
    return {
      field,
      label: fieldLabel(field),
      current,
      proposed,
      fixes: [],
      source: 'canonical',
      clean: !fs.some(enforced),
      kind: 'sync',
      mustFix: false,
      changes: describeChange(current, proposed),
      note: 'No rule is broken here: this only makes the live text match the canonical product.',
      adds: [...new Set(fs.map((f) => f.rule))],
    };
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
    drift = listingDrift(derived.listing, live);
  }
  // Fields that break a rule get the smallest change that fixes them.
  for (const field of byField.keys()) {
    if (!ON_PAGE_TEXT.test(field)) continue;
    const s = proposeFix(field);
    if (s) suggestions.push(s);
  }
  if (match && derived) {
    const d = derived.listing;
    const fields = [
      ...TEXT_FIELDS,
      ...Array.from({ length: Math.max(d.bullets?.length ?? 0, live.bullets?.length ?? 0) }, (_, i) => `bullets[${i}]`),
    ];
    for (const field of fields) {
      if (suggestions.some((s) => s.field === field) || byField.has(field)) continue;
      const proposed = fieldValue(d, field);
      const current = fieldValue(live, field);
      if (!proposed || sameText(proposed, current)) continue;
      if (field === 'highlights' && policy !== 'amazon-2026-07') continue;
      suggestions.push(sync(field, current, proposed));
    }
    const product = singleVariant(match.record.product, match.variantSku);
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
      suggestions.push({ ...sync('price', live.price.toFixed(2), d.price.toFixed(2)), clean: true });
    }
  }
  const ordered = inPageOrder(suggestions);

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
    suggestions: ordered.slice(0, 30),
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
      // The live listing's must-fix count, the number the panel and the catalogue both show.
      violations: report.findings.filter(enforced).length,
    },
  ];
}

/** What the panel shows for an editor: the report, the page's status, and a label for every field named. */
export function editorPanel(page: EditorPage, report: EditorReport, ctx: Pick<ListingsContext, 'policy' | 'auto'>) {
  const labels: Record<string, string> = {};
  for (const f of [...report.findings.map((x) => x.field), ...report.drift.map((d) => d.field)])
    labels[f] = fieldLabel(f);
  const mustFix = report.findings.filter(enforced).length;
  return {
    sku: page.sku,
    asin: page.asin,
    marketplace: page.marketplace,
    policy: { policy: ctx.policy, auto: ctx.auto },
    verdict: report.verdict,
    /** One vocabulary everywhere: "must fix" blocks or suppresses, "advice" is the rest. */
    counts: { mustFix, advice: report.findings.length - mustFix },
    findings: report.findings.map((f) => {
      const p = plainMessage(f.message);
      return { ...f, plain: p.text, review: p.review };
    }),
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
