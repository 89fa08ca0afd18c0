/**
 * Planning benchmark. Run: npx tsx bench/planning.ts
 *
 * 1. Plan 10,000 SKUs × 730 days × 3 channels in Node (the history arrays are built first, as the
 *    Web Worker keeps them between runs; the timed part is stock resolution, the data gate, the
 *    forecast and line of every SKU, cash allocation and PO drafts).
 * 2. Parse and import a 500,000-line Shopify orders CSV with the same import core (streamed, with
 *    progress). The browser figure is measured separately by the integrator.
 * 3. Forecast accuracy: MASE of our forecast and of the seasonal-naive baselines on the public
 *    store-item demand history (82 daily series), holding out the last 90 days of each series.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { importStream, importText } from '../lib/import/core';
import { stableId } from '../lib/import/hash';
import { SOURCES } from '../lib/import/sources';
import type { InventoryCount, Promo, SupplierTerm } from '../lib/import/types';
import { dayNumber, dayString } from '../lib/planning/dates';
import { fitSku, forecastInto, makeScratch } from '../lib/planning/forecast';
import { emptyHistory } from '../lib/planning/history';
import { planHistory } from '../lib/planning/plan';
import { mulberry32, poisson } from '../lib/util/random';

const RETAIL = new URL(
  '../../shared/data/retail_sales/store_item_demand_items1-9_82series_2013-2017.csv',
  import.meta.url,
);
const RESULTS = new URL('./results/', import.meta.url);
const now = () => performance.now();

// ---------------------------------------------------------------------------------------------
// 1. Planning speed.
function planningSpeed() {
  const SKUS = 10_000;
  const DAYS = 730;
  const today = '2026-11-27';
  const T = dayNumber(today);
  const skus = Array.from({ length: SKUS }, (_, i) => `SKU-${String(i).padStart(5, '0')}`);
  const h = emptyHistory(skus, T - DAYS, DAYS);
  const rand = mulberry32(42);
  const t0 = now();
  const counts: InventoryCount[] = [];
  const suppliers: SupplierTerm[] = [];
  for (let s = 0; s < SKUS; s++) {
    const base = 0.2 + 6 * rand() ** 2;
    const winter = rand() < 0.3 ? 0.6 * rand() : 0;
    const growth = (rand() - 0.4) * 0.5;
    const shares = [0.55, 0.15, 0.3];
    for (let t = 0; t < DAYS; t++) {
      const season = 1 + winter * Math.cos((2 * Math.PI * (t - DAYS + 28)) / 364);
      const trend = 1 + (growth * (t - DAYS)) / 365;
      for (let c = 0; c < 3; c++)
        h.qty[(s * 3 + c) * DAYS + t] = poisson(rand, Math.max(0, base * shares[c]! * season * trend));
    }
    counts.push({
      id: stableId('b', s),
      source: 'shopify-inventory',
      sku: skus[s]!,
      location: 'Warehouse',
      onHand: Math.round(base * 60 * rand()),
      available: null,
      committed: 0,
      incoming: 0,
      asOf: dayString(T - 1),
    });
    suppliers.push({
      id: stableId('s', s),
      sku: skus[s]!,
      supplier: `Supplier ${s % 40}`,
      leadTimeDays: 20 + (s % 5) * 10,
      leadTimeSdDays: 5,
      moq: 100,
      casePack: 12,
      unitCost: 5 + (s % 20),
      currency: 'USD',
    });
  }
  const generateMs = now() - t0;
  const promos: Promo[] = [
    {
      id: 'bf',
      name: 'Black Friday',
      start: '2026-11-27',
      end: '2026-11-30',
      skus: ['all'],
      collection: null,
      tag: null,
      upliftPct: 60,
    },
    {
      id: 'bf25',
      name: 'Black Friday 2025',
      start: '2025-11-28',
      end: '2025-12-01',
      skus: ['all'],
      collection: null,
      tag: null,
      upliftPct: 60,
    },
  ];
  const runs: number[] = [];
  const cpu: number[] = [];
  let lines = 0;
  let ordering = 0;
  for (let r = 0; r < 5; r++) {
    const a = now();
    const u = process.cpuUsage();
    const result = planHistory(h, { today, counts, suppliers, promos, budget: 250_000 });
    runs.push(now() - a);
    cpu.push(process.cpuUsage(u).user / 1000);
    lines = result.lines.length;
    ordering = result.lines.filter((l) => (l.orderQty ?? 0) > 0).length;
  }
  return {
    skus: SKUS,
    days: DAYS,
    channels: 3,
    cells: SKUS * DAYS * 3,
    generate_seconds: round(generateMs / 1000, 3),
    plan_seconds_runs: runs.map((x) => round(x / 1000, 3)),
    plan_seconds_best: round(Math.min(...runs) / 1000, 3),
    plan_cpu_seconds_runs: cpu.map((x) => round(x / 1000, 3)),
    lines,
    lines_ordering: ordering,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Import speed.
async function importSpeed() {
  const LINES = 500_000;
  const rand = mulberry32(7);
  const head =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at,Refunded Amount,Source';
  const parts: string[] = [head];
  let order = 100000;
  const start = dayNumber('2024-11-27');
  for (let i = 0; i < LINES; ) {
    const name = `#${order++}`;
    const day = dayString(start + Math.floor((i / LINES) * 730));
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n && i < LINES; k++, i++) {
      const sku = `SKU-${String(Math.floor(rand() * 2000)).padStart(5, '0')}`;
      parts.push(
        k === 0
          ? `${name},c${order}@example.com,paid,${day} 10:00:00 -0500,fulfilled,,USD,56.00,0.00,56.00,,${day} 10:00:00 -0500,1,Product ${sku},28.00,${sku},US,,0.00,web`
          : `${name},,,,,,,,,,,,1,Product ${sku},28.00,${sku},,,,`,
      );
    }
  }
  const text = `${parts.join('\n')}\n`;
  const bytes = Buffer.byteLength(text);
  let progressCalls = 0;
  const a = now();
  const u = process.cpuUsage();
  const streamed = await importStream(Readable.from(chunks(text, 1 << 20)), SOURCES['shopify-orders'], {
    onProgress: () => {
      progressCalls += 1;
    },
  });
  const streamMs = now() - a;
  const streamCpuMs = process.cpuUsage(u).user / 1000;
  const b = now();
  const whole = importText(text, SOURCES['shopify-orders']);
  const textMs = now() - b;
  return {
    lines: LINES,
    megabytes: round(bytes / 1e6, 1),
    stream_seconds: round(streamMs / 1000, 3),
    stream_cpu_seconds: round(streamCpuMs / 1000, 3),
    stream_progress_callbacks: progressCalls,
    text_seconds: round(textMs / 1000, 3),
    records: streamed.records.length,
    records_text: whole.records.length,
    rejected: streamed.rejected.length,
    lines_per_second: Math.round(LINES / (streamMs / 1000)),
  };
}

function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

// ---------------------------------------------------------------------------------------------
// 3. Forecast accuracy (MASE).
async function accuracy() {
  const HOLDOUT = 90;
  const r = importText(readFileSync(RETAIL, 'utf8'), {
    id: 'retail',
    label: 'store item demand',
    fields: {
      date: { aliases: ['date'], required: true },
      store: { aliases: ['store'], required: true },
      item: { aliases: ['item'], required: true },
      sales: { aliases: ['sales'], required: true },
    },
    rowBuilder: () => (c) => ({
      record: {
        id: `${c.store}-${c.item}-${c.date}`,
        key: `${c.store}-${c.item}`,
        day: dayNumber(c.date),
        sales: Number(c.sales),
      },
    }),
  });
  const bySeries = new Map<string, { day: number; sales: number }[]>();
  for (const x of r.records) {
    const list = bySeries.get(x.key) ?? [];
    list.push(x);
    bySeries.set(x.key, list);
  }
  const keys = [...bySeries.keys()].sort();
  const per: { series: string; mase: number; mase_snaive7: number; mase_snaive364: number }[] = [];
  let fitMs = 0;
  for (const key of keys) {
    const pts = bySeries.get(key)!.sort((p, q) => p.day - q.day);
    const first = pts[0]!.day;
    const last = pts.at(-1)!.day;
    const n = last - first + 1;
    const y = new Float64Array(n);
    for (const p of pts) y[p.day - first] = p.sales;
    const train = n - HOLDOUT;
    const h = emptyHistory([key], first, train);
    for (let t = 0; t < train; t++) h.qty[t] = y[t]!; // all sales on one channel
    const a = now();
    const model = fitSku(h, 0, makeScratch(train), true);
    const f = new Float64Array(HOLDOUT);
    forecastInto(model, first + train, f);
    fitMs += now() - a;
    // Scale: in-sample MAE of the weekly seasonal-naive forecast (Hyndman & Koehler 2006, m = 7).
    let scale = 0;
    for (let t = 7; t < train; t++) scale += Math.abs(y[t]! - y[t - 7]!);
    scale /= train - 7;
    let eOurs = 0;
    let e7 = 0;
    let e364 = 0;
    for (let k = 0; k < HOLDOUT; k++) {
      const actual = y[train + k]!;
      eOurs += Math.abs(actual - f[k]!);
      e7 += Math.abs(actual - y[train - 7 + (k % 7)]!); // last observed week, repeated
      e364 += Math.abs(actual - y[train - 364 + k]!); // same weekday a year earlier
    }
    per.push({
      series: key,
      mase: eOurs / HOLDOUT / scale,
      mase_snaive7: e7 / HOLDOUT / scale,
      mase_snaive364: e364 / HOLDOUT / scale,
    });
  }
  const mean = (f: (x: (typeof per)[number]) => number) => per.reduce((s, x) => s + f(x), 0) / per.length;
  const wins = per.filter((x) => x.mase < x.mase_snaive7).length;
  return {
    data: 'shared/data/retail_sales/store_item_demand_items1-9_82series_2013-2017.csv',
    series: per.length,
    holdout_days: HOLDOUT,
    scale: 'in-sample MAE of seasonal naive with m = 7',
    mase_ours: round(
      mean((x) => x.mase),
      3,
    ),
    mase_seasonal_naive_weekly: round(
      mean((x) => x.mase_snaive7),
      3,
    ),
    mase_seasonal_naive_yearly: round(
      mean((x) => x.mase_snaive364),
      3,
    ),
    series_where_ours_beats_weekly_naive: wins,
    fit_and_forecast_seconds: round(fitMs / 1000, 3),
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const planning = planningSpeed();
console.log('plan 10k SKUs × 730 days × 3 channels:', planning);
const imports = await importSpeed();
console.log('import 500k order lines:', imports);
const forecast = await accuracy();
console.log('forecast accuracy:', forecast);
mkdirSync(RESULTS, { recursive: true });
const out = {
  generated_by: 'bench/planning.ts',
  node: process.version,
  machine_note:
    '2 cores shared with other jobs: wall times are inflated by contention; cpu_seconds count this process only',
  load_average_at_end: os.loadavg().map((x) => round(x, 2)),
  planning,
  import: imports,
  forecast,
};
writeFileSync(new URL('planning.json', RESULTS), `${JSON.stringify(out, null, 2)}\n`);
