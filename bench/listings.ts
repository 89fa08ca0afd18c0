/**
 * Listings benchmark: 300 SKUs × 6 channels, each checked as-is (the Shopify content sent
 * untouched) and derived (deterministic transforms + re-check). Reports time, how many variants
 * come out ready, and which rules remain. Writes bench/results/listings.json.
 * Run: npx tsx bench/listings.ts
 *
 * No public catalogue with marketplace content is in ../shared/data, so the 300 SKUs are generated
 * here from a fixed seed: realistic DTC apparel/home titles and descriptions with the faults a
 * Shopify catalogue typically carries (long titles, "!"/"free shipping", ALL-CAPS bullets, eco
 * claims, contact lines, invalid or restricted GTINs, small or off-white images). The fault rates
 * are stated in the result file; the ready rate depends on them, so read it as an illustration of
 * what the transforms fix, not as a measurement of a real catalogue.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { checkListing, rulesVersion } from '../lib/listings/check';
import { asIsListing, deriveListing } from '../lib/listings/derive';
import { CHANNELS } from '../lib/listings/types';
import { FAULT_RATES, listingsCatalogue, SKUS, TODAY } from './listings-data';

const { catalogue, protectedSkus } = listingsCatalogue();
const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);

/**
 * Issue 16's figure: every one of the 300 products checked as-is on all 6 channels (1,800
 * checks), repeated; the first pass is cold (code not yet optimised), the rest warm. Also a hash
 * of every finding, so a speed-up that changes a finding shows here (and in
 * lib/listings/bench-findings.test.ts).
 */
function checkAll(): { ms: number; cpuMs: number; findings: number; hash: string } {
  const h = createHash('sha256');
  let findings = 0;
  const s = performance.now();
  const u = process.cpuUsage();
  for (const channel of CHANNELS)
    for (const p of catalogue) {
      const c = checkListing(channel, asIsListing(p), { today: TODAY });
      findings += c.findings.length;
      for (const f of c.findings) h.update(`${channel}|${p.id}|${f.rule}|${f.severity}|${f.field}|${f.message}\n`);
    }
  const ms = performance.now() - s;
  const c = process.cpuUsage(u);
  return { ms, cpuMs: (c.user + c.system) / 1000, findings, hash: h.digest('hex').slice(0, 16) };
}
const REPEATS = 15;
const checkRuns = Array.from({ length: REPEATS }, () => checkAll());
const coldCheck = checkRuns[0]!;
const warmMs = checkRuns
  .slice(1)
  .map((r) => r.ms)
  .sort((a, b) => a - b);
const warmCpuMs = checkRuns
  .slice(1)
  .map((r) => r.cpuMs)
  .sort((a, b) => a - b);

type ChannelResult = {
  asIs: { fail: number; warn: number; pass: number; ms: number; findings: number };
  derived: {
    ready: number;
    notReady: number;
    specialistOwned: number;
    ms: number;
    findings: number;
    remainingBlocking: Record<string, number>;
  };
};
const results: Record<string, ChannelResult> = {};
const t0 = performance.now();
for (const channel of CHANNELS) {
  const r: ChannelResult = {
    asIs: { fail: 0, warn: 0, pass: 0, ms: 0, findings: 0 },
    derived: { ready: 0, notReady: 0, specialistOwned: 0, ms: 0, findings: 0, remainingBlocking: {} },
  };
  let s = performance.now();
  for (const p of catalogue) {
    const c = checkListing(channel, asIsListing(p), { today: TODAY });
    r.asIs[c.verdict] += 1;
    r.asIs.findings += c.findings.length;
  }
  r.asIs.ms = performance.now() - s;
  s = performance.now();
  for (const p of catalogue) {
    const d = deriveListing(channel, p, { today: TODAY, protectedSkus });
    if (d.ready) r.derived.ready += 1;
    else r.derived.notReady += 1;
    if (d.specialistOwned) r.derived.specialistOwned += 1;
    r.derived.findings += d.findings.length;
    for (const f of d.findings)
      if (f.severity !== 'recommendation')
        r.derived.remainingBlocking[f.rule] = (r.derived.remainingBlocking[f.rule] ?? 0) + 1;
  }
  r.derived.ms = performance.now() - s;
  results[channel] = r;
}
const totalMs = performance.now() - t0;

const round = (x: number) => Math.round(x * 10) / 10;
const summary = {
  generated: new Date().toISOString(),
  skus: SKUS,
  channels: CHANNELS.length,
  policy: 'amazon-2026-07 (by date)',
  rules: Object.fromEntries(CHANNELS.map((c) => [c, rulesVersion(c)])),
  faultRates: FAULT_RATES,
  protectedSkus: protectedSkus.length,
  totalMs: round(totalMs),
  check300x6: {
    note: 'every product checked as-is on all 6 channels (1,800 checks) per run; goal (issue 16): ≤ 100 ms warm',
    cold_ms: round(coldCheck.ms),
    warm_runs: warmMs.length,
    warm_ms_min: round(warmMs[0]!),
    warm_ms_median: round(warmMs[Math.floor(warmMs.length / 2)]!),
    warm_ms_max: round(warmMs.at(-1)!),
    cpu_note: 'CPU time of this process per run (less inflated than wall time when other jobs share the 2 cores)',
    warm_cpu_ms_min: round(warmCpuMs[0]!),
    warm_cpu_ms_median: round(warmCpuMs[Math.floor(warmCpuMs.length / 2)]!),
    warm_cpu_ms_max: round(warmCpuMs.at(-1)!),
    findings: coldCheck.findings,
    findings_hash: coldCheck.hash,
    same_findings_every_run: checkRuns.every((r) => r.hash === coldCheck.hash),
    load_average_before: loadBefore,
    load_average_after: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  // Timings depend on machine load (the benchmark machine is shared): recorded alongside.
  machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? 0) },
  perChannel: Object.fromEntries(
    Object.entries(results).map(([c, r]) => [
      c,
      {
        asIs: { ...r.asIs, ms: round(r.asIs.ms), msPerCheck: round((r.asIs.ms / SKUS) * 1000) / 1000 },
        derived: { ...r.derived, ms: round(r.derived.ms), msPerDerive: round((r.derived.ms / SKUS) * 1000) / 1000 },
      },
    ]),
  ),
};
writeFileSync(new URL('./results/listings.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);

console.log('check 300 × 6 as-is:', summary.check300x6);
console.log(
  `listings benchmark: ${SKUS} SKUs × ${CHANNELS.length} channels in ${round(totalMs)} ms (check as-is + derive + re-check)`,
);
console.log(
  'channel   as-is fail/warn/pass   derived ready/not   check ms/SKU  derive ms/SKU  remaining blocking rules',
);
for (const [c, r] of Object.entries(results)) {
  const top = Object.entries(r.derived.remainingBlocking)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  console.log(
    `${c.padEnd(9)} ${`${r.asIs.fail}/${r.asIs.warn}/${r.asIs.pass}`.padEnd(22)} ${`${r.derived.ready}/${r.derived.notReady}`.padEnd(19)} ${(r.asIs.ms / SKUS).toFixed(3).padEnd(13)} ${(r.derived.ms / SKUS).toFixed(3).padEnd(14)} ${top}`,
  );
}
