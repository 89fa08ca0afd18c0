/**
 * The forms users have for a listing line (issue 14 item 10), turned into the shape
 * `channelListingSchema` checks: Amazon's attribute names — the Selling Partner API's
 * (`item_name`, `bullet_point`, `product_description`, `generic_keyword`,
 * `externally_assigned_product_identifier`, values as `[{value, language_tag, marketplace_id}]`)
 * and the legacy flat-file's (`bullet_point1`…`bullet_point5`, `generic_keywords`, `brand_name`,
 * `external_product_id` + `external_product_id_type`, `standard_price`, `feed_product_type`,
 * `item_type`) — and a GTIN as a string, a number or `{type, value}`. Our own names win when both
 * are given. Plain data in, plain data out; the schema still decides what is valid.
 */

/** Our field ← Amazon names (SP-API first, then legacy flat-file), in order of preference. */
export const AMAZON_ALIASES: Readonly<Record<string, readonly string[]>> = {
  title: ['item_name'],
  bullets: ['bullet_point', 'bullet_points'],
  description: ['product_description'],
  search_terms: ['generic_keyword', 'generic_keywords'],
  brand: ['brand_name'],
  product_type: ['feed_product_type'],
  item_type_keyword: ['item_type'],
  gtin: ['externally_assigned_product_identifier', 'external_product_id'],
  price: ['standard_price', 'your_price'],
  list_price: [],
  // §1.1: item highlights are `title_differentiation`, legacy name `item_highlights`.
  highlights: ['title_differentiation', 'item_highlights'],
};

const NUMBER_FIELDS = new Set(['price', 'list_price']);
const LEGACY_BULLETS = ['bullet_point1', 'bullet_point2', 'bullet_point3', 'bullet_point4', 'bullet_point5'];
const AMAZON_ONLY = new Set(['external_product_id_type', ...LEGACY_BULLETS]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** SP-API wraps values as `[{value, …}]`: the values, in order. */
function unwrap(v: unknown): unknown {
  if (Array.isArray(v) && v.length > 0 && v.every((x) => isRecord(x) && 'value' in x))
    return v.map((x) => (x as { value: unknown }).value);
  if (isRecord(v) && 'value' in v) return v.value;
  return v;
}

/** A GTIN as a string: from a string, a number, `{type, value}` or SP-API's `[{type, value}]`. */
export function gtinString(v: unknown): unknown {
  const u = unwrap(v);
  const one = Array.isArray(u) ? u[0] : u;
  if (typeof one === 'number' && Number.isSafeInteger(one)) return String(one);
  return one;
}

function scalar(field: string, v: unknown): unknown {
  const u = unwrap(v);
  if (field === 'bullets') return Array.isArray(u) ? u : typeof u === 'string' ? [u] : u;
  const one = Array.isArray(u) ? u[0] : u;
  if (NUMBER_FIELDS.has(field) && typeof one === 'string' && one.trim() !== '' && Number.isFinite(Number(one)))
    return Number(one);
  return field === 'gtin' ? gtinString(one) : one;
}

const VARIANT_GTIN_NAMES = ['gtin', 'barcode', 'externally_assigned_product_identifier', 'external_product_id'];

/** A variant's GTIN under any of its names (ours, Shopify's `barcode`, Amazon's), as a string under `gtin`. */
function variantForm(v: unknown): unknown {
  if (!isRecord(v)) return v;
  const name = VARIANT_GTIN_NAMES.find((n) => v[n] !== undefined && v[n] !== null && v[n] !== '');
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!VARIANT_GTIN_NAMES.includes(k)) out[k] = x;
  if (name) out.gtin = gtinString(v[name]);
  return out;
}

/** A listing line with Amazon's names mapped to ours and every GTIN as a string. */
export function listingInputForms(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (AMAZON_ONLY.has(k) || Object.values(AMAZON_ALIASES).some((names) => names.includes(k))) continue;
    out[k] = k in AMAZON_ALIASES ? scalar(k, v) : v;
  }
  for (const [field, names] of Object.entries(AMAZON_ALIASES)) {
    if (out[field] !== undefined) continue;
    const name = names.find((n) => value[n] !== undefined);
    if (name) out[field] = scalar(field, value[name]);
  }
  if (out.bullets === undefined) {
    const legacy = LEGACY_BULLETS.map((k) => value[k]).filter((b) => typeof b === 'string' && b.trim() !== '');
    if (legacy.length) out.bullets = legacy;
  }
  if (Array.isArray(out.variants)) out.variants = out.variants.map(variantForm);
  return out;
}

/** A canonical product line whose variants' barcode (or `gtin`) may be a number or `{type, value}`. */
export function productInputForms(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const fix = (o: Record<string, unknown>): Record<string, unknown> => {
    const r: Record<string, unknown> = { ...o };
    if ('barcode' in r) r.barcode = gtinString(r.barcode);
    else if ('gtin' in r) {
      r.barcode = gtinString(r.gtin);
      delete r.gtin;
    }
    return r;
  };
  const out: Record<string, unknown> = { ...value };
  if (Array.isArray(out.variants)) out.variants = out.variants.map((v) => (isRecord(v) ? fix(v) : v));
  return out;
}
