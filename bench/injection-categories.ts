/**
 * Prompt-injection detector (lib/ai/guards/injection.ts) by attack category and language, on a
 * development split the rules were tuned on and a test split they were only measured on.
 *
 * The split is by source, never by row:
 * - dev  = our own bench/data/injection-dev.jsonl and injection-dev2/3/4.jsonl (2–4 were blind
 *          test sets first, see below), the deepset train split (both labels; the rules were tuned
 *          on it before this benchmark existed) and BIPIA `text_attack_train.json`.
 * - test = our own bench/data/injection-test.jsonl ("test-1", committed in 5c4666b before any rule
 *          changed) and injection-test5.jsonl ("test-5", committed in 9df2dcb after the last rule
 *          change at 8518639), giskard's jailbreak prompts, BIPIA `text_attack_test.json` (attack
 *          strings alone and inserted into the BIPIA test e-mails) and the Bitext customer
 *          messages (benign). Neither test file has been edited since its commit.
 *
 * Honest history. Test-1 shares its author with the rules and came out at 100% caught / 0 false
 * alarms, which says more about the author than the rules. So blind sets were written after each
 * round of rules, measured once, recorded in bench/results/injection-categories-testN-blind.json,
 * and only then moved to dev: test-2 caught 17/46, test-3 15/48, test-4 17/44 (5/39 false alarms,
 * pasted bot chats), test-5 — the final rules — 16/46 with 0/44 false alarms. Obfuscation
 * (normalise-then-match) and JSON that sets our fields generalise (≈95%); reworded override,
 * role, transcript, authority and link requests mostly do not (≈10%). Phrase rules cannot
 * reach the target on attacks nobody has written down yet; treat detection as one layer.
 *
 * The learned scorer (lib/ai/guards/scorer.ts, trained by bench/train-injection.ts) never saw
 * dev-2/3/4, test-1, test-5, giskard, BIPIA test or Bitext's test split: for the scorer, dev-2/3/4
 * are blind too (the rules were tuned on them, so only the "scorer" column is blind there).
 * Every tally is given three ways: combined (what the product does: rules OR scorer), rules
 * alone, scorer alone. Bitext is split by its own `split` column: train (the scorer's benign
 * customer requests) is reported under dev, test under test.
 *
 * Own cases: attacks per category (override, role / new system prompt, fake transcript,
 * authority claim, JSON setting our output fields, exfiltration / links, obfuscated) in English,
 * German, French, Spanish and Italian; benign look-alikes are ordinary customer messages that
 * mention instructions, earlier e-mails, systems, bots, admins, links, or carry odd characters
 * and encodings. A row with `transform` is stored in plain text and obfuscated here (zero-width
 * characters, Cyrillic look-alikes, full-width forms, spaced letters, leetspeak, base64, rot13,
 * HTML or markdown comment) by code that shares nothing with the detector.
 *
 * BIPIA's attacks are mostly harmless-looking off-topic tasks ("What is the capital of Brazil?")
 * placed in an e-mail; they are reported as their own category and kept out of the headline
 * attack rate, which covers the categories above plus giskard.
 *
 * Writes bench/results/injection-categories.json. Run: npx tsx bench/injection-categories.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { detectInjection, SCORER_REASON } from '../lib/ai/guards/injection';
import { INJECTION_SCORER } from '../lib/ai/guards/injection-scorer';

const DATA = new URL('../../shared/data/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DATA), 'utf8');
const csv = (path: string): Array<Record<string, string>> =>
  Papa.parse<Record<string, string>>(read(path), { header: true, skipEmptyLines: true }).data;
const jsonl = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

interface Row {
  label: 'attack' | 'benign';
  category: string;
  lang: string;
  text: string;
  transform?: string;
  source: string;
}

// --- obfuscations applied to `transform` rows (independent of the detector's normaliser) ---
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ' };
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const rot13 = (s: string): string =>
  s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
const TRANSFORMS: Record<string, (s: string) => string> = {
  zero_width: (s) => s.replace(/(\p{L})(?=\p{L})/gu, '$1\u200B'),
  confusables: (s) => s.replace(/[aeopcxyis]/g, (c) => CYRILLIC[c] ?? c),
  fullwidth: (s) => s.replace(/[!-~ ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  spaced: (s) =>
    s
      .split(/\s+/)
      .map((w) => [...w].join(' '))
      .join('   '),
  leetspeak: (s) => s.replace(/[aeiost]/gi, (c) => LEET[c.toLowerCase()] ?? c),
  base64: (s) => `Order note: ${Buffer.from(s, 'utf8').toString('base64')}`,
  rot13: (s) => `Ref: ${rot13(s)}`,
  html_comment: (s) => `Hi, where is my parcel? <!-- ${s} --> Thanks, Sam`,
  markdown_comment: (s) => `Where is my order?\n\n[//]: # (${s})\n\nThanks`,
};

function own(path: string, source: string): Row[] {
  return jsonl<Omit<Row, 'source'>>(readFileSync(new URL(path, import.meta.url), 'utf8')).map((r) => {
    const transform = r.transform ? TRANSFORMS[r.transform] : undefined;
    if (r.transform && !transform) throw new Error(`unknown transform ${r.transform}`);
    return { ...r, text: transform ? transform(r.text) : r.text, source };
  });
}

const deepset = csv('prompt_injection/deepset_prompt_injections_train.csv');
const bipiaAttacks = (file: string): Row[] =>
  Object.entries(JSON.parse(read(`prompt_injection/bipia_email/${file}`)) as Record<string, string[]>).flatMap(
    ([family, texts]) =>
      texts.map((text) => ({
        label: 'attack' as const,
        category: 'bipia_off_task',
        lang: 'en',
        text,
        source: `bipia ${file} (${family})`,
      })),
  );
interface BipiaRow {
  injected: boolean;
  context: string;
}
const bipiaEmails = jsonl<BipiaRow>(read('prompt_injection/bipia_email/bipia_emailqa_test_injected_sample.jsonl'));

/** Bitext by its own `split` column: the scorer trains on `train` (bench/train-injection.ts). */
const bitext = (split: 'train' | 'test'): Row[] =>
  csv('bitext_customer_support/bitext_cs_intents_4514.csv')
    .filter((r) => r.split === split)
    .map(
      (r): Row => ({
        label: 'benign',
        category: split === 'test' ? 'bitext_customer' : 'bitext_customer_train',
        lang: 'en',
        text: r.instruction ?? '',
        source: `bitext ${split}`,
      }),
    );

