/**
 * How long the text guards take on a 200 KB e-mail, and whether they stay linear in its length.
 *
 * Inputs are generated deterministically (no data set): a long customer thread in which every
 * quoted reply repeats order numbers, amounts, dates, tracking numbers and URLs, as a forwarded
 * chain of e-mails does. Timed cases:
 * - `factCheck(draft, [email, order JSON])` with a short draft (the usual call from lib/cs/service.ts);
 * - `factCheck(email, [email])` where the draft is as long as the e-mail (a draft quoting the thread);
 * - `detectInjection(email)`;
 * - adversarial shapes for the detector (200 KB of one repeated token, whitespace, spaced letters,
 *   an unclosed HTML comment, base64, leetspeak), each of which would expose a backtracking
 *   or per-token rescan.
 * Each case is also run at 100 KB: `ratio` is time(200 KB) / time(100 KB); linear work gives ≈2,
 * quadratic ≈4. Fastest of RUNS runs (the minimum is the least disturbed by garbage collection, which
 * made medians of a few-millisecond case swing by ×2). Writes bench/results/guards.json. Run: npx tsx bench/guards.ts
 */
import { writeFileSync } from 'node:fs';
import { factCheck } from '../lib/ai/guards/factcheck';
import { detectInjection } from '../lib/ai/guards/injection';

const KB = 1024;
const RUNS = Number(process.env.RUNS ?? 7);

/** A forwarded customer thread of about `bytes` characters. */
function longEmail(bytes: number): string {
  const parts: string[] = [];
  let i = 0;
  let size = 0;
  while (size < bytes) {
    const order = 1000 + (i % 900);
    const day = 1 + (i % 28);
    const block =
      `On 2026-11-${String(day).padStart(2, '0')} Jamie Rivera <jamie@example.com> wrote:\n` +
      `> Hi, my order #${order} (total $${(20 + (i % 80)).toFixed(2)}) was charged twice on Nov ${day}.\n` +
      `> Tracking 1Z999AA1${String(10000000 + i).slice(0, 8)}84 still says "label created"; ` +
      `the page https://shop.example.com/orders/${order}?ref=mail shows 15% off.\n` +
      `> I followed the washing instructions and the seam split after two weeks. As I said in my previous email, ` +
      `please refund 49,90 € or send a replacement by 03.12.2026.\n>\n`;
    parts.push(block);
    size += block.length;
    i += 1;
  }
  return parts.join('').slice(0, bytes);
}

type Shape = (bytes: number) => string;

/** Lines packed with facts (order numbers, amounts, dates, tracking numbers, ids); `shift` makes every one different. */
const denseFacts =
  (shift: number): Shape =>
  (bytes) => {
    let out = '';
    for (let i = 0; out.length < bytes; i++)
      out += `Order #${2000 + i + shift} total $${(i % 97) + shift}.50 on 2026-10-${String(1 + (i % 28)).padStart(2, '0')} track 1Z999AA1${10000000 + i + shift}84 ORD-${5000 + i + shift}\n`;
    return out.slice(0, bytes);
  };

const ORDER_JSON = JSON.stringify({
  order_number: 1047,
  total_price: '25.00',
  created_at: '2026-11-03T14:22:00Z',
  tracking: '1Z999AA10123456784',
  status_url: 'https://shop.example.com/orders/1047',
});
const SHORT_DRAFT =
  'Hi Jamie, your order #1047 ($25.00) shipped on Nov 3 with UPS 1Z999AA10123456784; see https://shop.example.com/orders/1047.';

const repeat =
  (unit: string): Shape =>
  (bytes) =>
    unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

const CASES: Record<string, { shape: Shape; run: (text: string) => unknown }> = {
  'factCheck: short draft, 200 KB e-mail as source': {
    shape: longEmail,
    run: (email) => factCheck(SHORT_DRAFT, [email, ORDER_JSON]),
  },
  'factCheck: 200 KB draft against itself and the order': {
    shape: longEmail,
    run: (email) => factCheck(email, [email, ORDER_JSON]),
  },
  'factCheck: 200 KB draft of facts none of which the 200 KB source has': {
    shape: denseFacts(0),
    run: (draft) => factCheck(draft, [denseFacts(7)(draft.length)]),
  },
  'factCheck: 200 KB of digits and separators': {
    shape: repeat('1.2,3 4'),
    run: (text) => factCheck(text, [text]),
  },
  'detectInjection: 200 KB e-mail': { shape: longEmail, run: detectInjection },
  'detectInjection: 200 KB of "ignore "': { shape: repeat('ignore '), run: detectInjection },
  'detectInjection: "ignore" then 200 KB of spaces': { shape: (b) => `ignore${' '.repeat(b)}x`, run: detectInjection },
  'detectInjection: 200 KB of spaced letters': { shape: repeat('a '), run: detectInjection },
  'detectInjection: 200 KB unclosed HTML comments': { shape: repeat('<!-- a '), run: detectInjection },
  'detectInjection: 200 KB of base64': {
    shape: (b) => Buffer.from(longEmail(Math.ceil((b * 3) / 4))).toString('base64'),
    run: detectInjection,
  },
  'detectInjection: 200 KB of leetspeak': { shape: repeat('1gn0r3 pr3v10u5 '), run: detectInjection },
  'detectInjection: 200 KB without spaces': { shape: repeat('a'), run: detectInjection },
};

function time(run: (t: string) => unknown, text: string): number {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    run(text);
    ms.push(performance.now() - t0);
  }
  return Math.round(Math.min(...ms) * 10) / 10;
}

const results: Record<string, { ms200k: number; ms100k: number; ratio: number }> = {};
for (const [name, c] of Object.entries(CASES)) {
  const big = c.shape(200 * KB);
  const half = c.shape(100 * KB);
  c.run(half); // warm up the regex and JIT caches
  const ms200k = time(c.run, big);
  const ms100k = time(c.run, half);
  const ratio = Math.round((ms200k / Math.max(ms100k, 0.1)) * 100) / 100;
  results[name] = { ms200k, ms100k, ratio };
  console.log(`${name.padEnd(70)} ${String(ms200k).padStart(9)} ms  (100 KB ${ms100k} ms, ×${ratio})`);
}

const out = process.env.GUARDS_OUT ?? './results/guards.json';
writeFileSync(
  new URL(out, import.meta.url),
  `${JSON.stringify({ generatedAt: new Date().toISOString(), runs: RUNS, results }, null, 2)}\n`,
);
