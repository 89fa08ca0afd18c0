import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../util/text';
import { checkListing } from './check';
import { DEMO_TEE as TEE } from './demo';
import { bulletsFromDescription, deriveListing, searchTermsFrom } from './derive';
import { driftedFields, listingDrift } from './drift';
import { exportFeed } from './feed';
import { chars } from './text';
import { CHANNELS } from './types';

const opts = { today: '2026-11-27', protectedSkus: [] as string[] };

describe('deriveListing', () => {
  it('carries a genuine compare-at price as the list price, and drops one below the price', () => {
    const base = TEE.variants[0]!;
    const withSale = { ...TEE, variants: [{ ...base, price: 25, compare_at_price: 35 }] };
    expect(deriveListing('amazon', withSale, opts).listing.list_price).toBe(35);
    const bogus = { ...TEE, variants: [{ ...base, price: 25, compare_at_price: 20 }] };
    expect(deriveListing('amazon', bogus, opts).listing.list_price).toBeUndefined();
  });

  it('builds an Amazon variant under 75 characters with the brand first and overflow in item highlights', () => {
    const d = deriveListing('amazon', TEE, opts);
    expect(d.policy).toBe('amazon-2026-07');
    expect(chars(d.listing.title)).toBeLessThanOrEqual(75);
    expect(d.listing.title.startsWith('Northwind Classic Tee')).toBe(true);
    expect(d.listing.title).not.toMatch(/free shipping|!/i);
    expect(d.listing.highlights).toBeTruthy();
    expect(chars(d.listing.highlights)).toBeLessThanOrEqual(125);
  });

  it('builds five bullets from the list items, without the banned eco-friendly claim', () => {
    const d = deriveListing('amazon', TEE, opts);
    expect(d.listing.bullets).toHaveLength(5);
    expect(d.listing.bullets?.[0]).toBe('Soft 180 gsm combed ring-spun cotton');
    expect(d.listing.bullets?.join(' ')).not.toMatch(/eco-friendly/i);
    // "Eco-friendly dyes, pre-shrunk fabric" loses the whole claim part, not just the word: never "Dyes, pre-shrunk fabric".
    expect(d.listing.bullets?.[2]).toBe('Pre-shrunk fabric');
    // …and says so, with what to do instead.
    expect(d.transforms).toContain(
      'took “Eco-friendly dyes” out of “Eco-friendly dyes, pre-shrunk fabric”: Amazon bans unqualified claims in bullets; name a certification instead if one backs it',
    );
  });

  it('reduces the description to plain text without the contact sentence', () => {
    const d = deriveListing('amazon', TEE, opts);
    expect(d.listing.description).not.toMatch(/<p>|<li>|hello@/);
    expect(d.listing.description).toContain('keeps its shape');
  });

  it('writes search terms from tags, lower case, without title words, temporary words or the brand', () => {
    const st = searchTermsFrom(TEE, 'Northwind Classic Tee Cotton');
    expect(st).toBe('crewneck unisex basics summer t shirt');
    expect(utf8Bytes(st)).toBeLessThan(200);
  });

  it('marks the variant ready only when the re-check finds nothing blocking or suppressing', () => {
    for (const c of CHANNELS) {
      const d = deriveListing(c, TEE, opts);
      const again = checkListing(c, d.listing, { today: '2026-11-27', policy: d.policy });
      expect(again.findings).toEqual(d.findings);
      expect(d.ready).toBe(!again.findings.some((f) => f.severity !== 'recommendation'));
    }
  });

  it('is ready on Amazon for the demo tee and keeps the variants with their GTINs', () => {
    const d = deriveListing('amazon', TEE, opts);
    expect(d.findings.filter((f) => f.severity !== 'recommendation')).toEqual([]);
    expect(d.ready).toBe(true);
    expect(d.listing.variants?.map((v) => v.gtin)).toEqual(['036000291452', '850012345671']);
  });

  it('is not ready when a variant GTIN has a wrong check digit', () => {
    const bad = structuredClone(TEE);
    bad.variants[1]!.barcode = '850012345672';
    const d = deriveListing('walmart', bad, opts);
    expect(d.ready).toBe(false);
    expect(d.findings.find((f) => f.rule === 'GTIN-CHECK')?.field).toBe('variants[1].gtin');
  });

  it('pads GTINs to 14 digits for Walmart and keeps at most 13 for Target Plus', () => {
    expect(deriveListing('walmart', TEE, opts).listing.variants?.[0]?.gtin).toBe('00036000291452');
    expect(deriveListing('target', TEE, opts).listing.variants?.[0]?.gtin).toBe('036000291452');
  });

  it('sets the Faire wholesale price at keystone (half of retail)', () => {
    const d = deriveListing('faire', TEE, opts);
    expect(d.listing.price).toBe(12.5);
    expect(d.listing.attributes?.retail_price).toBe(25);
  });

  it('labels protected SKUs specialist-owned, suggestion-only, and flags the price instead of proposing it', () => {
    const d = deriveListing('faire', TEE, {
      ...opts,
      protectedSkus: ['TEE-CL-BLK-M'],
      livePrices: { 'TEE-CL-BLK-M': 13 },
    });
    expect(d.specialistOwned).toBe(true);
    expect(d.applyMode).toBe('suggestion');
    expect(d.priceFlags).toEqual([
      expect.objectContaining({ sku: 'TEE-CL-BLK-M', field: 'price', proposed: 12.5, current: 13 }),
    ]);
    expect(d.listing.variants?.[0]?.price).toBe(13);
    expect(d.listing.variants?.[1]?.price).toBe(12.5);
  });

  it('leaves unprotected products in bulk mode', () => {
    const d = deriveListing('amazon', TEE, opts);
    expect(d.specialistOwned).toBe(false);
    expect(d.applyMode).toBe('bulk');
    expect(d.priceFlags).toEqual([]);
  });

  it('keeps 200 characters under the 2025 policy', () => {
    const d = deriveListing('amazon', TEE, { ...opts, policy: 'amazon-2025-01' });
    expect(chars(d.listing.title)).toBeGreaterThan(75);
    expect(d.listing.highlights).toBeUndefined();
  });
});