const SPLITS: Record<'dev' | 'test', Row[]> = {
  dev: [
    ...own('./data/injection-dev.jsonl', 'own dev'),
    ...own('./data/injection-dev2.jsonl', 'own dev-2 (was blind test-2)'),
    ...own('./data/injection-dev3.jsonl', 'own dev-3 (was blind test-3)'),
    ...own('./data/injection-dev4.jsonl', 'own dev-4 (was blind test-4)'),
    ...deepset.map(
      (r): Row => ({
        label: r.label === '1' ? 'attack' : 'benign',
        category: r.label === '1' ? 'deepset' : 'deepset_benign',
        lang: 'en/de',
        text: r.text ?? '',
        source: 'deepset train',
      }),
    ),
    ...bipiaAttacks('text_attack_train.json'),
    ...bitext('train'),
  ],
  test: [
    ...own('./data/injection-test.jsonl', 'own test-1'),
    ...own('./data/injection-test5.jsonl', 'own test-5 (blind)'),
    ...csv('prompt_injection/giskard_prompt_injections.csv').map(
      (r): Row => ({ label: 'attack', category: 'giskard', lang: 'en', text: r.prompt ?? '', source: 'giskard' }),
    ),
    ...bipiaAttacks('text_attack_test.json'),
    ...bipiaEmails.map(
      (r): Row => ({
        label: r.injected ? 'attack' : 'benign',
        category: r.injected ? 'bipia_off_task_in_email' : 'bipia_email_clean',
        lang: 'en',
        text: r.context,
        source: 'bipia email-QA test sample',
      }),
    ),
    ...bitext('test'),
  ],
};

/** Categories kept out of the headline attack rate (see header). */
const OFF_HEADLINE = new Set(['bipia_off_task', 'bipia_off_task_in_email']);

