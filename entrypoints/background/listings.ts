import * as clock from '../../lib/clock';
import { db, type KeyedRow } from '../../lib/db/schema';
import { checkListing } from '../../lib/listings/check';
import { exportFeed } from '../../lib/listings/feed';
import { amazonTitleMax } from '../../lib/listings/policy';
import { CHANNELS, type Channel } from '../../lib/listings/types';
import {
  type CatalogueStatus,
  captureCanonical,
  catalogueStatus,
  checkSummarySkus,
  deriveAllSkus,
  deriveSkus,
  editorReport,
  fieldLabel,
  gtinProblems,
  type HistoryRecord,
  inventorySummary,
  type ListingRecord,
  listingSkus,
  missingBarcodes,
  type ProductRecord,
  resolvePolicy,
  rewriteInstructions,
  setValue,
  shopifyAsIs,
} from '../../lib/listings/workflow';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { listingsSettings, parseListingsSettings } from '../../lib/settings/listings';
import type { AmazonInventoryData, AmazonListingEditData } from '../../lib/sites/amazon/schema';
import type { ShopifyProductData } from '../../lib/sites/shopify/schema';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { aiProvider } from './ai';
import { readTabSnapshot } from './tab-state';

const today = () => clock.utcDay(clock.now());

async function settings() {
  const s = parseListingsSettings(await listingsSettings.getValue());
  const day = today();
  const { policy, auto } = resolvePolicy(s.amazonTitlePolicy, day);
  return { ...s, policy, auto, today: day };
}

async function tabSnapshot(sender: Sender, page: string): Promise<SnapshotEnvelope> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its tab.');
  const snapshot = await readTabSnapshot(sender.tabId);
  if (!snapshot?.recognised || `${snapshot.app}:${snapshot.page}` !== page || !snapshot.data)
    throw new MessageError('not_found', 'This tab does not show that page (yet). Reload it if it should.');
  return snapshot;
}

const asProduct = (row: KeyedRow | undefined) => (row ? (row as unknown as ProductRecord) : null);

async function allProducts(): Promise<ProductRecord[]> {
  return (await db().products.toArray()) as unknown as ProductRecord[];
}

async function allListings(): Promise<ListingRecord[]> {
  return (await db().listings.toArray()) as unknown as ListingRecord[];
}

/** Stores a product read from Shopify as the canonical version (history when it changed) and re-checks it. */
async function capture(data: ShopifyProductData, source: string) {
  const s = await settings();
  const at = clock.nowIso();
  return db().transaction('rw', db().products, db().productHistory, async () => {
    const prev = asProduct(await db().products.get(data.product.id || data.product.handle || data.product.title));
    const { record, history, changed } = captureCanonical(prev, data.product, {
      at,
      source,
      shopifyStatus: data.status,
    });
    const derived = deriveAllSkus(record.product, {
      ...s,
      protectedSkus: s.protectedSkus,
      wholesaleRatio: s.faireWholesaleRatio,
    });
    const stale = CHANNELS.some((c) => record.checks[c]?.version !== record.version || !record.checks[c]?.skus);
    if (changed || stale) {
      const checks = { ...record.checks };
      for (const c of CHANNELS) checks[c] = checkSummarySkus(derived[c], record.version, at);
      record.checks = checks;
      await db().products.put(record as unknown as KeyedRow);
    }
    if (history) await db().productHistory.put(history as unknown as KeyedRow);
    return { record, derived, changedNow: Boolean(history) };
  });
}

async function upsertListing(row: Omit<ListingRecord, 'id'>): Promise<void> {
  const id = `${row.channel}:${row.sku}`;
  const prev = (await db().listings.get(id)) as unknown as ListingRecord | undefined;
  const merged: ListingRecord = {
    ...(prev ?? {}),
    ...row,
    id,
    // An inventory read does not know drift; keep the editor's.
    driftFields: row.driftFields ?? prev?.driftFields ?? null,
    driftAt: row.driftAt ?? prev?.driftAt ?? null,
    violations: row.violations ?? prev?.violations ?? null,
    productId: row.productId ?? prev?.productId ?? null,
  };
  await db().listings.put(merged as unknown as KeyedRow);
}

