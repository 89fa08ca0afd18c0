/**
 * Realistic-size host pages for `bench/host-overhead.ts`, generated from the end-to-end fixtures
 * (`e2e/fixtures/<app>/`) so they keep the markup the adapters read, scaled up to what a busy
 * account shows: a 200-message Gorgias thread (and a second one to navigate to), a 100-variant
 * Shopify product, a full Seller Central editor (every tab's attribute groups, nine image slots),
 * a 10-item Loop return. Deterministic (no randomness, no clock).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../e2e/support/paths';

const fixture = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');

const CUSTOMER_LINES = [
  'Hi, I ordered the Classic Tee last week and the tracking page has not moved since Tuesday.',
  'Could you check with the carrier? I need it before the weekend, it is a gift for my brother.',
  'I also noticed the confirmation email had the wrong size on it, I picked a medium not a large.',
  'Thanks for getting back to me so quickly, that is really helpful.',
  'One more thing: can I still add a second colour to the same order or is it too late?',
  'The parcel says delivered but there is nothing at my door or with my neighbours.',
];
const AGENT_LINES = [
  'Thanks for reaching out! I have checked the order and it left our Brooklyn warehouse on Monday.',
  'The carrier shows a short delay at the regional hub; it should move again within a day.',
  'I have updated the size on the order to a medium, you will get a new confirmation shortly.',
  'If it has not arrived by Friday, reply here and I will send a replacement right away.',
  'Happy to help with anything else — have a great day!',
];

function thread(ticketId: string, first: unknown[], n: number, customer: string) {
  const out = [...first];
  for (let i = out.length; i < n; i++) {
    const fromCustomer = i % 2 === 0;
    const lines = fromCustomer ? CUSTOMER_LINES : AGENT_LINES;
    const a = lines[i % lines.length] as string;
    const b = lines[(i * 7 + 3) % lines.length] as string;
    out.push({
      id: String(Number(ticketId) * 1000 + i),
      from: fromCustomer ? 'customer' : i % 10 === 5 ? 'internal' : 'agent',
      author: fromCustomer ? customer : 'Sam Rivera',
      time: new Date(Date.UTC(2026, 10, 1, 8, 0) + i * 37 * 60_000).toISOString(),
      paragraphs: fromCustomer ? ['Hello,', `${a} ${b}`, customer.split(' ')[0]] : [`${a}`, b, 'Sam'],
    });
  }
  // The customer's question stays the newest message, as on a real open ticket.
  return [...out.slice(first.length), ...first];
}

/** Gorgias: tickets 4101 and 4102 with 200 messages each (the fixture's own messages last). */
export function gorgiasPage(messages = 200): string {
  const html = fixture('gorgias/app.html');
  const re = /(<script type="application\/json" id="fixture-data">)([\s\S]*?)(<\/script>)/;
  const json = re.exec(html)?.[2];
  if (!json) throw new Error('gorgias fixture: no fixture-data');
  const data = JSON.parse(json) as { tickets: Array<{ id: string; messages: unknown[]; customer: { name: string } }> };
  for (const t of data.tickets)
    if (t.id === '4101' || t.id === '4102') t.messages = thread(t.id, t.messages, messages, t.customer.name);
  return html.replace(re, (_m, a: string, _b, c: string) => `${a}\n${JSON.stringify(data)}\n${c}`);
}

/** Shopify: the product page with `variants` variant rows (each with its thumbnail and a child row). */
export function shopifyPage(variants = 100): string {
  const html = fixture('shopify/product.html');
  const start = html.indexOf('<tr class="Polaris-IndexTable__TableRow _VariantRow');
  const end = html.indexOf('</tbody>', start);
  const first = html.slice(start, html.indexOf('</tr>', start) + 5);
  const colors = ['Black', 'White', 'Navy', 'Olive', 'Sand', 'Heather Grey', 'Charcoal', 'Red', 'Sky', 'Forest'];
  const sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL', '4XL', '5XL', '6XL'];
  const rows: string[] = [];
  for (let i = 0; i < variants; i++) {
    const color = colors[Math.floor(i / sizes.length) % colors.length] as string;
    const size = sizes[i % sizes.length] as string;
    const sku = `TEE-CL-${color.slice(0, 3).toUpperCase()}-${size}`;
    rows.push(
      first
        .replace(/data-variant-id="\d+"/, `data-variant-id="${44120000001 + i}"`)
        .replace(/variants\[0\]/g, `variants[${i}]`)
        .replace(/Black \/ M/g, `${color} / ${size}`)
        .replace('TEE-CL-BLK-M', sku)
        .replace('036000291452', String(850012300000 + i))
        .replace('value="12"', `value="${(i * 7) % 40}"`),
      `<tr class="Polaris-IndexTable__TableRow Polaris-IndexTable__TableRow--child" aria-hidden="true"><td class="Polaris-IndexTable__TableCell" colspan="8"><span class="Polaris-Text--root Polaris-Text--subdued">${color} / ${size} is sold on 3 channels</span></td></tr>`,
    );
  }
  return html.slice(0, start) + rows.join('\n') + html.slice(end);
}

