/** Display helpers shared by the planner page, the popup and the panel section (formatting only). */

export const CHANNEL_LABELS = { shopify: 'Shopify', pos: 'POS', amazon: 'Amazon' } as const;

export function fmtNum(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtMoney(x: number | null | undefined, currency: string | null = 'USD'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { style: 'currency', currency: currency ?? 'USD', maximumFractionDigits: 0 });
}

/** `Dec 3` from YYYY-MM-DD (UTC so the day never shifts). */
export function fmtDay(day: string | null | undefined): string {
  if (!day) return '—';
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Velocity split by channel, e.g. `Shopify 3.1 · Amazon 1.2` (channels with no sales left out). */
export function channelSplit(v: Record<string, number>): string {
  const parts = Object.entries(v)
    .filter(([, x]) => x > 0.005)
    .map(([k, x]) => `${CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] ?? k} ${fmtNum(x, 1)}`);
  return parts.length ? parts.join(' · ') : 'no recent sales';
}

export const CONFIDENCE_TONE = { high: 'ok', medium: 'warn', low: 'bad' } as const;

/** Clauses of a plan rationale that show the working (numbers behind the decision), not the decision. */
const WORKING = /^(?:needs |lead time |trend |season |on hand )/;

/**
 * A plan line's rationale as a person reads it: the decision and its reasons as short sentences,
 * and the working (lead time, reorder-point maths, counts) apart, for a "how it's worked out"
 * disclosure. The engine writes one run of "; "-separated clauses; a "; " inside brackets (several
 * POs) stays in its clause.
 */
export function splitRationale(text: string): { reasons: string[]; working: string[] } {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0 && text[i + 1] === ' ') {
      clauses.push(text.slice(start, i));
      start = i + 2;
    }
  }
  clauses.push(text.slice(start));
  const reasons: string[] = [];
  const working: string[] = [];
  for (const raw of clauses) {
    const c = raw.trim();
    if (!c) continue;
    const sentence = c[0]!.toUpperCase() + c.slice(1);
    (WORKING.test(c) ? working : reasons).push(/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);
  }
  return { reasons, working };
}