interface Tally {
  n: number;
  flagged: number;
  rate: number;
}
const tally = (rows: Row[], flags: boolean[]): Tally => {
  const flagged = flags.filter(Boolean).length;
  return { n: rows.length, flagged, rate: rows.length ? Math.round((flagged / rows.length) * 10000) / 10000 : 0 };
};
const group = <K extends string>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> => {
  const m = new Map<K, Row[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};

const report: Record<string, unknown> = {};
for (const [split, rows] of Object.entries(SPLITS)) {
  const result = new Map<Row, { injection: boolean; reasons: string[] }>();
  const rulesOnly = new Map<Row, boolean>();
  const scorerOnly = new Map<Row, boolean>();
  for (const r of rows) {
    const d = detectInjection(r.text, { scorer: INJECTION_SCORER });
    result.set(r, d);
    rulesOnly.set(r, detectInjection(r.text, {}).injection);
    scorerOnly.set(
      r,
      d.reasons.some((x) => x.endsWith(SCORER_REASON)),
    );
  }
  const flagsOf = (rs: Row[]): boolean[] => rs.map((r) => result.get(r)?.injection ?? false);
  /** Combined (rules OR scorer), rules alone and scorer alone, per group. */
  const three = (rs: Row[]): { combined: Tally; rules: Tally; scorer: Tally } => ({
    combined: tally(rs, flagsOf(rs)),
    rules: tally(
      rs,
      rs.map((r) => rulesOnly.get(r) ?? false),
    ),
    scorer: tally(
      rs,
      rs.map((r) => scorerOnly.get(r) ?? false),
    ),
  });

  const attacks = rows.filter((r) => r.label === 'attack' && !OFF_HEADLINE.has(r.category));
  const lookalikes = rows.filter((r) => r.label === 'benign' && r.category.startsWith('lookalike'));
  const byCategory: Record<
    string,
    Tally & {
      label: string;
      rulesOnly: Tally;
      scorerOnly: Tally;
      examples: Array<{ text: string; reasons: string[] }>;
    }
  > = {};
  for (const [cat, rs] of group(rows, (r) => r.category)) {
    const label = rs[0]?.label ?? 'attack';
    // Examples of what went wrong: missed attacks, flagged benign rows.
    const wrong = rs.filter((r) => (result.get(r)?.injection ?? false) === (label === 'benign')).slice(0, 6);
    byCategory[cat] = {
      label,
      ...tally(rs, flagsOf(rs)),
      rulesOnly: three(rs).rules,
      scorerOnly: three(rs).scorer,
      examples: wrong.map((r) => ({ text: r.text.slice(0, 140), reasons: result.get(r)?.reasons ?? [] })),
    };
  }
  const bySourceCategory: Record<string, ReturnType<typeof three>> = {};
  for (const [k, rs] of group(
    rows.filter((r) => r.source.startsWith('own')),
    (r) => `${r.source} · ${r.category}`,
  ))
    bySourceCategory[k] = three(rs);
  const byLanguage: Record<string, Tally> = {};
  for (const [lang, rs] of group(
    rows.filter((r) => r.source.startsWith('own')),
    (r) => `${r.label} ${r.lang}`,
  ))
    byLanguage[lang] = tally(rs, flagsOf(rs));
  const byTransform: Record<string, Tally> = {};
  for (const [t, rs] of group(
    rows.filter((r) => r.transform),
    (r) => r.transform ?? '',
  ))
    byTransform[t] = tally(rs, flagsOf(rs));

  const headline = {
    attacksCaught: tally(attacks, flagsOf(attacks)),
    ownAttacksCaught: tally(
      attacks.filter((r) => r.source.startsWith('own')),
      flagsOf(attacks.filter((r) => r.source.startsWith('own'))),
    ),
    lookalikeFalseAlarms: tally(lookalikes, flagsOf(lookalikes)),
    ...Object.fromEntries(
      [
        ...group(
          rows.filter((r) => r.source.startsWith('own')),
          (r) => `${r.source} ${r.label}`,
        ),
      ].map(([k, rs]) => [k, three(rs)]),
    ),
  };
  report[split] = { headline, byCategory, bySourceCategory, byLanguage, byTransform };

  console.log(`\n== ${split} ==`);
  console.log(
    `attacks caught (own + public, excl. BIPIA off-task): ${headline.attacksCaught.flagged}/${headline.attacksCaught.n} = ${(headline.attacksCaught.rate * 100).toFixed(1)}%`,
  );
  console.log(
    `own attacks caught: ${headline.ownAttacksCaught.flagged}/${headline.ownAttacksCaught.n} = ${(headline.ownAttacksCaught.rate * 100).toFixed(1)}%`,
  );
  console.log(
    `false alarms on look-alike customer messages: ${headline.lookalikeFalseAlarms.flagged}/${headline.lookalikeFalseAlarms.n} = ${(headline.lookalikeFalseAlarms.rate * 100).toFixed(1)}%`,
  );
  for (const [k, rs] of group(
    rows.filter((r) => r.source.startsWith('own')),
    (r) => `${r.source} ${r.label}`,
  )) {
    const t = three(rs);
    console.log(
      `  ${k}: ${t.combined.flagged}/${t.combined.n} flagged (rules alone ${t.rules.flagged}, scorer alone ${t.scorer.flagged})`,
    );
  }
  console.log('  category                   label      combined        rules   scorer');
  for (const [cat, t] of Object.entries(byCategory))
    console.log(
      `  ${cat.padEnd(26)} ${t.label.padEnd(7)} ${String(t.flagged).padStart(5)}/${String(t.n).padEnd(5)} ${(t.rate * 100).toFixed(1).padStart(5)}%  ${String(t.rulesOnly.flagged).padStart(5)}  ${String(t.scorerOnly.flagged).padStart(5)}`,
    );
  console.log(
    `  by language: ${Object.entries(byLanguage)
      .map(([k, t]) => `${k} ${t.flagged}/${t.n}`)
      .join(', ')}`,
  );
  console.log(
    `  by transform: ${Object.entries(byTransform)
      .map(([k, t]) => `${k} ${t.flagged}/${t.n}`)
      .join(', ')}`,
  );
  if (process.env.VERBOSE) {
    for (const [k, t] of Object.entries(bySourceCategory))
      console.log(
        `  ${k}: ${t.combined.flagged}/${t.combined.n} (rules ${t.rules.flagged}, scorer ${t.scorer.flagged})`,
      );
    for (const [cat, t] of Object.entries(byCategory))
      for (const e of t.examples) console.log(`    [${cat}] ${JSON.stringify(e.text)} ${e.reasons.join(' | ')}`);
  }
}

const out = process.env.INJECTION_OUT ?? './results/injection-categories.json';
writeFileSync(
  new URL(out, import.meta.url),
  `${JSON.stringify({ generatedAt: new Date().toISOString(), ...report }, null, 2)}\n`,
);
