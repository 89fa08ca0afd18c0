/**
 * How long extracting a Gorgias ticket takes on a 200-message thread (legacy and v2 markup), in
 * happy-dom. The thread is built by cloning the fixture's message rows until it holds 200
 * messages with distinct ids. Writes bench/results/cs-extract.json. Run: npx tsx bench/cs-extract.ts
 * (happy-dom is slower than Chromium's native DOM, so browser numbers are expected to be lower.)
 */
import { writeFileSync } from 'node:fs';
import { extract } from '../lib/sites/gorgias/extract';
import { loadGorgiasFixture } from '../lib/sites/gorgias/fixture-loader';
import type { GorgiasTicket } from '../lib/sites/gorgias/schema';
import { queryAll, queryFirst } from '../lib/sites/gorgias/selectors';

const N = 200;
const RUNS = 50;

function measure(query: string) {
  const url = `https://northwind.gorgias.com/app/views/123/4104${query}`;
  const w = loadGorgiasFixture('app.html', url);
  const doc = w.document as unknown as Document;
  const thread = queryFirst(doc, 'threadRoot')!.el;
  const rows = [...thread.children];
  for (let i = rows.length; i < N; i++) {
    const clone = rows[i % rows.length]!.cloneNode(true) as Element;
    const msg = clone.matches('[data-testid]') ? clone : clone.querySelector('[data-message-id]');
    msg?.setAttribute(
      msg.hasAttribute('data-testid') ? 'data-testid' : 'data-message-id',
      msg.hasAttribute('data-testid') ? `ticket-message-${5000 + i}` : String(5000 + i),
    );
    thread.append(clone);
  }
  const count = queryAll(doc, 'message').length;
  const u = new URL(url);
  for (let i = 0; i < 5; i++) extract(doc, u); // warm-up (JIT)
  const times: number[] = [];
  let snap = extract(doc, u);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    snap = extract(doc, u);
    times.push(performance.now() - t0);
  }
  w.close();
  times.sort((a, b) => a - b);
  const data = snap.data as GorgiasTicket;
  return {
    messagesInDom: count,
    messagesExtracted: data.messages.length,
    // The machine is shared: the minimum is the best estimate of the cost itself, the median and p95 show the noise.
    minMs: +times[0]!.toFixed(2),
    medianMs: +times[Math.floor(times.length / 2)]!.toFixed(2),
    p95Ms: +times[Math.floor(times.length * 0.95)]!.toFixed(2),
  };
}

const result = { engine: 'happy-dom', runs: RUNS, legacy: measure(''), v2: measure('?ui=v2') };
writeFileSync(new URL('./results/cs-extract.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `200-message thread extraction (happy-dom): legacy min ${result.legacy.minMs} / median ${result.legacy.medianMs} ms, v2 min ${result.v2.minMs} / median ${result.v2.medianMs} ms`,
);
