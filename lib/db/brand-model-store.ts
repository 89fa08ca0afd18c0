import Papa from 'papaparse';
import { type BrandExample, brandView, isHeldOut, trainBrandIntentModel } from '../cs/brand-model';
import type { BrandModelView } from '../cs/classify';
import { isIntentId } from '../cs/taxonomy';
import { type BrandReasonAnswer, brandReasonModel } from '../returns/brand-reasons';
import { importLoopReturnsText } from '../returns/loop-export';
import { reasonsFromDropdown } from '../returns/taxonomy';
import { fnv1a } from '../util/hash';
import { REJECTED_KEPT, recordImport } from './imports';
import type { BrandExampleRow, CounterpartDB, ShadowAnswerRow } from './schema';

/** Every stored example of the brand, as the model and the options page read them. */
export async function loadBrandExamples(database: CounterpartDB): Promise<BrandExample[]> {
  return (await database.brandExamples.toArray()).map((r) => ({
    kind: r.kind,
    text: r.text,
    label: r.label,
    source: r.source,
  }));
}

/** Records an agent's pick in a panel: the text and the label chosen (and what the engine had said). */
export async function addCorrection(
  database: CounterpartDB,
  c: { kind: 'intent' | 'reason'; text: string; label: string; was?: string },
  at: string,
): Promise<number> {
  const text = c.text.slice(0, 20_000);
  return database.brandExamples.add({ kind: c.kind, text, label: c.label, source: 'correction', was: c.was, at });
}

let cached: { key: string; view: BrandModelView | undefined } | null = null;

/**
 * The brand's intent model, retrained when its examples change (keyed by their count and the last
 * id). Training a few thousand rows takes milliseconds; it runs in the background, never on a page.
 */
export async function brandIntentModel(database: CounterpartDB): Promise<BrandModelView | undefined> {
  const count = await database.brandExamples.where('kind').equals('intent').count();
  const last = (await database.brandExamples.orderBy(':id').last())?.id ?? 0;
  const key = `${count}:${last}`;
  if (cached?.key === key) return cached.view;
  const examples = (await loadBrandExamples(database)).filter((e) => e.kind === 'intent');
  const view = brandView(trainBrandIntentModel(examples), examples.filter((e) => !isHeldOut(e.text)).length);
  cached = { key, view };
  return view;
}

let cachedReasons: { key: string; model: ((comment: string) => BrandReasonAnswer | null) | null } | null = null;

/**
 * The brand's reason model with the team's picks, for live returns (issue 15 item 2), retrained
 * when the examples change (as {@link brandIntentModel}).
 */
export async function brandReasonAnswers(
  database: CounterpartDB,
): Promise<((comment: string) => BrandReasonAnswer | null) | null> {
  const count = await database.brandExamples.where('kind').equals('reason').count();
  const last = (await database.brandExamples.orderBy(':id').last())?.id ?? 0;
  const key = `${count}:${last}`;
  if (cachedReasons?.key === key) return cachedReasons.model;
  const examples = (await loadBrandExamples(database)).filter((e) => e.kind === 'reason');
  const model = brandReasonModel(examples, { picks: true });
  cachedReasons = { key, model };
  return model;
}

/** A short key of the brand model's state, so a cached analysis is redone after a correction. */
export async function brandModelKey(database: CounterpartDB): Promise<string> {
  const last = (await database.brandExamples.orderBy(':id').last())?.id ?? 0;
  return String(last);
}

const TEXT_COLUMNS = ['text', 'message', 'body', 'customer_text', 'customer message', 'first message', 'description'];
const LABEL_COLUMNS = ['intent', 'tag', 'tags', 'label', 'category', 'reason', 'gorgias intent', 'intents'];

/**
 * Reads past tickets with the brand's own tags or Gorgias intents (CSV with a header, or a JSON
 * array of objects): a text column and a label column, the label matched to our intents (the id or
 * its words: "order status", "ORDER_STATUS", "order-status"). Rows whose label is not one of our
 * intents are rejected with their line, as every import here does.
 */
export function parseTaggedTickets(
  content: string,
  format: 'csv' | 'json' = content.trimStart().startsWith('[') ? 'json' : 'csv',
): { rows: Array<{ text: string; label: string }>; rejected: Array<{ line: number; reason: string }> } {
  let records: Array<Record<string, unknown>>;
  if (format === 'json') {
    const parsed: unknown = JSON.parse(content);
    records = Array.isArray(parsed)
      ? parsed.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
      : [];
  } else {
    records = Papa.parse<Record<string, unknown>>(content, { header: true, skipEmptyLines: true }).data;
  }
  const rows: Array<{ text: string; label: string }> = [];
  const rejected: Array<{ line: number; reason: string }> = [];
  records.forEach((rec, i) => {
    const line = format === 'csv' ? i + 2 : i + 1;
    const keys = new Map(Object.keys(rec).map((k) => [k.trim().toLowerCase(), k]));
    const pick = (names: string[]) => {
      for (const n of names) {
        const k = keys.get(n);
        const v = k === undefined ? undefined : rec[k];
        if (typeof v === 'string' && v.trim()) return v.trim();
      }
      return '';
    };
    const text = pick(TEXT_COLUMNS);
    const raw = pick(LABEL_COLUMNS);
    const label = raw
      .split(/[,;|]/)
      .map((l) =>
        l
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_'),
      )
      .find(isIntentId);
    if (!text) rejected.push({ line, reason: 'no text column (text, message, body…)' });
    else if (!label)
      rejected.push({ line, reason: raw ? `"${raw.slice(0, 60)}" is not one of our intents` : 'no intent or tag' });
    else rows.push({ text: text.slice(0, 20_000), label });
  });
  return { rows, rejected };
}