const AMAZON_GROUPS: Record<string, string[]> = {
  'Product details': [
    'material',
    'fabric_type',
    'color',
    'color_map',
    'size',
    'size_map',
    'department',
    'target_gender',
    'age_range_description',
    'style',
    'pattern',
    'neck_style',
    'sleeve_type',
    'fit_type',
    'closure_type',
    'care_instructions',
    'country_of_origin',
    'model_name',
    'model_number',
    'part_number',
    'manufacturer',
    'theme',
    'occasion_type',
    'season',
    'lifestyle',
    'special_feature',
    'apparel_size_system',
    'apparel_size_class',
    'apparel_body_type',
    'apparel_height_type',
  ],
  'Safety & compliance': [
    'batteries_required',
    'supplier_declared_dg_hz_regulation',
    'gpsr_safety_attestation',
    'gpsr_manufacturer_reference',
    'compliance_media',
    'warranty_description',
    'cpsia_cautionary_statement',
    'item_weight',
    'item_package_weight',
    'item_package_dimensions',
    'number_of_items',
    'item_package_quantity',
    'unit_count',
    'unit_count_type',
    'contains_liquid_contents',
    'is_heat_sensitive',
  ],
  Offer: [
    'condition_type',
    'condition_note',
    'fulfillment_availability',
    'merchant_shipping_group',
    'max_order_quantity',
    'product_tax_code',
    'merchant_release_date',
    'restock_date',
    'skip_offer',
    'gift_options',
    'main_offer_image_locator',
    'list_price_with_tax',
    'minimum_seller_allowed_price',
    'maximum_seller_allowed_price',
    'business_price',
    'quantity_price_type',
  ],
  Variations: [
    'parentage_level',
    'child_parent_sku_relationship',
    'variation_theme',
    'parent_sku',
    'relationship_type',
  ],
};

/** Seller Central: the listing editor with every tab's attribute groups (~85 more fields) and nine image slots. */
export function amazonPage(): string {
  let html = fixture('amazon/listing-edit.html');
  const groups = Object.entries(AMAZON_GROUPS)
    .map(
      ([title, fields]) =>
        `<div class="attributeGroup" id="attribute-group-${title.toLowerCase().replace(/\W+/g, '_')}"><h3>${title}</h3>\n${fields
          .map(
            (f, i) =>
              `<kat-input name="${f}-0-value" label="${f.replace(/_/g, ' ')}" value="${i % 3 === 0 ? '' : `${f.split('_')[0]} value ${i}`}"></kat-input>`,
          )
          .join('\n')}</div>`,
    )
    .join('\n');
  html = html.replace(
    '<section id="images">',
    `<section id="more_attributes">${groups}</section>\n<section id="images">`,
  );
  const slots = [...html.matchAll(/<figure class="image-slot"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
  const extra: string[] = [];
  for (let i = 2; i <= 8; i++)
    extra.push(
      (slots[i % slots.length] as string)
        .replace(/data-image-variant="\w+"/, `data-image-variant="PT0${i}"`)
        .replace(/<figcaption>\w+<\/figcaption>/, `<figcaption>PT0${i}</figcaption>`),
    );
  const last = slots[slots.length - 1] as string;
  return html.replace(last, `${last}\n${extra.join('\n')}`);
}

/** Loop: return 48213577 with 10 returned items (reasons and comments varied). */
export function loopPage(items = 10): string {
  const html = fixture('loop/app.html');
  const re = /(<script type="application\/json" id="fixture-data">)([\s\S]*?)(<\/script>)/;
  const json = re.exec(html)?.[2];
  if (!json) throw new Error('loop fixture: no fixture-data');
  const data = JSON.parse(json) as { returns: Array<{ id: string; items: Array<Record<string, unknown>> }> };
  const pool = data.returns.flatMap((r) => r.items);
  const target = data.returns.find((r) => r.id === '48213577');
  if (!target) throw new Error('loop fixture: no return 48213577');
  const out = [...target.items];
  for (let i = out.length; i < items; i++) out.push({ ...(pool[i % pool.length] as Record<string, unknown>) });
  target.items = out;
  return html.replace(re, (_m, a: string, _b, c: string) => `${a}\n${JSON.stringify(data, null, 1)}\n${c}`);
}
