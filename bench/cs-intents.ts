/**
 * Benchmark of the CS pipeline's classification (lib/cs/service.ts `triageTicket`, the same
 * pipeline the panel and the CLI run) on the local engine, on the held-out `test` split of the Bitext
 * customer-support set (863 rows; intents mapped to our taxonomy as written in
 * lib/cs/bitext-mapping.ts). Reports primary-intent accuracy, macro-F1, per-intent F1 and
 * tickets/second; writes bench/results/cs-intents.json. Run: npx tsx bench/cs-intents.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseBitext } from '../lib/cs/bitext';
import { triageTicket } from '../lib/cs/service';
import { INTENT_IDS, type IntentId } from '../lib/cs/taxonomy';
import { HELD_OUT_EMAILS } from './cs-emails';

const csv = readFileSync(
  new URL('../../shared/data/bitext_customer_support/bitext_cs_intents_4514.csv', import.meta.url),
  'utf8',
);
const test = parseBitext(csv).filter((r) => r.split === 'test');

/** The primary intent the pipeline gives a one-message ticket. */
const intentOf = async (text: string): Promise<IntentId> =>
  (await triageTicket({ subject: '', messages: [{ from: 'customer', body: text }] })).intent;

const t0 = performance.now();
const predicted: IntentId[] = [];
for (const r of test) predicted.push(await intentOf(r.text));
const ms = performance.now() - t0;

let correct = 0;
const tp = new Map<string, number>();
const fp = new Map<string, number>();
const fn = new Map<string, number>();
const confusions = new Map<string, number>();
test.forEach((r, i) => {
  const p = predicted[i]!;
  if (p === r.intent) {
    correct += 1;
    tp.set(p, (tp.get(p) ?? 0) + 1);
  } else {
    fp.set(p, (fp.get(p) ?? 0) + 1);
    fn.set(r.intent, (fn.get(r.intent) ?? 0) + 1);
    const k = `${r.bitextIntent}→${p}`;
    confusions.set(k, (confusions.get(k) ?? 0) + 1);
  }
});
const present = INTENT_IDS.filter((id) => test.some((r) => r.intent === id));
const perIntent = Object.fromEntries(
  present.map((id) => {
    const t = tp.get(id) ?? 0;
    const prec = t + (fp.get(id) ?? 0) ? t / (t + (fp.get(id) ?? 0)) : 0;
    const rec = t + (fn.get(id) ?? 0) ? t / (t + (fn.get(id) ?? 0)) : 0;
    const f1 = prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
    return [
      id,
      {
        support: test.filter((r) => r.intent === id).length,
        precision: +prec.toFixed(3),
        recall: +rec.toFixed(3),
        f1: +f1.toFixed(3),
      },
    ];
  }),
);
const macroF1 = present.reduce((s, id) => s + perIntent[id]!.f1, 0) / present.length;
// Second, small set: hand-written e-mails for the intents Bitext lacks (see bench/cs-emails.ts).
const emailMisses: Array<{ text: string; expected: string; got: string }> = [];
for (const e of HELD_OUT_EMAILS) {
  const got = await intentOf(e.text);
  if (got !== e.intent) emailMisses.push({ text: e.text, expected: e.intent, got });
}
const emails = {
  rows: HELD_OUT_EMAILS.length,
  accuracy: +((HELD_OUT_EMAILS.length - emailMisses.length) / HELD_OUT_EMAILS.length).toFixed(4),
  note: 'hand-written by the rules author, never used for tuning; optimistic',
  misses: emailMisses,
};

const result = {
  dataset: 'bitext_cs_intents_4514.csv, split=test (sha1(instruction) mod 5 = 0)',
  rows: test.length,
  accuracy: +(correct / test.length).toFixed(4),
  macroF1: +macroF1.toFixed(4),
  macroF1Over: `${present.length} taxonomy intents present in the test split`,
  ticketsPerSecond: Math.round(test.length / (ms / 1000)),
  perIntent,
  topConfusions: [...confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12),
  handWrittenEmails: emails,
  bar: 'primary-intent accuracy >= 0.85',
  passes: correct / test.length >= 0.85,
};
writeFileSync(new URL('./results/cs-intents.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `accuracy ${(result.accuracy * 100).toFixed(1)}%  macro-F1 ${result.macroF1.toFixed(3)}  ${result.ticketsPerSecond} tickets/s  (${test.length} rows)`,
);
console.log('top confusions:', result.topConfusions.slice(0, 8));
console.log(`hand-written e-mails (intents Bitext lacks): ${(emails.accuracy * 100).toFixed(1)}% of ${emails.rows}`);
for (const m of emailMisses) console.log(`  ${m.expected} → ${m.got}: ${m.text}`);