describe('bulletsFromDescription', () => {
  it('falls back to sentences when there is no list', () => {
    expect(bulletsFromDescription('<p>Soft cotton tee. Relaxed fit for every day. Ok.</p>')).toEqual([
      'Soft cotton tee.',
      'Relaxed fit for every day.',
    ]);
  });
});

describe('listingDrift', () => {
  it('reports changed, missing and identical fields, ignoring markup, whitespace, GTIN padding and word order of search terms', () => {
    const canon = deriveListing('amazon', TEE, opts).listing;
    const live = {
      ...canon,
      title: `${canon.title}  `,
      bullets: canon.bullets?.slice(0, 4),
      search_terms: canon.search_terms?.split(' ').reverse().join(' '),
      price: 27,
      gtin: '00036000291452',
    };
    const canonWithGtin = { ...canon, gtin: '036000291452', price: 25 };
    const d = listingDrift(canonWithGtin, live);
    expect(d.find((e) => e.field === 'title')?.status).toBe('same');
    expect(d.find((e) => e.field === 'bullets[4]')?.status).toBe('missing_live');
    expect(d.find((e) => e.field === 'search_terms')?.status).toBe('same');
    expect(d.find((e) => e.field === 'gtin')?.status).toBe('same');
    expect(d.find((e) => e.field === 'price')).toEqual({ field: 'price', canonical: 25, live: 27, status: 'changed' });
    expect(driftedFields(d).map((e) => e.field)).toEqual(['bullets[4]', 'price']);
  });
});

describe('exportFeed', () => {
  it('writes one row per SKU of ready variants in Amazon flat-file column names', () => {
    const d = deriveListing('amazon', TEE, opts);
    const csv = exportFeed('amazon', [d]);
    const lines = csv.split('\n');
    expect(lines[0]).toMatch(/^item_sku,external_product_id,external_product_id_type,brand_name,item_name/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('TEE-CL-BLK-M,036000291452,UPC,Northwind');
  });
  it('writes TSV and leaves out variants that are not ready', () => {
    const ready = deriveListing('walmart', TEE, opts);
    const bad = structuredClone(TEE);
    bad.variants[0]!.barcode = '850012345672';
    const notReady = deriveListing('walmart', bad, opts);
    const tsv = exportFeed('walmart', [ready, notReady], 'tsv');
    const parsed = Papa.parse<string[]>(tsv, { delimiter: '\t' }).data;
    expect(parsed[0]).toEqual([
      'sku',
      'productIdType',
      'productId',
      'productName',
      'brand',
      'shortDescription',
      'keyFeatures',
      'price',
      'mainImageUrl',
    ]);
    expect(ready.ready).toBe(true);
    expect(parsed.map((r) => r[0])).toEqual(['sku', 'TEE-CL-BLK-M', 'TEE-CL-BLK-L']);
    expect(parsed[1]?.[2]).toBe('00036000291452');
  });
});
