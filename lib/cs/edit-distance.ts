import type { IntentId } from './taxonomy';

/**
 * Levenshtein distance over UTF-16 units with common prefix/suffix trimmed first and a single
 * rolling row (O(n·m) time, O(min(n, m)) memory): drafts are a few hundred to a few thousand
 * characters, and agents usually edit a sentence, so trimming removes most of the work.
 */
export function levenshtein(a: string, b: string): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  let s = a.slice(start, endA);
  let t = b.slice(start, endB);
  if (s.length < t.length) [s, t] = [t, s];
  if (t.length === 0) return s.length;
  const row = new Uint32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) row[j] = j;
  for (let i = 1; i <= s.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    const si = s.charCodeAt(i - 1);
    for (let j = 1; j <= t.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (si === t.charCodeAt(j - 1) ? 0 : 1));
      prev = tmp;
    }
  }
  return row[t.length]!;
}

/** Levenshtein distance divided by the longer length: 0 = identical, 1 = nothing in common. */
export function normalisedEditDistance(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 0 : levenshtein(a, b) / max;
}

const canon = (s: string) =>
  s
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Above this normalised distance the agent effectively wrote their own reply. */
export const DISCARD_DISTANCE = 0.6;

export type DraftOutcome =
  | { outcome: 'accepted' }
  | { outcome: 'edited'; distance: number }
  | { outcome: 'discarded'; distance: number | null };

/**
 * Compares a draft with what the agent sent: identical up to whitespace → accepted; sent text
 * missing → discarded; distance above {@link DISCARD_DISTANCE} → discarded; otherwise edited.
 */
export function draftOutcome(draft: string, finalText: string | null | undefined): DraftOutcome {
  if (finalText == null || !canon(finalText)) return { outcome: 'discarded', distance: null };
  const a = canon(draft);
  const b = canon(finalText);
  if (a === b) return { outcome: 'accepted' };
  const distance = Math.round(normalisedEditDistance(a, b) * 1000) / 1000;
  return distance > DISCARD_DISTANCE ? { outcome: 'discarded', distance } : { outcome: 'edited', distance };
}

export interface DraftRecord {
  intent: IntentId;
  draft: string;
  finalText: string | null;
}

export interface IntentDraftStats {
  intent: IntentId;
  total: number;
  accepted: number;
  edited: number;
  discarded: number;
  /** Mean normalised edit distance of the edited drafts; null when none was edited. */
  avgEditDistance: number | null;
  acceptedRate: number;
}

/** Per-intent accepted / edited (with mean edit distance) / discarded counts, for the options page. */
export function aggregateDraftStats(records: DraftRecord[]): IntentDraftStats[] {
  const by = new Map<IntentId, { accepted: number; edited: number; discarded: number; sum: number }>();
  for (const r of records) {
    const s = by.get(r.intent) ?? { accepted: 0, edited: 0, discarded: 0, sum: 0 };
    const o = draftOutcome(r.draft, r.finalText);
    if (o.outcome === 'accepted') s.accepted += 1;
    else if (o.outcome === 'edited') {
      s.edited += 1;
      s.sum += o.distance;
    } else s.discarded += 1;
    by.set(r.intent, s);
  }
  return [...by.entries()]
    .map(([intent, s]) => {
      const total = s.accepted + s.edited + s.discarded;
      return {
        intent,
        total,
        accepted: s.accepted,
        edited: s.edited,
        discarded: s.discarded,
        avgEditDistance: s.edited ? Math.round((s.sum / s.edited) * 1000) / 1000 : null,
        acceptedRate: Math.round((s.accepted / total) * 1000) / 1000,
      };
    })
    .sort((a, b) => b.total - a.total || a.intent.localeCompare(b.intent));
}
