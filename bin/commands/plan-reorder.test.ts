import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSource, planFromFiles, toCliLine } from '../../lib/planning/batch';

const file = (name: string) => ({
  name,
  text: readFileSync(new URL(`../../e2e/fixtures/planning/${name}`, import.meta.url), 'utf8'),
});

describe('plan-reorder command', () => {
  it('detects each export from its header', () => {
    const all = ['shopify-orders', 'amazon-orders', 'shopify-inventory', 'fba-inventory', '3pl-onhand'] as const;
    expect(detectSource(file('amazon-all-orders.txt').text, all)).toBe('amazon-orders');
    expect(detectSource(file('fba-inventory.txt').text, all)).toBe('fba-inventory');
    expect(detectSource(file('3pl-onhand.csv').text, all)).toBe('3pl-onhand');
    expect(detectSource(file('shopify-inventory.csv').text, all)).toBe('shopify-inventory');
    // The products export shares Handle, Title and Option columns with the inventory export; each still wins its own file.
    expect(detectSource(file('shopify-products.csv').text, [...all, 'products'])).toBe('products');
    expect(detectSource(file('shopify-inventory.csv').text, [...all, 'products'])).toBe('shopify-inventory');
  });

  it('writes one line per SKU with the contract’s fields, and reports rejected rows', () => {
    const { plan, reports } = planFromFiles(
      {
        orders: [file('shopify-orders-broken.csv')],
        inventory: [file('shopify-inventory.csv')],
        suppliers: [file('suppliers.csv')],
      },
      { today: '2026-11-27' },
    );
    expect(reports[0]!.rejected.map((r) => r.line)).toEqual([14, 15, 16, 17, 18]);
    const line = toCliLine(plan.lines.find((l) => l.sku === 'TEE-BLK-M')!);
    expect(Object.keys(line)).toEqual([
      'sku',
      'on_hand',
      'velocity_per_day',
      'lead_time_demand',
      'safety_stock',
      'reorder_point',
      'order_qty',
      'stockout_date',
      'confidence',
      'rationale',
      'supplier',
    ]);
    expect(line.supplier).toBe('Lotus Apparel Co.');
    // A dozen orders of history: new SKU territory.
    expect(line.confidence).toBe('low');
  });

  it('--products: a calendar promo aimed at a collection lifts the SKUs in it (the rationale says so) and not the others', () => {
    const files = {
      orders: [file('shopify-orders.csv')],
      inventory: [file('shopify-inventory.csv')],
      suppliers: [file('suppliers.csv')],
      calendar: [file('calendar-collections.csv')],
    };
    const { plan, reports } = planFromFiles(
      { ...files, products: [file('shopify-products.csv')] },
      { today: '2026-11-27' },
    );
    expect(reports.find((r) => r.file === 'shopify-products.csv')).toMatchObject({ source: 'products', records: 15 });
    const rationale = (sku: string) => toCliLine(plan.lines.find((l) => l.sku === sku)!).rationale;
    for (const sku of ['HOOD-GRY-M', 'HOOD-GRY-L', 'BEANIE-RED', 'BLANKET-WOOL'])
      expect(rationale(sku)).toContain('Cold Weather Week Dec 1–7 adds 30%');
    for (const sku of ['TEE-BLK-M', 'SOCK-3PK', 'MUG-CER-12'])
      expect(rationale(sku)).not.toContain('Cold Weather Week');
    expect(rationale('BLANKET-WOOL')).toContain('Home for the holidays Dec 10–16 adds 15%');
    // The mug is in Home too, but a location counts it negative: its line is blocked with the reason.
    expect(rationale('MUG-CER-12')).toMatch(/^Blocked: a stock count reports negative on-hand/);
    expect(plan.checklist.find((c) => c.id === 'promo-targets')!.ok).toBe(true);

    // Without the products file the same calendar reaches nobody, and the checklist says why.
    const bare = planFromFiles(files, { today: '2026-11-27' }).plan;
    expect(bare.lines.find((l) => l.sku === 'HOOD-GRY-M')!.rationale).not.toContain('Cold Weather Week');
    expect(bare.checklist.find((c) => c.id === 'promo-targets')!.ok).toBe(false);
  });
});
