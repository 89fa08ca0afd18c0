/**
 * Issue 18's misreads, each as it reached the CLI before the fix: files read as UTF-8 text with a
 * comma assumed, a plan printed whatever the files said.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planFromFiles, toCliLine } from '../../lib/planning/batch';
import { planReorderCommand } from './plan-reorder';

const path = (name: string) => fileURLToPath(new URL(`../../e2e/fixtures/planning/${name}`, import.meta.url));
const bytes = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path(name))) });
const TODAY = '2026-11-27';

async function cli(args: string[]) {
  const out: Record<string, unknown>[] = [];
  const err: string[] = [];
  const code = await planReorderCommand.run({
    args,
    lines: (async function* () {})(),
    out: (v) => out.push(v as Record<string, unknown>),
    err: (m) => err.push(m),
  });
  return { code, out, err };
}

describe('plan-reorder never misreads a file silently', () => {
  it('reads a semicolon-delimited orders file with decimal commas like the comma one', () => {
    const files = { inventory: [bytes('3pl-onhand.csv')], suppliers: [bytes('suppliers.csv')] };
    const semi = planFromFiles({ ...files, orders: [bytes('shopify-orders-semicolon.csv')] }, { today: TODAY });
    const comma = planFromFiles({ ...files, orders: [bytes('shopify-orders.csv')] }, { today: TODAY });
    expect(semi.reports[0]).toMatchObject({ source: 'shopify-orders', delimiter: ';', fatal: null });
    expect(semi.reports[0]!.records).toBe(comma.reports[0]!.records);
    expect(semi.reports[0]!.records).toBeGreaterThan(7000);
    expect(semi.plan.lines.map(toCliLine)).toEqual(comma.plan.lines.map(toCliLine));
    expect(semi.plan.lines.some((l) => l.blocked)).toBe(false);
  });

  it('blocks every line an empty orders file feeds instead of "no sales… order 0, confidence high"', async () => {
    for (const orders of [
      { name: 'orders-empty.csv', bytes: new Uint8Array(0) },
      bytes('shopify-orders-header-only.csv'),
    ]) {
      const { plan, reports } = planFromFiles(
        { orders: [orders], inventory: [bytes('3pl-onhand.csv')], suppliers: [bytes('suppliers.csv')] },
        { today: TODAY },
      );
      expect(reports[0]!.records).toBe(0);
      expect(plan.lines.length).toBeGreaterThan(10);
      for (const l of plan.lines.map(toCliLine)) {
        expect(l.order_qty).toBeNull();
        expect(l.confidence).toBeNull();
        expect(l.blocked).toMatch(new RegExp(`^the orders file ${orders.name} could not be read: `));
        expect(l.rationale).not.toMatch(/no sales|confidence high/);
      }
      const check = plan.checklist.find((c) => c.id === 'unusable-file')!;
      expect(check).toMatchObject({ ok: false, severity: 'error' });
      expect(check.detail).toContain(orders.name);
      expect(plan.purchaseOrders).toEqual([]);
    }
    const run = await cli([
      '--orders',
      path('shopify-orders-header-only.csv'),
      '--inventory',
      path('3pl-onhand.csv'),
      '--suppliers',
      path('suppliers.csv'),
      '--today',
      TODAY,
    ]);
    expect(run.code).toBe(1);
    expect(run.out.find((l) => l.sku === 'TEE-BLK-M')).toMatchObject({ order_qty: null, confidence: null });
    expect(run.err).toContain(
      'check: A file could not be read: the orders file ' +
        `${path('shopify-orders-header-only.csv')} could not be read: the file has no data rows. The plan is blocked for the SKUs it feeds until the file is fixed and imported again.`,
    );
  });

  it('reads a 3PL date 03/11/2026 as 3 November when told day-first, so on-hand stays 120', () => {
    const files = {
      orders: [bytes('shopify-orders.csv')],
      inventory: [bytes('3pl-onhand-dmy.csv')],
      suppliers: [bytes('suppliers.csv')],
    };
    // Nothing in the file tells the order: no guess, the file is refused and names the choice.
    const unsure = planFromFiles(files, { today: '2026-11-05' });
    expect(unsure.reports[1]!.needsDateOrder).toEqual({ examples: ['03/11/2026', '03/11/2026', '03/11/2026'] });
    expect(unsure.plan.lines.every((l) => l.blocked)).toBe(true);
    const { plan, reports } = planFromFiles(files, { today: '2026-11-05', dateOrder: 'dmy' });
    expect(reports[1]).toMatchObject({ records: 13, dateOrder: { order: 'dmy', decidedBy: 'user' } });
    expect(plan.lines.find((l) => l.sku === 'TEE-BLK-M')!.onHand).toBe(120);
  });

  it('decides day-first from one unambiguous 3PL date and reads 03/11/2026 as 3 November', () => {
    const text = `${readFileSync(path('3pl-onhand-dmy.csv'), 'utf8')}CANDLE-CED,NJ1,12,13/10/2026\n`;
    const { plan, reports } = planFromFiles(
      {
        orders: [bytes('shopify-orders.csv')],
        inventory: [{ name: '3pl.csv', bytes: new TextEncoder().encode(text) }],
        suppliers: [bytes('suppliers.csv')],
      },
      { today: '2026-11-05' },
    );
    expect(reports[1]!.dateOrder).toEqual({ order: 'dmy', decidedBy: 'file', evidence: '"13/10/2026" on line 15' });
    expect(plan.lines.find((l) => l.sku === 'TEE-BLK-M')!.onHand).toBe(120);
  });

  it('keeps the characters of a Windows-1252 suppliers file and says how it was read', async () => {
    const { plan, reports } = planFromFiles(
      {
        orders: [bytes('shopify-orders.csv')],
        inventory: [bytes('3pl-onhand.csv')],
        suppliers: [bytes('suppliers-latin1.csv')],
      },
      { today: TODAY },
    );
    expect(reports[2]).toMatchObject({ encoding: 'windows-1252', delimiter: ';', records: 14, fatal: null });
    expect(plan.lines.find((l) => l.sku === 'MUG-CER-12')!.supplier).toBe('Töpferei Müller & Söhne');
    expect(plan.lines.find((l) => l.sku === 'TEE-BLK-M')).toMatchObject({
      supplier: 'Société Lotus Habillement',
      unitCost: 7.8,
    });
    const run = await cli([
      '--orders',
      path('shopify-orders.csv'),
      '--inventory',
      path('3pl-onhand.csv'),
      '--suppliers',
      path('suppliers-latin1.csv'),
      '--today',
      TODAY,
    ]);
    expect(run.err).toContain(
      `${path('suppliers-latin1.csv')}: suppliers 14 records, 0 rejected (Windows-1252 / Latin-1, semicolon-separated)`,
    );
    expect(run.code).toBe(0);
  });

  it('refuses a duplicated header with a clear message and blocks the lines it feeds', async () => {
    const { plan, reports } = planFromFiles(
      {
        orders: [bytes('shopify-orders.csv')],
        inventory: [bytes('3pl-onhand.csv')],
        suppliers: [bytes('suppliers-duplicate-header.csv')],
      },
      { today: TODAY },
    );
    expect(reports[2]!.fatal).toBe(
      'Supplier sheet: "lead_time_days" (column 3) and "Lead time days" (column 4) both give leadTimeDays. Remove or rename one of them, or map it to "ignore", and import again',
    );
    expect(
      plan.lines.every((l) =>
        l.blocked?.startsWith(
          'the suppliers file suppliers-duplicate-header.csv could not be read: Supplier sheet: "lead_time_days"',
        ),
      ),
    ).toBe(true);
  });

  it('--date-order: a bad value and a file that needs it are one-line errors naming the flag', async () => {
    const base = [
      '--orders',
      path('shopify-orders.csv'),
      '--suppliers',
      path('suppliers.csv'),
      '--today',
      '2026-11-05',
    ];
    const bad = await cli([...base, '--inventory', path('3pl-onhand.csv'), '--date-order', 'ymd']);
    expect(bad).toMatchObject({ code: 2, out: [] });
    expect(bad.err).toEqual(['--date-order is dmy (03/11/2026 = 3 Nov) or mdy (= Mar 11), not: ymd']);
    const needs = await cli([...base, '--inventory', path('3pl-onhand-dmy.csv')]);
    expect(needs).toMatchObject({ code: 2, out: [] });
    expect(needs.err).toHaveLength(1);
    expect(needs.err[0]).toMatch(
      /3pl-onhand-dmy\.csv: dates like "03\/11\/2026" could be day\/month or month\/day .*--date-order dmy or --date-order mdy$/,
    );
    const told = await cli([...base, '--inventory', path('3pl-onhand-dmy.csv'), '--date-order', 'dmy']);
    expect(told.code).toBe(0);
    expect(told.err).toContain(
      `${path('3pl-onhand-dmy.csv')}: 3pl-onhand 13 records, 0 rejected (UTF-8, comma-separated, dates day-first (--date-order))`,
    );
    expect(told.out.find((l) => l.sku === 'TEE-BLK-M')).toMatchObject({ on_hand: 120 });
  });
});
