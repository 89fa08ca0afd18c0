/**
 * Trains the local intent model: multinomial naive Bayes on the `train` split of the Bitext
 * customer-support set (mapped to our taxonomy, see lib/cs/bitext-mapping.ts) plus Counterpart's
 * hand-written examples (lib/cs/hand-examples.ts). Writes lib/cs/intent-model.json.
 * Run: npx tsx bench/cs-train.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseBitext } from '../lib/cs/bitext';
import { HAND_EXAMPLES } from '../lib/cs/hand-examples';
import { trainNb } from '../lib/cs/naive-bayes';
import { cleanMessage, normaliseText } from '../lib/cs/normalise';

/** The model learns from text spelled as the classifier will see it (lib/cs/normalise.ts). */
const norm = (t: string) => normaliseText(cleanMessage(t));

const csv = readFileSync(
  new URL('../../shared/data/bitext_customer_support/bitext_cs_intents_4514.csv', import.meta.url),
  'utf8',
);
const rows = parseBitext(csv).filter((r) => r.split === 'train');
// Hand examples are few per intent (10–20 against ~130 Bitext rows); weight them so their
// intents are not drowned by vocabulary mass.
const HAND_WEIGHT = 4;
const examples = [
  ...rows.map((r) => ({ text: norm(r.text), label: r.intent })),
  ...Object.entries(HAND_EXAMPLES).flatMap(([label, texts]) =>
    (texts ?? []).map((text) => ({ text: norm(text), label, weight: HAND_WEIGHT })),
  ),
];
const model = trainNb(examples, {
  minCount: 3,
  maxVocab: 5000,
  alpha: 0.3,
  about:
    'Multinomial NB counts. Trained on the train split of the Bitext customer-support set (bitext/customer-support-llm-chatbot-training-dataset @ 8b6ca3d), licensed CDLA-Sharing-1.0, plus hand-written examples from lib/cs/hand-examples.ts. Regenerate with: npx tsx bench/cs-train.ts',
});
const out = new URL('../lib/cs/intent-model.json', import.meta.url);
const text = JSON.stringify(model);
writeFileSync(out, `${text}\n`);
console.log(
  `trained on ${examples.length} examples (${rows.length} Bitext train rows), vocab ${model.vocab.length}, ${(text.length / 1024).toFixed(1)} kB`,
);
