/**
 * Benchmark of the rule-based prompt-injection detector (lib/ai/guards/injection.ts).
 *
 * Detection rate on attacks: deepset train split label 1 (the only split the rules were tuned
 * on — in-sample, so optimistic), giskard's jailbreak prompts, BIPIA email-QA injected samples
 * (attack inserted at the start or end of a real email; also the attack strings alone).
 * False-positive rate on ordinary text: deepset label 0, the customer `instruction` column of
 * the Bitext customer-support set, and BIPIA's clean emails.
 * Prints a summary and writes bench/results/injection.json. Run: npx tsx bench/injection.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { detectInjection } from '../lib/ai/guards/injection';

const DATA = new URL('../../shared/data/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DATA), 'utf8');
const csv = (path: string): Array<Record<string, string>> =>
  Papa.parse<Record<string, string>>(read(path), { header: true, skipEmptyLines: true }).data;

interface BipiaRow {
  injected: boolean;
  attack_name: string | null;
  attack_str: string | null;
  context: string;
  position: string;
}

const deepset = csv('prompt_injection/deepset_prompt_injections_train.csv');
const giskard = csv('prompt_injection/giskard_prompt_injections.csv');
const bitext = csv('bitext_customer_support/bitext_cs_intents_4514.csv');
const bipia = read('prompt_injection/bipia_email/bipia_emailqa_test_injected_sample.jsonl')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as BipiaRow);

interface SetResult {
  kind: 'attack' | 'benign';
  n: number;
  flagged: number;
  /** detection rate for attack sets, false-positive rate for benign sets */
  rate: number;
  note: string;
  examplesMissed?: string[];
  examplesFlagged?: Array<{ text: string; reasons: string[] }>;
}

function run(kind: SetResult['kind'], texts: string[], note: string): SetResult {
  let flagged = 0;
  const missed: string[] = [];
  const wrong: Array<{ text: string; reasons: string[] }> = [];
  for (const text of texts) {
    const r = detectInjection(text);
    if (r.injection) {
      flagged += 1;
      if (kind === 'benign' && wrong.length < 8) wrong.push({ text: text.slice(0, 160), reasons: r.reasons });
    } else if (kind === 'attack' && missed.length < 8) missed.push(text.slice(0, 160));
  }
  return {
    kind,
    n: texts.length,
    flagged,
    rate: texts.length === 0 ? 0 : Math.round((flagged / texts.length) * 10000) / 10000,
    note,
    ...(kind === 'attack' ? { examplesMissed: missed } : { examplesFlagged: wrong }),
  };
}

const t0 = performance.now();
const sets: Record<string, SetResult> = {
  deepset_injections: run(
    'attack',
    deepset.filter((r) => r.label === '1').map((r) => r.text ?? ''),
    'deepset train split, label 1 (rules tuned on this split: in-sample)',
  ),
  giskard: run(
    'attack',
    giskard.map((r) => r.prompt ?? ''),
    'giskard jailbreak prompts (DAN etc.), not tuned on',
  ),
  bipia_email_injected: run(
    'attack',
    bipia.filter((r) => r.injected).map((r) => r.context),
    'BIPIA email-QA, attack inserted into a real email (start/end), not tuned on',
  ),
  bipia_attack_strings: run(
    'attack',
    [...new Set(bipia.filter((r) => r.injected).map((r) => r.attack_str ?? ''))],
    'BIPIA attack strings alone (unique), not tuned on',
  ),
  deepset_benign: run(
    'benign',
    deepset.filter((r) => r.label === '0').map((r) => r.text ?? ''),
    'deepset train split, label 0 (in-sample)',
  ),
  bitext_customer_messages: run(
    'benign',
    bitext.map((r) => r.instruction ?? ''),
    'Bitext customer `instruction` column, all splits',
  ),
  bipia_email_clean: run(
    'benign',
    bipia.filter((r) => !r.injected).map((r) => r.context),
    'BIPIA emails without an attack',
  ),
};
const ms = performance.now() - t0;
const texts = Object.values(sets).reduce((n, s) => n + s.n, 0);

// Per BIPIA attack family: which kinds of inserted task the rules catch.
const families: Record<string, { n: number; flagged: number; rate: number }> = {};
for (const row of bipia.filter((r) => r.injected)) {
  const family = (row.attack_name ?? 'unknown').replace(/-\d+$/, '');
  families[family] ??= { n: 0, flagged: 0, rate: 0 };
  const f = families[family];
  f.n += 1;
  if (detectInjection(row.context).injection) f.flagged += 1;
  f.rate = Math.round((f.flagged / f.n) * 1000) / 1000;
}

console.log('set                        kind     n     flagged  rate');
for (const [name, s] of Object.entries(sets)) {
  console.log(
    `${name.padEnd(26)} ${s.kind.padEnd(8)} ${String(s.n).padStart(5)} ${String(s.flagged).padStart(8)}  ${(s.rate * 100).toFixed(1)}%`,
  );
}
console.log('\nBIPIA by attack family (detection):');
for (const [name, f] of Object.entries(families)) console.log(`  ${name.padEnd(30)} ${f.flagged}/${f.n}`);
console.log(`\n${texts} texts in ${ms.toFixed(0)} ms (${((texts / ms) * 1000).toFixed(0)} texts/s)`);

writeFileSync(
  new URL('./results/injection.json', import.meta.url),
  `${JSON.stringify({ generatedAt: new Date().toISOString(), texts, ms: Math.round(ms), sets, bipiaFamilies: families }, null, 2)}\n`,
);
