import { now, utcDay } from '../../lib/clock';
import type { DateOrder } from '../../lib/import/core';
import { DELIMITER_LABELS, ENCODING_LABELS } from '../../lib/import/sniff';
import { type FileReport, planFromFiles, toCliLine } from '../../lib/planning/batch';
import { type CliCommand, flag, readInputBytes } from '../command';

/** Every value of a repeatable flag, also comma-separated: `--inventory a.csv --inventory b.txt` or `--inventory a.csv,b.txt`. */
function flags(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === `--${name}` && args[i + 1]) out.push(...args[i + 1]!.split(',').filter(Boolean));
  });
  return out;
}

const read = (paths: string[], flagName: string) =>
  paths.map((name) => ({ name, bytes: readInputBytes(name, flagName) }));

/** "Windows-1252 / Latin-1, semicolon-separated, dates day-first ("13/11/2026" on line 5)" — how a file was read. */
export function howRead(r: FileReport): string {
  const parts: string[] = [];
  if (r.encoding) parts.push(ENCODING_LABELS[r.encoding]);
  if (r.delimiter) parts.push(`${DELIMITER_LABELS[r.delimiter]}-separated`);
  if (r.dateOrder) {
    const order = r.dateOrder.order === 'dmy' ? 'day-first' : 'month-first';
    parts.push(
      r.dateOrder.decidedBy === 'user'
        ? `dates ${order} (--date-order)`
        : `dates ${order}${r.dateOrder.evidence ? ` (${r.dateOrder.evidence})` : ''}`,
    );
  }
  return parts.join(', ');
}

/** Plans reorders from exported files: one JSON line per SKU. */
export const planReorderCommand: CliCommand = {
  name: 'plan-reorder',
  summary: 'Reorder list from order, inventory and supplier exports: one JSON line per SKU with its rationale',
  usage: [
    'flags: --orders F (Shopify orders CSV or Amazon All Orders TSV; repeatable)',
    '       --inventory F (Shopify inventory CSV, FBA inventory TSV or 3PL on-hand CSV; repeatable)',
    '       --suppliers F  [--calendar F] [--bundles F] [--budget N] [--today YYYY-MM-DD] [--service-level 0.95]',
    '       [--products F] (Shopify products export CSV: collections and tags per SKU, for calendar promos aimed at a collection or tag)',
    '       [--date-order dmy|mdy] (how to read 03/11/2026 in files whose dates do not tell: dmy = 3 Nov, mdy = Mar 11)',
    'files are read as UTF-8, UTF-16 or Windows-1252 (from their bytes), comma-, semicolon-, tab- or pipe-separated.',
    'a file that cannot be read blocks the lines it feeds: "blocked" names the file and why, with no order_qty or confidence.',
    'output line: {"sku", "on_hand", "velocity_per_day", "lead_time_demand", "safety_stock", "reorder_point", "order_qty", "stockout_date", "confidence", "rationale", "supplier"}',
    'import reports (rejected rows with line and reason) and the data checklist go to stderr.',
  ].join('\n'),
  async run(io) {
    const orders = flags(io.args, 'orders');
    const inventory = flags(io.args, 'inventory');
    const suppliers = flags(io.args, 'suppliers');
    if (orders.length === 0 || inventory.length === 0 || suppliers.length === 0) {
      io.err('plan-reorder needs --orders, --inventory and --suppliers');
      return 2;
    }
    const today = flag(io.args, 'today') ?? utcDay(now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
      io.err(`--today is not YYYY-MM-DD: ${today}`);
      return 2;
    }
    const budgetFlag = flag(io.args, 'budget');
    const budget = budgetFlag === undefined ? null : Number(budgetFlag);
    if (budget !== null && !Number.isFinite(budget)) {
      io.err(`--budget is not a number: ${budgetFlag}`);
      return 2;
    }
    const dateOrderFlag = flag(io.args, 'date-order');
    if (dateOrderFlag !== undefined && dateOrderFlag !== 'dmy' && dateOrderFlag !== 'mdy') {
      io.err(`--date-order is dmy (03/11/2026 = 3 Nov) or mdy (= Mar 11), not: ${dateOrderFlag}`);
      return 2;
    }
    const dateOrder = dateOrderFlag as DateOrder | undefined;
    const serviceLevel = flag(io.args, 'service-level');
    const { plan, reports } = planFromFiles(
      {
        orders: read(orders, 'orders'),
        inventory: read(inventory, 'inventory'),
        suppliers: read(suppliers, 'suppliers'),
        calendar: read(flags(io.args, 'calendar'), 'calendar'),
        bundles: read(flags(io.args, 'bundles'), 'bundles'),
        products: read(flags(io.args, 'products'), 'products'),
      },
      { today, budget, dateOrder, settings: serviceLevel ? { serviceLevel: Number(serviceLevel) } : {} },
    );
    const undecided = reports.find((r) => r.needsDateOrder);
    if (undecided) {
      io.err(
        `${undecided.file}: dates like "${undecided.needsDateOrder?.examples[0] ?? ''}" could be day/month or month/day and nothing in the file tells; run again with --date-order dmy or --date-order mdy`,
      );
      return 2;
    }
    for (const r of reports) {
      const how = howRead(r);
      io.err(
        `${r.file}: ${r.source ?? 'unknown'} ${r.records} records, ${r.rejected.length} rejected${how ? ` (${how})` : ''}${r.fatal ? ` — ${r.fatal}` : ''}`,
      );
      for (const x of r.rejected) io.err(`  line ${x.line}: ${x.reason}`);
    }
    for (const c of plan.checklist) if (!c.ok) io.err(`check: ${c.title}: ${c.detail}`);
    for (const line of plan.lines) io.out(toCliLine(line));
    // A refused file, or one that blocks lines (no usable rows), is a failed run.
    return reports.some((r) => r.fatal) || plan.lines.some((l) => l.blocked) ? 1 : 0;
  },
};
