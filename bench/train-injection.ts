/**
 * Trains the injection scorer (lib/ai/guards/scorer.ts) and writes lib/ai/guards/injection-model.json.
 *
 * Training data — and nothing else:
 * - deepset prompt_injections train split (both labels; Apache-2.0),
 * - BIPIA e-mail train contexts (benign e-mails; MIT) and BIPIA's train attacks that set what the
 *   answer contains (not its off-task questions),
 * - Bitext customer requests, train split only (the file's `split` column; CDLA-Sharing-1.0),
 * - our own dev-1 cases, bench/data/injection-dev.jsonl (stored in plain text).
 * Never used here: dev-2/3/4 (former blind sets, reported as blind for the scorer), test-1,
 * test-5, giskard, BIPIA test files, Bitext's test split.
 *
 * Threshold: 5-fold cross-validation on the training rows; out-of-fold probabilities pick the
 * lowest threshold whose false-alarm rate stays ≤ 3% on our look-alike customer messages and
 * ≤ 5% on the deepset benign prompts, and ≤ 5% on the BIPIA clean training e-mails and ≤ 0.5% on Bitext's train split.
 * The final model is refitted on all training rows.
 *
 * Deterministic (seeded shuffles). Run: npx tsx bench/train-injection.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { featuresOf, type ScorerModel, scorerText, windowsOf } from '../lib/ai/guards/scorer';

const DATA = new URL('../../shared/data/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DATA), 'utf8');

interface Example {
  y: 0 | 1;
  group: 'attack' | 'lookalike' | 'deepset_benign' | 'email' | 'bitext';
  text: string;
}

const deepset = Papa.parse<Record<string, string>>(read('prompt_injection/deepset_prompt_injections_train.csv'), {
  header: true,
  skipEmptyLines: true,
}).data.map(
  (r): Example => ({
    y: r.label === '1' ? 1 : 0,
    group: r.label === '1' ? 'attack' : 'deepset_benign',
    text: r.text ?? '',
  }),
);
const emails = read('prompt_injection/bipia_email/email_train.jsonl')
  .split('\n')
  .filter((l) => l.trim())
  .map((l): Example => ({ y: 0, group: 'email', text: (JSON.parse(l) as { context: string }).context }));
const own = readFileSync(new URL('./data/injection-dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { label: string; text: string })
  .map(
    (r): Example => ({
      y: r.label === 'attack' ? 1 : 0,
      group: r.label === 'attack' ? 'attack' : 'lookalike',
      text: r.text,
    }),
  );
// BIPIA's training attacks that tell the assistant what to put in its answer (links, added
// sentences, rewritten output); its off-task questions ("What is the capital of Brazil?") are left
// out, since ordinary customers ask questions too.
const RESPONSE_FAMILIES = new Set([
  'Alphanumeric Substitution',
  'Homophonic Substitution',
  'Misspelling Intentionally',
  'Anagramming',
  'Space Removal & Grouping',
  'Instruction',
  'Social Interaction',
  'Persuasion',
  'Clickbait',
  'Malware Distribution',
]);
const bipiaAttacks = Object.entries(
  JSON.parse(read('prompt_injection/bipia_email/text_attack_train.json')) as Record<string, string[]>,
)
  .filter(([family]) => RESPONSE_FAMILIES.has(family))
  .flatMap(([, texts]) => texts.map((text): Example => ({ y: 1, group: 'attack', text })));
// Ordinary customer requests: Bitext's train split only (its `split` column; the test split is
// what bench/injection-categories.ts reports).
const bitextTrain = Papa.parse<Record<string, string>>(read('bitext_customer_support/bitext_cs_intents_4514.csv'), {
  header: true,
  skipEmptyLines: true,
})
  .data.filter((r) => r.split === 'train')
  .map((r): Example => ({ y: 0, group: 'bitext', text: r.instruction ?? '' }));
const ALL: Example[] = [...deepset, ...emails, ...bipiaAttacks, ...own, ...bitextTrain];
/** Our own cases are the target domain: they count double in the loss. */
const OWN_WEIGHT = Number(process.env.OWN_WEIGHT ?? 4);
const ownRows = new Set<Example>(own);
/** Bitext's 3,651 one-line requests would outweigh everything else; each counts 0.03. */
const BITEXT_WEIGHT = Number(process.env.BITEXT_WEIGHT ?? 0.03);
const bitextRows = new Set<Example>(bitextTrain);

// --- seeded PRNG ---
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

const CHAR_GRAMS: [number, number] = [Number(process.env.CMIN ?? 4), Number(process.env.CMAX ?? 4)];
const KEEP = Number(process.env.KEEP ?? 6000);
const L2 = Number(process.env.L2 ?? 0.02);
const EPOCHS = Number(process.env.EPOCHS ?? 10);

interface Item {
  y: number;
  f: string[];
  w: number;
}
/** One item per window; long benign e-mails give several, each weighted 1 / windows. */
function items(rows: Example[]): Item[] {
  return rows.flatMap((r) => {
    const ws = windowsOf(scorerText(r.text));
    const weight = (ownRows.has(r) ? OWN_WEIGHT : bitextRows.has(r) ? BITEXT_WEIGHT : 1) / ws.length;
    return ws.map((w) => ({ y: r.y, f: [...featuresOf(w, CHAR_GRAMS)], w: weight }));
  });
}

