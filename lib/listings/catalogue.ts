/** The catalogue: every canonical product × SKU × channel, with its status and the reason for it. */
import type { ProductRecord } from './capture';
import type { ListingRecord } from './marketplace-status';
import { type ListingsContext, listingSkus } from './readiness';
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
          return {
            channel,
            status,
            violations: check?.violations ?? null,
            blocking: check?.blocking ?? null,
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
