/**
 * Import benchmark (issue 16: import of 500k order lines in Node ≤ 2× papaparse parse-only).
 * Run: npx tsx bench/import.ts   (`LINES=100000` for a quick run)
 *
 * The same 500,000-line Shopify orders CSV as bench/planning.ts and bench/planning-browser.ts
 * (mulberry32 seed 7, 2,000 SKUs), in memory. Each repeat times, back to back in this process:
 * - parse-only: `Papa.parse` of the text with the import core's own settings (no header mode,
 *   1 MiB chunks, delimiter given), rows counted and dropped: the yardstick;
 * - import: `importText` with the Shopify orders spec (parse, header mapping, row checks, records
 *   keyed by id: what the planner's worker gets before it stores anything).
 * The order alternates between repeats; the figure is import / parse-only per repeat, reported as
 * min / median / max with the load average, so load from other jobs hits both sides alike. Each
 * run starts from a collected heap (neither side pays for the other's garbage), and the same runs
 * are also reported in CPU time of this process, which other jobs on the shared cores move less.
 * Writes bench/results/import.json.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse';
import { importText } from '../lib/import/core';
import { dayNumber, dayString } from '../lib/planning/dates';
import { SOURCES } from '../lib/planning/import/sources';
import { mulberry32 } from '../lib/util/random';

const LINES = Number(process.env.LINES ?? 500_000);
const REPEATS = Number(process.env.REPEATS ?? 7);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const load = () => os.loadavg().map((x) => round(x, 2));

/** The benchmark's orders file (same generator as bench/planning-browser.ts). */
export function ordersCsv(lines: number, skus = 2000): string {
  const rand = mulberry32(7);
  const parts: string[] = [
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at,Refunded Amount,Source',
  ];
  let order = 100000;
  const start = dayNumber('2024-11-27');
  for (let i = 0; i < lines; ) {
    const name = `#${order++}`;
    const day = dayString(start + Math.floor((i / lines) * 730));
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n && i < lines; k++, i++) {
      const sku = `SKU-${String(Math.floor(rand() * skus)).padStart(5, '0')}`;
      parts.push(
        k === 0
          ? `${name},c${order}@example.com,paid,${day} 10:00:00 -0500,fulfilled,,USD,56.00,0.00,56.00,,${day} 10:00:00 -0500,1,Product ${sku},28.00,${sku},US,,0.00,web`
          : `${name},,,,,,,,,,,,1,Product ${sku},28.00,${sku},,,,`,
      );
    }
  }
  return `${parts.join('\n')}\n`;
}

// Each timed run starts from a collected heap, so neither side pays for the other's garbage.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** CPU time of this process (all its threads, the garbage collector's included) in ms since `from`. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

function parseOnly(text: string): { ms: number; cpu: number; rows: number } {
  collect();
  const c = process.cpuUsage();
  const a = performance.now();
  let rows = 0;
  const config = {
    header: false,
    skipEmptyLines: false,
    delimiter: ',',
    chunkSize: 1 << 20,
    chunk(results: Papa.ParseResult<string[]>) {
      rows += results.data.length;
    },
  };
  Papa.parse<string[]>(text, config);
  return { ms: performance.now() - a, cpu: cpuMs(c), rows };
}

function importOnce(text: string): { ms: number; cpu: number; records: number; rejected: number } {
  collect();
  const c = process.cpuUsage();
  const a = performance.now();
  const r = importText(text, SOURCES['shopify-orders']);
  return { ms: performance.now() - a, cpu: cpuMs(c), records: r.records.length, rejected: r.rejected.length };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: round(s[0]!, 2), median: round(s[Math.floor(s.length / 2)]!, 2), max: round(s.at(-1)!, 2) };
};

const loadBefore = load();
const text = ordersCsv(LINES);
const runs: {
  parse: number;
  import: number;
  ratio: number;
  cpuRatio: number;
  parseCpu: number;
  importCpu: number;
  records: number;
  rows: number;
}[] = [];
for (let r = 0; r < REPEATS; r++) {
  const first = r % 2 === 0;
  const p1 = first ? parseOnly(text) : null;
  const i = importOnce(text);
  const p = p1 ?? parseOnly(text);
  runs.push({
    parse: p.ms,
    import: i.ms,
    ratio: i.ms / p.ms,
    cpuRatio: i.cpu / p.cpu,
    parseCpu: p.cpu,
    importCpu: i.cpu,
    records: i.records,
    rows: p.rows,
  });
}
const warm = runs.slice(1); // the first repeat compiles the code
const out = {
  generated_by: 'bench/import.ts',
  node: process.version,
  cpus: os.cpus().length,
  lines: LINES,
  megabytes: round(Buffer.byteLength(text) / 1e6, 1),
  records: runs[0]!.records,
  parsed_rows: runs[0]!.rows,
  goal: 'import ≤ 2× papaparse parse-only (issue 16)',
  repeats: REPEATS,
  note: 'first repeat (cold) left out of the figures; order of parse and import alternates per repeat',
  import_over_parse_only: stats(warm.map((x) => x.ratio)),
  parse_only_ms: stats(warm.map((x) => x.parse)),
  import_ms: stats(warm.map((x) => x.import)),
  cpu_time: {
    note: 'the same runs in CPU time of this process (process.cpuUsage: its threads, GC included), less sensitive to other jobs on the 2 shared cores than wall time',
    import_over_parse_only: stats(warm.map((x) => x.cpuRatio)),
    parse_only_ms: stats(warm.map((x) => x.parseCpu)),
    import_ms: stats(warm.map((x) => x.importCpu)),
  },
  cold: { parse_only_ms: round(runs[0]!.parse, 1), import_ms: round(runs[0]!.import, 1) },
  load_average_before: loadBefore,
  load_average_after: load(),
};
console.log(out);
if (!process.env.NO_WRITE)
  writeFileSync(new URL('./results/import.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