/** The reason shown with a catalogue status: the record that decided it ("TEE-CL-BLK-M: Main image missing"). */
function statusReason(status: CatalogueStatus, recs: readonly ListingRecord[]): string | null {
  const want: Record<string, ListingRecord['status'][]> = {
    suppressed: ['suppressed'],
    submitted: ['inactive', 'incomplete'],
  };
  const rec = recs.find((r) => (want[status] ?? []).includes(r.status) && r.reason);
  return rec ? `${rec.sku}: ${rec.reason}` : null;
}

function download(channel: Channel, format: 'csv' | 'tsv') {
  return `counterpart-${channel}-feed-${today()}.${format}`;
}

/**
 * Hook for `snapshot.publish`: a recognised Shopify product page is captured as canonical even when
 * the panel is collapsed. (The panel's own request captures it too; capture is idempotent.)
 */
export async function captureFromSnapshot(snapshot: SnapshotEnvelope): Promise<void> {
  if (snapshot.app !== 'shopify' || snapshot.page !== 'product' || !snapshot.recognised || !snapshot.data) return;
  try {
    await capture(snapshot.data as ShopifyProductData, snapshot.url);
  } catch (error) {
    console.warn('[counterpart] canonical capture failed', error);
  }
}

/** Background handlers of the listings process. */
export const listingsHandlers: Handlers = {
  'listings.product': async (_p, sender) => {
    const snapshot = await tabSnapshot(sender, 'shopify:product');
    const data = snapshot.data as ShopifyProductData;
    const s = await settings();
    const { record, derived, changedNow } = await capture(data, snapshot.url);
    const history = (
      (await db().productHistory.where('productId').equals(record.id).sortBy('at')) as unknown as HistoryRecord[]
    )
      .reverse()
      .slice(0, 10)
      .map((h) => ({ at: h.at, version: h.version, fields: h.changes.map((c) => c.field) }));
    const shopify = checkListing('shopify', shopifyAsIs(record.product), { policy: s.policy, today: s.today });
    const protectedSet = new Set(s.protectedSkus);
    return {
      productId: record.id,
      title: record.product.title,
      version: record.version,
      capturedAt: record.capturedAt,
      updatedAt: record.updatedAt,
      changedNow,
      lastChange: history[0] ?? null,
      history,
      shopify: {
        verdict: shopify.verdict,
        findings: shopify.findings.map((f) => ({
          rule: f.rule,
          field: f.field,
          severity: f.severity,
          message: f.message,
        })),
      },
      // Per SKU: the channel is ready when every SKU is; the top findings name the SKUs that are not.
      channels: CHANNELS.filter((c) => c !== 'shopify').map((c) => {
        const list = derived[c];
        const sum = checkSummarySkus(list, record.version, record.updatedAt);
        const multi = list.length > 1;
        const top = [...list]
          .sort((a, b) => Number(a.derived.ready) - Number(b.derived.ready))
          .flatMap(({ sku, derived: d }) =>
            [...d.findings]
              .sort((a, b) => Number(a.severity === 'recommendation') - Number(b.severity === 'recommendation'))
              .slice(0, 1)
              .map((f) => ({
                rule: f.rule,
                field: multi && sku ? `${sku} · ${f.field}` : f.field,
                severity: f.severity,
                message: multi && sku ? `${sku}: ${f.message}` : f.message,
              })),
          )
          .slice(0, 5);
        return {
          channel: c,
          ready: sum.ready,
          verdict: sum.verdict,
          violations: sum.violations,
          blocking: sum.blocking,
          top,
          skus: { ready: list.filter((x) => x.derived.ready).length, total: list.length },
        };
      }),
      gtin: gtinProblems(record.product, s.today),
      missingBarcodes: missingBarcodes(record.product),
      specialistOwned: record.product.variants.some((v) => protectedSet.has(v.sku)),
      policy: { policy: s.policy, auto: s.auto },
    };
  },

  'listings.editor': async (_p, sender) => {
    const snapshot = await tabSnapshot(sender, 'amazon:listing-edit');
    const data = snapshot.data as AmazonListingEditData;
    const s = await settings();
    const report = editorReport({
      live: data.listing,
      sku: data.sku,
      products: await allProducts(),
      policy: s.policy,
      today: s.today,
      protectedSkus: s.protectedSkus,
    });
    if (data.sku) {
      await upsertListing({
        channel: 'amazon',
        sku: data.sku,
        asin: data.asin,
        title: data.listing.title,
        // The editor shows an alert only when something is wrong: no alert keeps the inventory's status.
        status:
          data.status?.status ??
          ((await db().listings.get(`amazon:${data.sku}`))?.status as ListingRecord['status']) ??
          'unknown',
        reason: data.status?.reason ?? null,
        seenAt: clock.nowIso(),
        source: 'editor',
        productId: report.canonical?.productId ?? null,
        driftFields: report.canonical ? report.drift.filter((d) => d.status !== 'same').map((d) => d.field) : null,
        driftAt: report.canonical ? clock.nowIso() : null,
        violations: report.findings.length,
      });
    }
    const labels: Record<string, string> = {};
    for (const f of [...report.findings.map((x) => x.field), ...report.drift.map((d) => d.field)])
      labels[f] = fieldLabel(f);
    return {
      sku: data.sku,
      asin: data.asin,
      marketplace: data.marketplace,
      policy: { policy: s.policy, auto: s.auto },
      verdict: report.verdict,
      findings: report.findings,
      marks: report.marks.slice(0, 200),
      canonical: report.canonical,
      drift: report.drift,
      suggestions: report.suggestions,
      specialistOwned: report.specialistOwned,
      priceFlags: report.priceFlags,
      derivedReady: report.derivedReady,
      status: data.status ? { status: data.status.status, reason: data.status.reason } : null,
      labels,
    };
  },

  'listings.inventory': async (_p, sender) => {
    const snapshot = await tabSnapshot(sender, 'amazon:inventory');
    const data = snapshot.data as AmazonInventoryData;
    const products = await allProducts();
    const bySku = new Map<string, string>();
    for (const p of products) for (const v of p.product.variants) if (v.sku) bySku.set(v.sku, p.id);
    const at = clock.nowIso();
    const rows = data.rows.filter((r) => r.sku);
    await db().transaction('rw', db().listings, async () => {
      for (const r of rows)
        await upsertListing({
          channel: 'amazon',
          sku: r.sku,
          asin: r.asin,
          title: r.title,
          status: r.status,
          reason: r.reason,
          seenAt: at,
          source: 'inventory',
          productId: bySku.get(r.sku) ?? null,
          driftFields: null,
          driftAt: null,
          violations: null,
        });
    });
    return {
      marketplace: data.marketplace,
      recorded: rows.length,
      matched: rows.filter((r) => bySku.has(r.sku)).length,
      ...inventorySummary(rows),
    };
  },

  'listings.rewrite': async ({ field }, sender) => {
    const snapshot = await tabSnapshot(sender, 'amazon:listing-edit');
    const data = snapshot.data as AmazonListingEditData;
    const s = await settings();
    const provider = await aiProvider();
    if (provider.id === 'local')
      throw new MessageError('ai_error', 'Rewriting for search needs a model: configure one in Counterpart settings.');
    const max = amazonTitleMax(s.policy, data.listing.product_type, String(data.listing.attributes?.marketplace ?? ''));
    const products = await allProducts();
    const report = editorReport({
      live: data.listing,
      sku: data.sku,
      products,
      policy: s.policy,
      today: s.today,
      protectedSkus: s.protectedSkus,
    });
    const canonical = report.canonical ? products.find((p) => p.id === report.canonical?.productId) : undefined;
    const sources = [
      {
        id: 'live',
        label: 'Current Amazon listing',
        text: `Title: ${data.listing.title}\nBrand: ${data.listing.brand ?? ''}\nBullets:\n${(data.listing.bullets ?? []).join('\n')}`,
      },
      ...(canonical
        ? [
            {
              id: 'canonical',
              label: 'Canonical product (Shopify)',
              text: `Title: ${canonical.product.title}\nType: ${canonical.product.product_type}\nTags: ${canonical.product.tags.join(', ')}\nOptions: ${canonical.product.options.map((o) => `${o.name}: ${o.values.join('/')}`).join('; ')}`,
            },
          ]
        : []),
    ];
    const result = await provider.draft({
      task: 'listings.rewriteTitle',
      instructions: rewriteInstructions(s.policy, max),
      sources,
    });
    const text = result.value.text.replace(/\s+/g, ' ').trim().replace(/^"|"$/g, '');
    const after = structuredClone(data.listing);
    setValue(after, field, text);
    const checked = checkListing('amazon', after, { policy: s.policy, today: s.today });
    const findings = checked.findings.filter((f) => f.field === field);
    return {
      field,
      text,
      findings: findings.map((f) => ({ rule: f.rule, field: f.field, severity: f.severity, message: f.message })),
      ready: text.length > 0 && !findings.some((f) => f.severity !== 'recommendation'),
      provider: result.meta.provider,
      model: result.meta.model,
      notice: result.meta.notice ?? (result.meta.fallback ? 'The model did not answer; the local engine did.' : null),
    };
  },

  'listings.logApply': async ({ field, value, source }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel applies suggestions.');
    const snapshot = await readTabSnapshot(sender.tabId);
    await db().audit.add({
      at: clock.nowIso(),
      kind: 'listings.apply',
      app: snapshot?.app ?? 'amazon',
      entityId: snapshot?.entityId ?? null,
      intent: field,
      provider: source,
      model: '',
      action: 'inserted',
      suggestion: value.slice(0, 5000),
    });
    return { logged: true };
  },

  'listings.catalogue': async () => {
    const s = await settings();
    const [products, listings] = await Promise.all([allProducts(), allListings()]);
    const protectedSet = new Set(s.protectedSkus);
    // One row per SKU: marketplaces list (and check) each SKU on its own.
    const rows = products
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
    return { channels: [...CHANNELS], policy: { policy: s.policy, auto: s.auto }, rows };
  },

  'listings.checkProducts': async ({ ids }) => {
    const s = await settings();
    const at = clock.nowIso();
    let checked = 0;
    let ready = 0;
    for (const id of ids) {
      const p = asProduct(await db().products.get(id));
      if (!p) continue;
      const derived = deriveAllSkus(p.product, { ...s, wholesaleRatio: s.faireWholesaleRatio });
      const checks = { ...p.checks };
      for (const c of CHANNELS) {
        checks[c] = checkSummarySkus(derived[c], p.version, at);
        ready += derived[c].filter((x) => x.derived.ready).length;
      }
      await db().products.update(id, { checks });
      checked += 1;
    }
    return { checked, ready };
  },

  'listings.exportFeed': async ({ channel, format }) => {
    const s = await settings();
    const products = await allProducts();
    // One derived listing per SKU: a SKU that fails (a bad GTIN) leaves out only itself.
    const variants = products.flatMap((p) =>
      deriveSkus(channel, p.product, { ...s, wholesaleRatio: s.faireWholesaleRatio }).map((x) => x.derived),
    );
    const ready = variants.filter((v) => v.ready);
    const content = exportFeed(channel, ready, format);
    const rows = ready.reduce((n, v) => n + Math.max(1, v.listing.variants?.length ?? 0), 0);
    return { filename: download(channel, format), content, rows, skipped: variants.length - ready.length };
  },
};
