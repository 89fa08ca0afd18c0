import { now, utcDay } from '../../lib/clock';
import { planFromFiles, toCliLine } from '../../lib/planning/batch';
import { type CliCommand, flag, readInputFile } from '../command';

/** Every value of a repeatable flag, also comma-separated: `--inventory a.csv --inventory b.txt` or `--inventory a.csv,b.txt`. */
function flags(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === `--${name}` && args[i + 1]) out.push(...args[i + 1]!.split(',').filter(Boolean));
  });
  return out;
}

const read = (paths: string[], flagName: string) =>
  paths.map((name) => ({ name, text: readInputFile(name, flagName) }));

/** Plans reorders from exported files: one JSON line per SKU. */
export const planReorderCommand: CliCommand = {
  name: 'plan-reorder',
  summary: 'Reorder list from order, inventory and supplier exports: one JSON line per SKU with its rationale',
  usage: [
    'flags: --orders F (Shopify orders CSV or Amazon All Orders TSV; repeatable)',
    '       --inventory F (Shopify inventory CSV, FBA inventory TSV or 3PL on-hand CSV; repeatable)',
    '       --suppliers F  [--calendar F] [--bundles F] [--budget N] [--today YYYY-MM-DD] [--service-level 0.95]',
    '       [--products F] (Shopify products export CSV: collections and tags per SKU, for calendar promos aimed at a collection or tag)',
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
      { today, budget, settings: serviceLevel ? { serviceLevel: Number(serviceLevel) } : {} },
    );
    for (const r of reports) {
      io.err(
        `${r.file}: ${r.source ?? 'unknown'} ${r.records} records, ${r.rejected.length} rejected${r.fatal ? ` — ${r.fatal}` : ''}`,
      );
      for (const x of r.rejected) io.err(`  line ${x.line}: ${x.reason}`);
    }
    for (const c of plan.checklist) if (!c.ok) io.err(`check: ${c.title}: ${c.detail}`);
    for (const line of plan.lines) io.out(toCliLine(line));
    return reports.some((r) => r.fatal) ? 1 : 0;
  },
};
