import Papa from 'papaparse';
import { mapBitextIntent } from './bitext-mapping';
import type { IntentId } from './taxonomy';

export interface BitextRow {
  id: number;
  split: 'train' | 'test';
  text: string;
  bitextIntent: string;
  intent: IntentId;
}

/** Parses the Bitext CSV (columns id, split, instruction, intent, …) and maps intents to our taxonomy. */
export function parseBitext(csv: string): BitextRow[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const rows: BitextRow[] = [];
  for (const r of parsed.data) {
    const intent = mapBitextIntent(r.intent ?? '');
    if (!intent || (r.split !== 'train' && r.split !== 'test')) continue;
    rows.push({ id: Number(r.id), split: r.split, text: r.instruction ?? '', bitextIntent: r.intent ?? '', intent });
  }
  return rows;
}
