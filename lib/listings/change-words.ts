/** What a proposed value changes, in plain words, for the Apply preview ("Takes out “Free Shipping”"). */
import { chars, norm } from './text';

const MAX_RUNS = 4;
const MAX_RUN_CHARS = 70;

const quote = (s: string) => `“${s.length > MAX_RUN_CHARS ? `${s.slice(0, MAX_RUN_CHARS - 1)}…` : s}”`;

/** Word runs removed from `before` and added in `after` (longest common subsequence of words, case-insensitive). */
export function wordDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = norm(before).split(/\s+/).filter(Boolean);
  const b = norm(after).split(/\s+/).filter(Boolean);
  const key = (w: string) => w.toLowerCase().replace(/[.,;:!?™®©]+$/u, '');
  const n = a.length;
  const m = b.length;
  // Long texts (descriptions) are compared as a whole: the preview shows both versions anyway.
  if (n * m > 250_000) return { removed: [norm(before)], added: [norm(after)] };
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = key(a[i]!) === key(b[j]!) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  let rem: string[] = [];
  let add: string[] = [];
  const flush = () => {
    if (rem.length) removed.push(rem.join(' '));
    if (add.length) added.push(add.join(' '));
    rem = [];
    add = [];
  };
  while (i < n || j < m) {
    const ai = a[i];
    const bj = b[j];
    if (ai !== undefined && bj !== undefined && key(ai) === key(bj)) {
      flush();
      i += 1;
      j += 1;
    } else if (bj === undefined || (ai !== undefined && dp[i + 1]![j]! >= dp[i]![j + 1]!)) {
      rem.push(ai ?? '');
      i += 1;
    } else {
      add.push(bj);
      j += 1;
    }
  }
  flush();
  return { removed, added };
}

/** The changes from `before` to `after` as short sentences for a person ("Takes out “Free Shipping”"). */
export function describeChange(before: string, after: string): string[] {
  const b = norm(before);
  const a = norm(after);
  if (a === b) return [];
  if (!a) return ['Empties the field'];
  if (!b) return ['Fills the empty field'];
  const { removed, added } = wordDiff(b, a);
  const out: string[] = [];
  if (removed.length)
    out.push(
      `Takes out ${removed.slice(0, MAX_RUNS).map(quote).join(', ')}${removed.length > MAX_RUNS ? ` and ${removed.length - MAX_RUNS} more` : ''}`,
    );
  if (added.length)
    out.push(
      `Adds ${added.slice(0, MAX_RUNS).map(quote).join(', ')}${added.length > MAX_RUNS ? ` and ${added.length - MAX_RUNS} more` : ''}`,
    );
  if (!removed.length && !added.length) {
    // Only symbols, punctuation or capitals differ: name the characters that went.
    const left = [...a];
    const gone = [...b].filter((c) => {
      const k = left.indexOf(c);
      if (k >= 0) left.splice(k, 1);
      return k < 0 && !/\p{L}/u.test(c);
    });
    out.push(gone.length ? `Takes out ${[...new Set(gone)].map(quote).join(', ')}` : 'Changes capital letters only');
  }
  const [cb, ca] = [chars(b), chars(a)];
  if (cb !== ca) out.push(`${cb} → ${ca} characters`);
  return out;
}