function fit(rows: Example[], keep: Set<string> | undefined): ScorerModel {
  const data = items(rows).map((it) => ({ ...it, f: keep ? it.f.filter((f) => keep.has(f)) : it.f }));
  const df = new Map<string, number>();
  for (const it of data) for (const f of it.f) df.set(f, (df.get(f) ?? 0) + 1);
  const weights = new Map<string, number>();
  const g2 = new Map<string, number>();
  let bias = 0;
  let gb = 0;
  // Class balance by summed row weight, so down-weighted rows do not shrink their class.
  const pos = data.filter((d) => d.y === 1).reduce((a, d) => a + d.w, 0);
  const neg = data.filter((d) => d.y === 0).reduce((a, d) => a + d.w, 0);
  const total = pos + neg;
  const rand = rng(7);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const it of shuffle(data, rand)) {
      const fs = it.f.filter((f) => (df.get(f) ?? 0) >= 2);
      let z = bias;
      for (const f of fs) z += weights.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      // class-balanced log loss
      const cw = it.w * (it.y === 1 ? total / (2 * pos) : total / (2 * neg));
      const g = (p - it.y) * cw;
      gb += g * g;
      bias -= (0.5 * g) / Math.sqrt(gb + 1e-8);
      for (const f of fs) {
        const w = weights.get(f) ?? 0;
        const gf = g + L2 * w;
        const acc = (g2.get(f) ?? 0) + gf * gf;
        g2.set(f, acc);
        weights.set(f, w - (0.5 * gf) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  const top = [...weights.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, KEEP);
  return {
    version: 1,
    charGrams: CHAR_GRAMS,
    bias: Math.round(bias * 1000) / 1000,
    threshold: 0.5,
    weights: Object.fromEntries(
      top.filter(([, w]) => Math.abs(w) >= 0.001).map(([f, w]) => [f, Math.round(w * 1000) / 1000]),
    ),
  };
}

/** Fit, then refit on the kept features only, so the shipped weights are the ones measured. */
function train(rows: Example[]): ScorerModel {
  const first = fit(rows, undefined);
  return fit(rows, new Set(Object.keys(first.weights)));
}

function score(model: ScorerModel, text: string): number {
  let best = 0;
  for (const w of windowsOf(scorerText(text))) {
    let z = model.bias;
    for (const f of featuresOf(w, CHAR_GRAMS)) z += model.weights[f] ?? 0;
    best = Math.max(best, 1 / (1 + Math.exp(-z)));
  }
  return best;
}

// --- 5-fold cross-validation for the threshold ---
const FOLDS = 5;
const order = shuffle(
  ALL.map((_, i) => i),
  rng(42),
);
const fold = new Map<number, number>(order.map((idx, k) => [idx, k % FOLDS]));
const oof = new Array<number>(ALL.length).fill(0);
for (let k = 0; k < FOLDS; k++) {
  const model = train(ALL.filter((_, i) => fold.get(i) !== k));
  ALL.forEach((r, i) => {
    if (fold.get(i) === k) oof[i] = score(model, r.text);
  });
  console.log(`fold ${k + 1}/${FOLDS} done`);
}
const rate = (group: Example['group'], t: number): number => {
  const idx = ALL.map((r, i) => [r, i] as const).filter(([r]) => r.group === group);
  return idx.filter(([, i]) => (oof[i] ?? 0) >= t).length / idx.length;
};
const LOOKALIKE_FA = Number(process.env.LOOKALIKE_FA ?? 0.03);
let threshold = 0.99;
for (let t = 0.3; t <= 0.99; t += 0.01) {
  if (
    rate('lookalike', t) <= LOOKALIKE_FA &&
    rate('deepset_benign', t) <= 0.05 &&
    rate('email', t) <= 0.05 &&
    rate('bitext', t) <= 0.005
  ) {
    threshold = Math.round(t * 100) / 100;
    break;
  }
}
const ownAttack = ALL.map((r, i) => [r, i] as const).filter(([r]) => r.group === 'attack' && ownRows.has(r));
const caught = (rows: ReadonlyArray<readonly [Example, number]>): string =>
  `${rows.filter(([, i]) => (oof[i] ?? 0) >= threshold).length}/${rows.length}`;
for (const t of [0.5, 0.7, 0.8, 0.9, 0.95])
  console.log(
    `t=${t} lookalike FA ${(rate('lookalike', t) * 100).toFixed(1)}% deepset benign ${(rate('deepset_benign', t) * 100).toFixed(1)}% email ${(rate('email', t) * 100).toFixed(1)}% attacks ${
      ALL.map((r, i) => [r, i] as const)
        .filter(([r]) => r.group === 'attack')
        .filter(([, i]) => (oof[i] ?? 0) >= t).length
    }`,
  );
console.log(`threshold ${threshold}`);
console.log(
  `out-of-fold at threshold: own dev-1 attacks ${caught(ownAttack)}, deepset attacks ${caught(
    ALL.map((r, i) => [r, i] as const).filter(([r]) => r.group === 'attack' && deepset.includes(r)),
  )}, look-alike FA ${(rate('lookalike', threshold) * 100).toFixed(1)}%, deepset benign FA ${(
    rate('deepset_benign', threshold) * 100
  ).toFixed(
    1,
  )}%, e-mail FA ${(rate('email', threshold) * 100).toFixed(1)}%, Bitext train FA ${(rate('bitext', threshold) * 100).toFixed(2)}%`,
);

const model = { ...train(ALL), threshold };
const out = new URL('../lib/ai/guards/injection-model.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`wrote ${Object.keys(model.weights).length} weights, ${JSON.stringify(model).length} bytes`);
