/** The catalogue: every canonical product × SKU × channel, with its status and the reason for it. */
import type { ProductRecord } from './capture';
import { deriveListing } from './derive';
import { fieldLabel, inPageOrder, plainMessage } from './fields';
import type { ListingRecord } from './marketplace-status';
import { type ListingsContext, listingSkus, singleVariant } from './readiness';
import { CHANNELS, type Channel } from './types';

export const CATALOGUE_STATUSES = ['draft', 'ready', 'submitted', 'live', 'suppressed'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

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

/** The reason shown with a catalogue status: the record that decided it ("TEE-CL-BLK-M: Main image missing"). */
export function statusReason(status: CatalogueStatus, recs: readonly ListingRecord[]): string | null {
  const want: Record<string, ListingRecord['status'][]> = {
    suppressed: ['suppressed'],
    submitted: ['inactive', 'incomplete'],
  };
  const rec = recs.find((r) => (want[status] ?? []).includes(r.status) && r.reason);
  return rec ? `${rec.sku}: ${rec.reason}` : null;
}

/** The catalogue page: one row per SKU (marketplaces list and check each SKU on its own), products by title. */
export function catalogueView(
  products: readonly ProductRecord[],
  listings: readonly ListingRecord[],
  ctx: Pick<ListingsContext, 'policy' | 'auto' | 'protectedSkus'>,
) {
  const protectedSet = new Set(ctx.protectedSkus);
  const rows = [...products]
    .sort((a, b) => a.product.title.localeCompare(b.product.title))
    .flatMap((p) =>
      listingSkus(p.product).map((sku) => ({
        productId: p.id,
        title: p.product.title,
        skus: sku ? [sku] : [],
        version: p.version,
        updatedAt: p.updatedAt,
        specialistOwned: protectedSet.has(sku),
        cells: CHANNELS.map((channel) => {
          const recs = listings.filter((l) => l.channel === channel && (sku ? l.sku === sku : l.productId === p.id));
          const whole = p.checks[channel];
          // Checks stored before per-SKU checks existed hold the product only; a re-check fills the SKUs in.
          const check = whole?.skus ? whole.skus[sku] : whole;
          const status: CatalogueStatus = catalogueStatus(channel, recs, check, p.shopifyStatus);
          const withDrift = recs.filter((r) => r.driftFields !== null);
          // The live listing's must-fix count from the last editor read (what the Seller Central panel showed).
          const live = recs.filter((r) => r.source === 'editor' && r.violations !== null);
          return {
            channel,
            status,
            violations: check?.violations ?? null,
            blocking: check?.blocking ?? null,
            mustFix: check ? check.blocking : null,
            advice: check ? check.violations - check.blocking : null,
            liveMustFix: live.length ? Math.max(...live.map((r) => r.violations ?? 0)) : null,
            checkedAt: check ? (whole?.checkedAt ?? null) : null,
            stale: Boolean(check && whole && whole.version !== p.version),
            drift: withDrift.length ? Math.max(...withDrift.map((r) => r.driftFields?.length ?? 0)) : null,
            reason: statusReason(status, recs),
          };
        }),
      })),
    );
  return { channels: [...CHANNELS], policy: { policy: ctx.policy, auto: ctx.auto }, rows };
}

/**
 * The findings behind one catalogue cell (a SKU on a channel): its derived variant re-checked, in
 * page order and plain words, with the counts the cell shows, and the live listing's last read.
 */
export function cellFindings(
  p: ProductRecord,
  sku: string,
  channel: Channel,
  listings: readonly ListingRecord[],
  ctx: Pick<ListingsContext, 'policy' | 'today' | 'protectedSkus' | 'wholesaleRatio'>,
) {
  const product = sku ? singleVariant(p.product, sku) : p.product;
  const d = deriveListing(channel, product, {
    policy: ctx.policy,
    today: ctx.today,
    protectedSkus: ctx.protectedSkus,
    wholesaleRatio: ctx.wholesaleRatio,
  });
  const findings = inPageOrder(d.findings).map((f) => {
    const m = plainMessage(f.message);
    return {
      field: f.field,
      label: fieldLabel(f.field),
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      plain: m.text,
      review: m.review,
    };
  });
  const mustFix = findings.filter((f) => f.severity !== 'recommendation').length;
  const live = listings.find((r) => r.channel === channel && r.sku === sku && r.source === 'editor') ?? null;
  return {
    productId: p.id,
    title: p.product.title,
    sku,
    channel,
    ready: d.ready,
    mustFix,
    advice: findings.length - mustFix,
    findings,
    live: live ? { mustFix: live.violations, seenAt: live.seenAt, status: live.status } : null,
  };
}
