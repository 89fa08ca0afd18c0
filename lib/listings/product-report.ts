/** The Shopify product panel: the canonical product's own check, its readiness per channel and per SKU, its barcodes. */

import type { CanonicalProduct } from './canonical';
import type { HistoryRecord, ProductCapture } from './capture';
import { checkListing } from './check';
import { channelVariants } from './derive';
import { fieldLabel, plainMessage } from './fields';
import { defaultAmazonPolicy } from './policy';
import { checkSummarySkus, type ListingsContext, type SkuVariant } from './readiness';
import { GTIN_RULES } from './rules/gtin';
import { norm } from './text';
import { CHANNELS, type Channel, type ChannelListing, type Finding, type Severity } from './types';

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
    variants: channelVariants(p),
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

const finding = (f: Finding) => {
  const p = plainMessage(f.message);
  return {
    rule: f.rule,
    field: f.field,
    severity: f.severity,
    message: f.message,
    label: fieldLabel(f.field),
    plain: p.text,
    review: p.review,
  };
};

/**
 * One channel's readiness for the panel: ready when every SKU is; the top findings (blocking first,
 * at most one per SKU, five in all) name the SKU when the product has several.
 */
export function channelReadiness(channel: Channel, list: readonly SkuVariant[], version: number, at: string) {
  const sum = checkSummarySkus(list, version, at);
  const multi = list.length > 1;
  const top = [...list]
    .sort((a, b) => Number(a.derived.ready) - Number(b.derived.ready))
    .flatMap(({ sku, derived: d }) =>
      [...d.findings]
        .sort((a, b) => Number(a.severity === 'recommendation') - Number(b.severity === 'recommendation'))
        .slice(0, 1)
        .map((f) => {
          const plain = plainMessage(f.message).text;
          return {
            rule: f.rule,
            field: multi && sku ? `${sku} · ${f.field}` : f.field,
            severity: f.severity,
            message: multi && sku ? `${sku}: ${f.message}` : f.message,
            plain: `${multi && sku ? `${sku} · ` : ''}${fieldLabel(f.field)}: ${plain}`,
          };
        }),
    )
    .slice(0, 5);
  return {
    channel,
    ready: sum.ready,
    verdict: sum.verdict,
    violations: sum.violations,
    blocking: sum.blocking,
    /** The counts every screen shows: must fix (blocks or suppresses) and advice. */
    mustFix: sum.blocking,
    advice: sum.violations - sum.blocking,
    top,
    skus: { ready: list.filter((x) => x.derived.ready).length, total: list.length },
  };
}

/** What the panel shows on a Shopify product page after its capture (`history`: newest first). */
export function productPanel(capture: ProductCapture, history: readonly HistoryRecord[], ctx: ListingsContext) {
  const { record, derived } = capture;
  const changes = history.map((h) => ({ at: h.at, version: h.version, fields: h.changes.map((c) => c.field) }));
  const shopify = checkListing('shopify', shopifyAsIs(record.product), { policy: ctx.policy, today: ctx.today });
  const protectedSet = new Set(ctx.protectedSkus);
  return {
    productId: record.id,
    title: record.product.title,
    version: record.version,
    capturedAt: record.capturedAt,
    updatedAt: record.updatedAt,
    changedNow: Boolean(capture.history),
    lastChange: changes[0] ?? null,
    history: changes,
    shopify: { verdict: shopify.verdict, findings: shopify.findings.map(finding) },
    channels: CHANNELS.filter((c) => c !== 'shopify').map((c) =>
      channelReadiness(c, derived[c], record.version, record.updatedAt),
    ),
    gtin: gtinProblems(record.product, ctx.today).map((g) => ({ ...g, plain: plainMessage(g.message).text })),
    missingBarcodes: missingBarcodes(record.product),
    specialistOwned: record.product.variants.some((v) => protectedSet.has(v.sku)),
    policy: { policy: ctx.policy, auto: ctx.auto },
  };
}