/** Imports tagged past tickets into the brand's examples, logged in the import log. */
export async function importTaggedTickets(
  database: CounterpartDB,
  file: { content: string; format?: 'csv' | 'json'; fileName?: string },
  at: string,
): Promise<{ imported: number; total: number; rejected: Array<{ line: number; reason: string }> }> {
  const { rows, rejected } = parseTaggedTickets(file.content, file.format);
  await database.transaction('rw', database.brandExamples, database.imports, async () => {
    await database.brandExamples.bulkAdd(
      rows.map((r): BrandExampleRow => ({ kind: 'intent', text: r.text, label: r.label, source: 'import', at })),
    );
    await recordImport(database, {
      source: 'cs.brandTickets',
      fileName: file.fileName ?? 'pasted',
      fileHash: fnv1a(file.content),
      importedAt: at,
      rowsTotal: rows.length + rejected.length,
      rowsAccepted: rows.length,
      rejected,
    });
  });
  return { imported: rows.length, total: rows.length + rejected.length, rejected: rejected.slice(0, REJECTED_KEPT) };
}

/**
 * Keeps past tickets read through Gorgias' API as the brand's examples (issue 15 item 4): a text
 * already imported is not added twice, so an import run again only adds new tickets. Logged in
 * the import log like a file.
 */
export async function importGorgiasExamples(
  database: CounterpartDB,
  rows: ReadonlyArray<{ text: string; label: string }>,
  meta: { account: string; at: string },
): Promise<{ imported: number; total: number }> {
  return database.transaction('rw', database.brandExamples, database.imports, async () => {
    const known = new Set(
      (await database.brandExamples.where('source').equals('import').toArray()).map((r) => r.text.trim()),
    );
    const fresh: BrandExampleRow[] = [];
    for (const r of rows) {
      const text = r.text.slice(0, 20_000);
      if (!isIntentId(r.label) || !text.trim() || known.has(text.trim())) continue;
      known.add(text.trim());
      fresh.push({ kind: 'intent', text, label: r.label, source: 'import', at: meta.at });
    }
    await database.brandExamples.bulkAdd(fresh);
    await recordImport(database, {
      source: 'cs.brandTickets',
      fileName: `Gorgias API (${meta.account})`,
      fileHash: fnv1a(rows.map((r) => `${r.label}\t${r.text}`).join('\n')),
      importedAt: meta.at,
      rowsTotal: rows.length,
      rowsAccepted: fresh.length,
      rejected: [],
    });
    return { imported: fresh.length, total: rows.length };
  });
}

/** Imports a Loop returns export's comments with their reasons (the existing Loop parser) as reason examples. */
export async function importLoopReasons(
  database: CounterpartDB,
  file: { content: string; fileName?: string },
  at: string,
): Promise<{ imported: number; total: number; rejected: Array<{ line: number; reason: string }> }> {
  const parsed = importLoopReturnsText(file.content);
  // The label is the customer's dropdown reason where the comment does not contradict it.
  const rows: BrandExampleRow[] = [];
  for (const l of parsed.records) {
    const label = reasonsFromDropdown(l.selectedReason)[0] ?? 'other';
    if (!l.comment.trim() || label === 'other' || l.mismatch) continue;
    rows.push({ kind: 'reason', text: l.comment.slice(0, 20_000), label, source: 'loop', at });
  }
  const rejected = parsed.rejected.map((r) => ({ line: r.line, reason: r.reason }));
  await database.transaction('rw', database.brandExamples, database.imports, async () => {
    await database.brandExamples.bulkAdd(rows);
    await recordImport(database, {
      source: 'returns.brandReasons',
      fileName: file.fileName ?? 'pasted',
      fileHash: fnv1a(file.content),
      importedAt: at,
      rowsTotal: parsed.records.length + rejected.length,
      rowsAccepted: rows.length,
      rejected,
    });
  });
  return {
    imported: rows.length,
    total: parsed.records.length + rejected.length,
    rejected: rejected.slice(0, REJECTED_KEPT),
  };
}

/** Keeps the local engine's answer beside the model's for one ticket (once per ticket and pair). */
export async function recordShadow(database: CounterpartDB, row: Omit<ShadowAnswerRow, 'id'>): Promise<void> {
  const same = await database.shadowAnswers.where('ticketId').equals(row.ticketId).toArray();
  if (same.some((r) => r.localIntent === row.localIntent && r.modelIntent === row.modelIntent)) return;
  await database.shadowAnswers.add({ ...row });
}

/** Agreement of the local engine with the model, per intent the model gave. */
export async function shadowAgreement(
  database: CounterpartDB,
): Promise<Array<{ intent: string; total: number; agree: number }>> {
  const per = new Map<string, { total: number; agree: number }>();
  for (const r of await database.shadowAnswers.toArray()) {
    const row = per.get(r.modelIntent) ?? { total: 0, agree: 0 };
    row.total += 1;
    if (r.localIntent === r.modelIntent) row.agree += 1;
    per.set(r.modelIntent, row);
  }
  return [...per.entries()].map(([intent, v]) => ({ intent, ...v })).sort((a, b) => b.total - a.total);
}
